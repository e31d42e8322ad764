/**
 * docs/targets.md S9 beyond one changed byte: the chain is keyed (a secret outside the database) and its head is
 * checkpointed in a file the database cannot reach, so that an attacker with full database rights — triggers
 * disabled, as a superuser would — cannot rewrite the chain, drop its tail or empty the table without the verifier
 * saying so. Each tampering gets a fresh copy of the sample database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { docxText, binary } from "../../support/results";
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
let dir: string;
let checkpointFile: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-audit-"));
  checkpointFile = path.join(dir, "audit-checkpoints.log");
  app = await startTestApp({ env: { AUDIT_CHECKPOINT_FILE: checkpointFile } });
  // Some recent activity on top of the sample's rows, then everything sealed and checkpointed.
  for (const user of ["admin", "chair", "leader"]) await app.login(user);
  const intact = await verify();
  expect(intact.ok).toBe(true);
});
afterEach(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const db = () => app.ctx.database.db;
const verify = () => verifyAuditChain(db(), app.ctx.audit);
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const lastSeq = async () =>
  Number(rowsOf<{ n: string }>(await db().execute(sql`select max(seq)::text as n from audit_log`))[0].n);

/** Runs statements as a superuser would, with every trigger of the session off (logical-replication mode). */
async function asSuperuser(statements: ReturnType<typeof sql>[]) {
  await db().transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const s of statements) await tx.execute(s);
  });
}

describe("S9: tampering that keeps the rows self-consistent is still reported", () => {
  it("refuses TRUNCATE at the database, like UPDATE and DELETE", async () => {
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(db().execute(sql`truncate audit_log`)).rejects.toMatchObject(refused);
    expect((await verify()).ok).toBe(true);
  });

  it("reports a chain recomputed from a changed row on, by someone without the key", async () => {
    const target = Math.floor((await lastSeq()) / 2);
    // The attacker changes a row and re-chains everything after it with the published algorithm (SHA-256 over
    // the previous hash and the row's fields): every link and every hash is consistent again.
    await asSuperuser([
      sql`update audit_log set reason = 'rewritten' where seq = ${target}`,
      sql.raw(`do $$
        declare r record; prev text;
        begin
          select hash into prev from audit_log where seq = ${target - 1};
          for r in select * from audit_log where seq >= ${target} order by seq loop
            update audit_log set prev_hash = prev,
              hash = encode(sha256(convert_to(prev || E'\\n' || jsonb_build_array(
                to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                r.actor_id, r.actor_name, r.action, r.entity, r.entity_id, r.old_value, r.new_value, r.reason
              )::text, 'UTF8')), 'hex')
             where id = r.id returning hash into prev;
          end loop;
        end $$`),
    ]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: "rewritten_chain", fromSeq: target });
  });

  it("reports the last rows deleted as a missing tail", async () => {
    const head = await lastSeq();
    await asSuperuser([sql`delete from audit_log where seq > ${head - 3}`]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ kind: "missing_tail", lastSeq: head - 3, checkpointSeq: head }),
    );
  });

  it("reports the table truncated, and still after new rows are chained on the empty table", async () => {
    const head = await lastSeq();
    await asSuperuser([sql`truncate audit_log`]);
    const emptied = await verify();
    expect(emptied.ok).toBe(false);
    expect(emptied.problems).toContainEqual(
      expect.objectContaining({ kind: "truncated", checkpointSeq: head }),
    );
    // The server goes on: new rows start a new chain, which does not contain the checkpointed head.
    await app.login("wg");
    const after = await verify();
    expect(after.ok).toBe(false);
    expect(after.problems.map((p) => p.kind)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(missing_tail|checkpoint_mismatch)$/)]),
    );
  });

  it("reports one changed byte as a changed row, and names it", async () => {
    const target = Math.floor((await lastSeq()) / 3);
    await asSuperuser([sql`update audit_log set reason = coalesce(reason, '') || 'x' where seq = ${target}`]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: "changed_row", seq: target });
  });

  it("writes each new head to the checkpoint file, and prints it on the exports", async () => {
    const lines = fs.readFileSync(checkpointFile, "utf8").trim().split("\n");
    const last = JSON.parse(lines[lines.length - 1]) as { seq: number; hash: string };
    expect(last.seq).toBe(await lastSeq());
    expect(last.hash).toMatch(/^[0-9a-f]{64}$/);
    const admin = await app.login("admin");
    const periodId = (await admin.get("/api/periods")).body.data[0].id;
    const report = await admin.get(`/api/periods/${periodId}/exports/report.docx`).buffer(true).parse(binary);
    expect(report.status).toBe(200);
    const text = await docxText(report.body);
    const printed = /#(\d+) · ([0-9a-f]{64})/.exec(text);
    expect(printed).not.toBeNull();
    // The head printed on the paper is a checkpoint too: the verifier checks the chain against it.
    const seq = Number(printed![1]);
    expect((await verifyAuditChain(db(), app.ctx.audit, { heads: [{ seq, hash: printed![2] }] })).ok).toBe(
      true,
    );
    const forged = { seq, hash: "f".repeat(64) };
    expect(await verifyAuditChain(db(), app.ctx.audit, { heads: [forged] })).toMatchObject({
      ok: false,
      problems: [expect.objectContaining({ kind: "checkpoint_mismatch", seq })],
    });
  });
});
