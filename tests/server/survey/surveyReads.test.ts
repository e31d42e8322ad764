/**
 * What a survey request reads before it is refused (docs/performance.md, "Survey routes"): every survey route
 * authorizes on one statement — the questionnaire with its period and the lock, or the period with its lock — and
 * reads the questions, units and milestones only once the request is allowed and valid. A malformed body therefore
 * costs one statement (the public answer route two: the token, then its survey's lock; a route under a period
 * two: the archived-period guard's read first), counted where the driver
 * hands statements over, never by timing. Seven statements a malformed paper form before this was so (the S6
 * barrages spent most of their time there).
 */
import { startTestApp, type TestApp } from "../../support/testApp";
import { fewestStatements } from "../../support/statements";
import { issueLinks, trainingSurvey } from "../../support/survey";

let app: TestApp;
let ids: { periodId: string; surveyId: string; token: string };
beforeAll(async () => {
  app = await startTestApp();
  const admin = await app.login("admin");
  const { period, survey } = await trainingSurvey(admin);
  const [{ token }] = await issueLinks(admin, survey.id);
  ids = { periodId: period.id, surveyId: survey.id, token };
});
afterAll(() => app.close());

const MALFORMED = { answers: 5, respondentIds: 5, formNumber: "x", fullName: 5, title: 5, reason: 5 };

// Routes under /periods/:id also pass the archived-period guard (http/archivedGuard.ts), one read of the period's
// status for every write under a period: theirs is the second statement.
it.each([
  ["POST /api/periods/:id/surveys", "admin", () => `/api/periods/${ids.periodId}/surveys`, 2],
  ["POST /api/surveys/:id/respondents", "admin", () => `/api/surveys/${ids.surveyId}/respondents`, 1],
  ["POST /api/surveys/:id/links", "admin", () => `/api/surveys/${ids.surveyId}/links`, 1],
  ["POST /api/surveys/:id/paper-forms", "wg", () => `/api/surveys/${ids.surveyId}/paper-forms`, 1],
  [
    "POST /api/periods/:id/survey-results/lock",
    "admin",
    () => `/api/periods/${ids.periodId}/survey-results/lock`,
    2,
  ],
  ["POST /api/survey/:token", null, () => `/api/survey/${ids.token}`, 2],
] as const)(
  "a malformed body to %s is refused after at most the reads that authorize it",
  async (_name, who, path, most) => {
    const agent = who ? await app.login(who) : app.anonymous();
    const fewest = await fewestStatements(app, () => agent.post(path()).send(MALFORMED), 400);
    expect(fewest).toBeLessThanOrEqual(most);
  },
);

it("a malformed body for a questionnaire that does not exist is 404, not 400: the read comes first", async () => {
  const admin = await app.login("admin");
  const res = await admin
    .post("/api/surveys/00000000-0000-4000-8000-000000000000/respondents")
    .send(MALFORMED);
  expect(res.status).toBe(404);
});
