/**
 * Concurrent writes on one dossier (docs/domain.md §2, §5: each move once, by a permitted role, at a permitted time; each
 * command one transaction). Two editors of a unit, a double-click on "submit", a review racing the round's close:
 * never a 5xx, never a write acknowledged after the step that locks it, never the same move twice.
 * (PGlite runs one transaction at a time; these bite on PostgreSQL — run with DATABASE_URL.)
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { auditLog, scores } from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { PDF } from "../../support/files";
import { startTestApp, type TestApp } from "../../support/testApp";
import { selfAssessAll, trainingDossier } from "../../support/workflow";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
type Res = {
  status: number;
  body: { data?: Record<string, unknown>; error?: { code: string; message: string } };
};

let app: TestApp;
let admin: Agent;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await trainingDossier(app, "snv")).admin;
});
afterAll(() => app.close());

const statuses = (rs: Res[]) => rs.map((r) => r.status).sort();
const noServerErrors = (rs: Res[]) =>
  expect(rs.filter((r) => r.status >= 500).map((r) => JSON.stringify(r.body))).toEqual([]);

/** Audit rows of a dossier, in chain order. */
async function auditOf(dossierId: string, actions: string[]) {
  return app.ctx.database.db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      oldValue: auditLog.oldValue,
      newValue: auditLog.newValue,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, dossierId), inArray(auditLog.action, actions)))
    .orderBy(asc(auditLog.id));
}

/** Two accounts of one unit (the demo editor and head, or new ones for units without them). */
async function unitAccounts(unitCode: string): Promise<{ editor: Agent; head: Agent; dossierId: string }> {
  const { dossierId } = await trainingDossier(app, unitCode);
  const units = (await admin.get("/api/units")).body.data as { id: string; code: string }[];
  const unitId = units.find((u) => u.code === unitCode)!.id;
  const make = async (role: string) => {
    const username = `${role === "agency_head" ? "head" : "editor"}.${unitCode}.race`;
    const res = await admin
      .post("/api/users")
      .send({ username, fullName: "Cán bộ thử", password: "Race12345", roles: [role], unitId });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return app.login(username, "Race12345");
  };
  return { editor: await make("agency_editor"), head: await make("agency_head"), dossierId };
}

