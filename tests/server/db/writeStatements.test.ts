/**
 * docs/performance.md (P7): the statements one official self-score write sends to the database, counted where the
 * driver hands them over (`Database.statementsSent`: PGlite's protocol messages, node-postgres's client queries),
 * never by timing. Four: BEGIN; the lock with the read of what the checks need, the dossier's period and recusals
 * included (the archived check and `can()` run on it); the score with its audit row; COMMIT. The session with its account is
 * read once a second at most (auth/sessionStore.ts), so the writes after the first in a second send nothing for it.
 * A change that adds a round trip to every official write fails here.
 */
import { and, asc, eq } from "drizzle-orm";
import { auditLog, scores } from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";
import { trainingDossier } from "../../support/workflow";

const STATEMENTS_PER_SELF_WRITE = 4;

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
  // The audit sealer would add its own statements whenever a write spans one of its ticks (every 250 ms, more
  // often than not on a loaded machine): stopped, so that what is counted is the writes' own.
  await app.sealer.stop();
  const sent = () => app.ctx.database.statementsSent()!;
  const counts: number[] = [];
  for (let i = 0; i < 8; i++) {
    const before = sent();
    const res = await editor
      .put(`/api/dossiers/${dossierId}/items/${leaf.code}/self`)
      .send({ score: i % 2 ? leaf.maxPoints : 0, note: `lần ${i}` });
    counts.push(sent() - before);
    expect(res.status).toBe(200);
  }
  // The session's read (once a second) and its expiry (written at most once a minute) may land in some of them:
  // the fewest over several writes is what a write itself sends.
  expect(Math.min(...counts)).toBeLessThanOrEqual(STATEMENTS_PER_SELF_WRITE);
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
