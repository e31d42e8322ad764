import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { sealAudit } from "./auditSealer";
import {
  CHAIN_COLUMNS,
  GENESIS_HASH,
  readCheckpoints,
  rowHash,
  rowsOf,
  type AuditChain,
  type ChainHead,
  type ChainRow,
} from "./auditChain";

/** What the verifier found wrong; `seq` is the place in the chain, `id` the row. */
export type AuditProblem =
  /** One row's fields no longer match its keyed hash, the rows around it do: its content was changed. */
  | { kind: "changed_row"; id: number; seq: number }
  /** Consecutive rows whose hashes link up but do not verify with the key: the chain was recomputed from there. */
  | { kind: "rewritten_chain"; id: number; fromSeq: number; toSeq: number; rows: number }
  /** A row does not carry the hash of the row before it. */
  | { kind: "broken_link"; id: number; seq: number }
  /** Places in the chain with no row: rows deleted between `afterSeq` and `beforeSeq`. */
  | { kind: "missing_rows"; id: number; seq: number; afterSeq: number; beforeSeq: number }
  /** A checkpointed (or printed) head names a hash the row at that place does not have. */
  | { kind: "checkpoint_mismatch"; id: number; seq: number; expected: string; found: string }
  /** The chain ends before the newest checkpointed head: its last rows were deleted. */
  | { kind: "missing_tail"; lastSeq: number; checkpointSeq: number }
  /** The table holds no sealed row although heads were checkpointed: it was emptied. */
  | { kind: "truncated"; checkpointSeq: number }
  /** The checkpoints were written with another key than the one verifying. */
  | { kind: "other_key"; keyIds: string[] };

export interface AuditVerification {
  ok: boolean;
  /** Sealed rows walked. */
  rows: number;
  head: ChainHead | null;
  /** Heads compared: the checkpoint file's lines and the heads passed in. */
  checkpoints: number;
  /** Unreadable lines of the checkpoint file. */
  malformedCheckpoints: number;
  /** In chain order, at most MAX_PROBLEMS. */
  problems: AuditProblem[];
  /** The first row a problem names, and what it is (for a one-line report). */
  brokenAt?: number;
  reason?: AuditProblem["kind"];
}

const MAX_PROBLEMS = 1000;

/**
 * Chains every committed row first (waiting for a sealer running elsewhere), then walks the whole chain in `seq`
 * order. Each row's keyed hash is recomputed from its stored fields and its link checked, and each head of the
 * checkpoint file (and any passed in `heads`, e.g. one printed on a report) is compared with the row at its place.
 * Without the key a changed row cannot be re-hashed: one changed row shows as such, a recomputed chain as a run of
 * rows that link up but do not verify. Deleted rows show as a gap, a deleted tail or an emptied table by the
 * checkpoints beyond the chain's end.
 */