describe("concurrent writes on one dossier", () => {
  it("two people scoring the same leaf at once: no 5xx, one score row, one audit row per acknowledged write", async () => {
    const { editor, head, dossierId } = await unitAccounts("sct");
    const results = (await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? editor : head)
          .put(`/api/dossiers/${dossierId}/items/1.1.2/self`)
          .send({ figures: { numerator: 13 + (i % 8), denominator: 20 }, note: `lần ${i}` }),
      ),
    )) as Res[];
    noServerErrors(results);
    expect(statuses(results)).toEqual(Array(12).fill(200));
    const item = (await editor.get(`/api/dossiers/${dossierId}`)).body.data.leaves.find(
      (l: { code: string }) => l.code === "1.1.2",
    );
    expect(item.stages.self).toBeDefined();
    const rows = await app.ctx.database.db
      .select()
      .from(scores)
      .where(and(eq(scores.dossierId, dossierId), eq(scores.stage, "self")));
    // One row for the leaf raced on (the sample's Sở Công Thương has scored areas 1 and 2 of its own: other leaves).
    expect(rows.filter((r) => r.note.startsWith("lần "))).toHaveLength(1);
    const audit = await auditOf(dossierId, ["score.self"]);
    expect(audit).toHaveLength(12);
    // One after another under the dossier's lock: each write read, as its old value, what the one before it wrote
    // (a write that waited for the lock reads again after it, queries/scoreWriteState.ts).
    const notes = (values: unknown[]) => values.map((v) => (v as { note?: string } | null)?.note);
    expect(notes(audit.slice(1).map((a) => a.oldValue))).toEqual(
      notes(audit.slice(0, -1).map((a) => a.newValue)),
    );
  });

  it("a double-click on submit moves the dossier once", async () => {
    const { head, dossierId } = await unitAccounts("sxd");
    await selfAssessAll(head, dossierId);
    const results = (await Promise.all(
      Array.from({ length: 4 }, () =>
        head.post(`/api/dossiers/${dossierId}/submit`).attach("signedReport", PDF, "bao-cao-ky.pdf"),
      ),
    )) as Res[];
    noServerErrors(results);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await auditOf(dossierId, ["dossier.transition"])).toHaveLength(1);
    const detail = (await head.get(`/api/dossiers/${dossierId}`)).body.data;
    expect(
      detail.reports.filter((r: { purpose: string }) => r.purpose === "signed_self_report"),
    ).toHaveLength(1);
  });

  it("no self-assessment edit is acknowledged after the submission that locks it", async () => {
    const { editor, head, dossierId } = await unitAccounts("snnptnt");
    await selfAssessAll(head, dossierId);
    const edits: Promise<Res>[] = [];
    for (let i = 0; i < 20; i++)
      edits.push(
        editor.put(`/api/dossiers/${dossierId}/items/1.1.2/self`).send({
          figures: { numerator: 13 + (i % 8), denominator: 20 },
          note: `sửa ${i}`,
        }) as unknown as Promise<Res>,
      );
    const submit = head
      .post(`/api/dossiers/${dossierId}/submit`)
      .attach("signedReport", PDF, "bao-cao-ky.pdf") as unknown as Promise<Res>;
    const [sub, ...rest] = await Promise.all([submit, ...edits]);
    noServerErrors([sub, ...rest]);
    expect(sub.status).toBe(200);
    // Every edit is either in before the submission, or refused; none is written after it.
    const chain = await auditOf(dossierId, ["score.self", "dossier.transition"]);
    const submittedAt = chain.findIndex((r) => r.action === "dossier.transition");
    expect(chain.slice(submittedAt + 1).map((r) => r.action)).toEqual([]);
    const acknowledged = rest.filter((r) => r.status === 200).length;
    expect(chain.filter((r) => r.action === "score.self").length).toBe(acknowledged + 23 /* selfAssessAll */);
    // Refused by the policy (already submitted: 403) or by the command that found it submitted (409).
    for (const r of rest.filter((x) => x.status !== 200)) expect([403, 409]).toContain(r.status);
  });

  it("reviews racing the round's close: none acknowledged after it, and the round closes once", async () => {
    const { head, dossierId } = await unitAccounts("sgtvt");
    await selfAssessAll(head, dossierId);
    expect(
      (await head.post(`/api/dossiers/${dossierId}/submit`).attach("signedReport", PDF, "bao-cao-ky.pdf"))
        .status,
    ).toBe(200);
    const chair = await app.login("chair");
    const reviews = Array.from({ length: 16 }, (_, i) =>
      chair
        .put(`/api/dossiers/${dossierId}/items/1.3.1/review`)
        .send({ round: 1, score: (i % 16) * 0.25, comment: "" }),
    );
    const closes = Array.from({ length: 3 }, () =>
      chair.post(`/api/dossiers/${dossierId}/transition`).send({ to: "round1_done" }),
    );
    const results = (await Promise.all([...closes, ...reviews])) as Res[];
    noServerErrors(results);
    expect(results.slice(0, 3).filter((r) => r.status === 200)).toHaveLength(1);
    const chain = await auditOf(dossierId, ["score.round1", "dossier.transition"]);
    const closedAt = chain.findIndex((r) => (r.newValue as { status?: string }).status === "round1_done");
    expect(chain.slice(closedAt + 1).map((r) => r.action)).toEqual([]);
    expect(chain.filter((r) => (r.newValue as { status?: string }).status === "round1_done")).toHaveLength(1);
    // The agency was told once.
    const notes = (await head.get("/api/notifications")).body.data.filter(
      (n: { kind: string }) => n.kind === "round1_closed",
    );
    expect(notes).toHaveLength(1);
    expect((await verifyAuditChain(app.ctx.database.db, app.ctx.audit)).ok).toBe(true);
  });
});
