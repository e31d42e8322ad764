/**
 * One link, 100 concurrent submissions (issue 5): exactly one is accepted, every other gets a clear refusal, and
 * exactly one set of answers is stored. Run on PGlite and, with DATABASE_URL, on the real PostgreSQL.
 */
import { count, eq } from "drizzle-orm";
import { surveyAnswers, surveyRespondents, surveySubmissions } from "@ca/server/src/db/schema";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../../support/testApp";
import { answersFor, issueLinks, trainingSurvey, type PublicSurvey } from "../../support/survey";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 120_000);
afterAll(() => app.close());

it("spends a token exactly once under 100 concurrent submissions", async () => {
  const admin = await app.login("admin");
  const { survey } = await trainingSurvey(admin, "non_state");
  const [link] = await issueLinks(admin, survey.id);
  const form: PublicSurvey = (await app.anonymous().get(`/api/survey/${link.token}`)).body.data;
  const body = JSON.stringify({ answers: answersFor(form, (_u, q) => "ABCDX"[q % 5]) });
  const responses = await Promise.all(
    Array.from({ length: 100 }, () =>
      fetch(`${app.baseUrl}/api/survey/${link.token}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: TEST_ORIGIN },
        body,
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { error?: { message: string; details?: { reason?: string } } },
      })),
    ),
  );
  const accepted = responses.filter((r) => r.status === 201);
  const refused = responses.filter((r) => r.status !== 201);
  expect(accepted).toHaveLength(1);
  expect(refused).toHaveLength(99);
  for (const r of refused) {
    expect(r.status).toBe(409);
    expect(r.body.error?.details?.reason).toBe("token_used");
    expect(r.body.error?.message).toContain("đã được dùng");
  }
  // This questionnaire's (the sample's 2023 survey has answers of its own).
  const [subs] = await app.ctx.database.db
    .select({ n: count() })
    .from(surveySubmissions)
    .where(eq(surveySubmissions.questionnaireId, survey.id));
  const [answers] = await app.ctx.database.db
    .select({ n: count() })
    .from(surveyAnswers)
    .innerJoin(surveySubmissions, eq(surveySubmissions.id, surveyAnswers.submissionId))
    .where(eq(surveySubmissions.questionnaireId, survey.id));
  expect(subs.n).toBe(1);
  expect(answers.n).toBe(form.units.length * form.questions.length);
  const [respondent] = await app.ctx.database.db
    .select()
    .from(surveyRespondents)
    .where(eq(surveyRespondents.id, link.respondentId));
  expect(respondent.answeredAt).not.toBeNull();
}, 120_000);