export async function verifyAuditChain(
  db: Db,
  chain: AuditChain,
  opts: { heads?: ChainHead[]; batchSize?: number } = {},
): Promise<AuditVerification> {
  await sealAudit(db, chain, { wait: true });
  const file = readCheckpoints(chain);
  const claimed = [...file.checkpoints, ...(opts.heads ?? [])];
  const claimsAt = new Map<number, Set<string>>();
  for (const c of claimed) claimsAt.set(c.seq, (claimsAt.get(c.seq) ?? new Set()).add(c.hash));
  const problems: AuditProblem[] = [];
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let rows = 0;
  // The current run of rows whose keyed hash does not verify: one such row alone was changed, a run was rewritten.
  const run: { open: Extract<AuditProblem, { kind: "rewritten_chain" }> | null } = { open: null };
  const endRun = () => {
    const r = run.open;
    if (r) problems.push(r.rows === 1 ? { kind: "changed_row", id: r.id, seq: r.fromSeq } : r);
    run.open = null;
  };
  for (;;) {
    const batch = rowsOf<ChainRow>(
      await db.execute(sql`select ${CHAIN_COLUMNS} from audit_log
        where seq > ${lastSeq} order by audit_log.seq limit ${opts.batchSize ?? 5000}`),
    );
    if (batch.length === 0) break;
    for (const row of batch) {
      const id = Number(row.id);
      const seq = Number(row.seq);
      rows++;
      if (seq !== lastSeq + 1) {
        endRun();
        problems.push({ kind: "missing_rows", id, seq, afterSeq: lastSeq, beforeSeq: seq });
      } else if (row.prev_hash !== prev) {
        endRun();
        problems.push({ kind: "broken_link", id, seq });
      }
      if (rowHash(chain.key, row.prev_hash ?? "", seq, row) === row.hash) endRun();
      else if (run.open) {
        run.open.rows++;
        run.open.toSeq = seq;
      } else run.open = { kind: "rewritten_chain", id, fromSeq: seq, toSeq: seq, rows: 1 };
      for (const expected of claimsAt.get(seq) ?? [])
        if (expected !== row.hash)
          problems.push({ kind: "checkpoint_mismatch", id, seq, expected, found: row.hash ?? "" });
      prev = row.hash ?? "";
      lastSeq = seq;
    }
  }
  endRun();
  const newest = Math.max(0, ...claimed.map((c) => c.seq));
  if (newest > lastSeq)
    problems.push(
      rows === 0
        ? { kind: "truncated", checkpointSeq: newest }
        : { kind: "missing_tail", lastSeq, checkpointSeq: newest },
    );
  const otherKeys = [...new Set(file.checkpoints.map((c) => c.key).filter((k) => k && k !== chain.keyId))];
  if (otherKeys.length) problems.push({ kind: "other_key", keyIds: otherKeys });
  // Chain order; on one place, what is wrong with the row before what a checkpoint says of it.
  const place = (p: AuditProblem) =>
    "fromSeq" in p ? p.fromSeq : "seq" in p ? p.seq : "lastSeq" in p ? p.lastSeq + 1 : Infinity;
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        place(a.p) - place(b.p) ||
        Number(a.p.kind === "checkpoint_mismatch") - Number(b.p.kind === "checkpoint_mismatch") ||
        a.i - b.i,
    )
    .map((x) => x.p)
    .slice(0, MAX_PROBLEMS);
  const first = sorted[0];
  return {
    ok: sorted.length === 0,
    rows,
    head: lastSeq ? { seq: lastSeq, hash: prev } : null,
    checkpoints: claimed.length,
    malformedCheckpoints: file.malformed,
    problems: sorted,
    ...(first ? { reason: first.kind, brokenAt: sorted.find((p) => "id" in p)?.id } : {}),
  };
}

/** One line per problem, for people (`npm run audit:verify`). */
export function describeProblem(p: AuditProblem): string {
  switch (p.kind) {
    case "changed_row":
      return `row id ${p.id} (#${p.seq}) was changed: its content no longer matches its keyed hash`;
    case "rewritten_chain":
      return `chain rewritten from row id ${p.id} (#${p.fromSeq}) to #${p.toSeq}: ${p.rows} rows link up but do not verify with the key`;
    case "broken_link":
      return `row id ${p.id} (#${p.seq}) does not carry the hash of the row before it`;
    case "missing_rows":
      return `rows #${p.afterSeq + 1}–#${p.beforeSeq - 1} are missing (deleted) before row id ${p.id}`;
    case "checkpoint_mismatch":
      return `row id ${p.id} (#${p.seq}) has hash ${p.found}, the checkpointed head there is ${p.expected}`;
    case "missing_tail":
      return `the chain ends at #${p.lastSeq} but a head #${p.checkpointSeq} was checkpointed: its last rows were deleted`;
    case "truncated":
      return `the audit log is empty but a head #${p.checkpointSeq} was checkpointed: the table was truncated`;
    case "other_key":
      return `checkpoints were written with another audit key (${p.keyIds.join(", ")}): is AUDIT_KEY the right one?`;
  }
}
