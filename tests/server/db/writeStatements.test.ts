/**
 * docs/performance.md (P7): the statements one official self-score write sends to the database, counted where the
 * driver hands them over (`Database.statementsSent`: PGlite's protocol messages, node-postgres's client queries),
 * never by timing. Four: BEGIN; the lock with the read of what the checks need, the dossier's period and recusals
 * included (the archived check and `can()` run on it); the score with its audit row; COMMIT. The session with its account is
 * read once a second at most (auth/sessionStore.ts), so the writes after the first in a second send nothing for it.
 * A council member's review of a leaf is admitted the same way, on its locked row: four statements too.
 * A change that adds a round trip to every official write fails here.
 */
import { and, asc, eq } from "drizzle-orm";
import { auditLog, scores } from "@ca/server/src/db/schema";
import { fewestStatements } from "../../support/statements";
import { startTestApp, type TestApp } from "../../support/testApp";
import { trainingDossier } from "../../support/workflow";

const STATEMENTS_PER_SELF_WRITE = 4;
const STATEMENTS_PER_REVIEW = 4;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it(`an official self-score write sends at most ${STATEMENTS_PER_SELF_WRITE} statements`, async () => {
  const { dossierId } = await trainingDossier(app, "snv");
  const editor = await app.login("editor.snv");
  const leaf = (await editor.get(`/api/dossiers/${dossierId}`)).body.data.leaves.find(
    (l: { method: string; kind: string }) => l.method === "self" && l.kind === "points",
  ) as { code: string; maxPoints: number };
  const fewest = await fewestStatements(
    app,
    (i) =>
      editor
        .put(`/api/dossiers/${dossierId}/items/${leaf.code}/self`)
        .send({ score: i % 2 ? leaf.maxPoints : 0, note: `lần ${i}` }),
    200,
  );
  expect(fewest).toBeLessThanOrEqual(STATEMENTS_PER_SELF_WRITE);
  // The writes were made: the last score and one audit row per write, each with the value it replaced.
  const [row] = await app.ctx.database.db
    .select({ score: scores.score, note: scores.note })
    .from(scores)
    .where(and(eq(scores.dossierId, dossierId), eq(scores.stage, "self"), eq(scores.note, "lần 7")));
  expect(row.score).toBe(Math.round(leaf.maxPoints * 100));
  const audit = await app.ctx.database.db
    .select({ oldValue: auditLog.oldValue, newValue: auditLog.newValue })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, dossierId), eq(auditLog.action, "score.self")))
    .orderBy(asc(auditLog.id));
  const ours = audit.filter((a) => (a.newValue as { note?: string }).note?.startsWith("lần "));
  expect(ours).toHaveLength(8);
  for (let i = 1; i < 8; i++)
    expect((ours[i].oldValue as { note: string }).note).toBe((ours[i - 1].newValue as { note: string }).note);
});

it(`a council member's review of a leaf sends at most ${STATEMENTS_PER_REVIEW} statements`, async () => {
  const { admin, period } = await trainingDossier(app, "snv");
  const listed = (await admin.get(`/api/periods/${period.id}/dossiers`)).body.data as {
    id: string;
    status: string;
  }[];
  const dossierId = listed.find((d) => d.status === "self_submitted")!.id;
  const chair = await app.login("chair");
  const leaf = (await chair.get(`/api/dossiers/${dossierId}`)).body.data.leaves.find(
    (l: { method: string; kind: string }) => l.method !== "survey" && l.kind === "points",
  ) as { code: string; maxPoints: number };
  const fewest = await fewestStatements(
    app,
    (i) =>
      chair
        .put(`/api/dossiers/${dossierId}/items/${leaf.code}/review`)
        .send({ round: 1, score: i % 2 ? leaf.maxPoints : 0 }),
    200,
  );
  expect(fewest).toBeLessThanOrEqual(STATEMENTS_PER_REVIEW);
  const audit = await app.ctx.database.db
    .select({ newValue: auditLog.newValue })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, dossierId), eq(auditLog.action, "score.round1")))
    .orderBy(asc(auditLog.id));
  expect(audit.slice(-8).map((a) => (a.newValue as { score: number }).score)).toEqual(
    Array.from({ length: 8 }, (_, i) => (i % 2 ? Math.round(leaf.maxPoints * 100) : 0)),
  );
});
