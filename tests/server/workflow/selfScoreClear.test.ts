/**
 * An agency takes back its own score of a leaf (docs/api.md, `DELETE /api/dossiers/{id}/items/{code}/self`): a
 * draft in its window, by the unit's agency, audited with what was there; the leaf is then unscored again, in the
 * dossier and its totals; clearing twice is harmless; anything else is refused and changes nothing.
 */
import { and, eq } from "drizzle-orm";
import { auditLog, dossiers } from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { startTestApp, type TestApp } from "../../support/testApp";
import { trainingDossier } from "../../support/workflow";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let editor: Agent;
let url: string;
let dossierId: string;

beforeAll(async () => {
  app = await startTestApp();
  ({ dossierId } = await trainingDossier(app, "snv"));
  url = `/api/dossiers/${dossierId}`;
  editor = await app.login("editor.snv");
});
afterAll(() => app.close());

type Detail = {
  version: number;
  selfTotals: { total: number };
  leaves: { code: string; method: string; stages: { self?: unknown } }[];
};
const detail = async () => (await editor.get(url)).body.data as Detail;
const selfOf = async (code: string) => (await detail()).leaves.find((l) => l.code === code)!.stages.self;

it("takes back a saved score with its note: the leaf unscored again, the totals down, audited", async () => {
  expect((await editor.put(`${url}/items/1.2/self`).send({ score: 1.5, note: "Nhầm tiêu chí" })).status).toBe(
    200,
  );
  const before = await detail();
  expect(before.selfTotals.total).toBe(1.5);
  const res = await editor.delete(`${url}/items/1.2/self`);
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual({ code: "1.2", cleared: true, version: expect.any(Number) });
  expect(res.body.data.version).toBeGreaterThan(before.version);
  expect(await selfOf("1.2")).toBeUndefined();
  expect((await detail()).selfTotals.total).toBe(0);
  const [row] = await app.ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, dossierId), eq(auditLog.action, "score.self_cleared")));
  expect(row.oldValue).toMatchObject({ code: "1.2", score: 150, note: "Nhầm tiêu chí" });
  expect(row.newValue).toBeNull();
  expect((await verifyAuditChain(app.ctx.database.db, app.ctx.audit)).ok).toBe(true);
});

it("clears a leaf with no score as a no-op (a retried request is harmless), audited once", async () => {
  const res = await editor.delete(`${url}/items/1.2/self`);
  expect(res.status).toBe(200);
  expect(res.body.data.cleared).toBe(false);
  const rows = await app.ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, dossierId), eq(auditLog.action, "score.self_cleared")));
  expect(rows).toHaveLength(1);
});

it("refuses anyone but the unit's agency, a council leaf and an unknown leaf, in the user's language", async () => {
  expect((await editor.put(`${url}/items/1.2/self`).send({ score: 1, note: "" })).status).toBe(200);
  for (const who of ["editor.stc", "member.finance", "leader"]) {
    const res = await (await app.login(who)).delete(`${url}/items/1.2/self`);
    expect([who, res.status]).toEqual([who, 403]);
  }
  // A leaf the council scores (the sample's set has them: the bonus and penalty items).
  const council = (await detail()).leaves.find((l) => l.method === "council")!;
  const res = await editor.delete(`${url}/items/${council.code}/self`);
  expect(res.status).toBe(400);
  expect(res.body.error.message).toBe("Tiêu chí này do Hội đồng chấm.");
  expect((await editor.delete(`${url}/items/9.9.9/self`)).status).toBe(404);
  expect(await selfOf("1.2")).toMatchObject({ score: 1 });
});

it("refuses once the self-assessment is submitted: the score stays", async () => {
  await app.ctx.database.db
    .update(dossiers)
    .set({ status: "self_submitted" })
    .where(eq(dossiers.id, dossierId));
  const res = await editor.delete(`${url}/items/1.2/self`);
  // Nobody edits a submitted self-assessment: `can()` refuses first.
  expect(res.status).toBe(403);
  expect(await selfOf("1.2")).toMatchObject({ score: 1 });
});
