/**
 * What a request reads before it is refused (docs/performance.md, "What a refused request reads"): a route reads
 * what it acts on, authorizes, then validates the body; the first read is one statement — a questionnaire with its
 * period and the survey's lock, a period with its lock or its publication record, a period alone — and the rest
 * (questions, units, milestones) is read only for an allowed, valid request. A malformed body therefore costs one
 * statement, or two: routes under /periods/:id first pass the archived-period guard (http/archivedGuard.ts), one
 * read of the period's status, and the public survey answer reads its token, then its survey's lock. Counted where
 * the driver hands statements over, never by timing. Before this was so, a malformed paper form cost seven
 * statements and a reminder three; the S6 barrages spent most of their time there.
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

/** A body every route below refuses: each field it might read has the wrong type. */
const MALFORMED = {
  answers: 5,
  respondentIds: 5,
  dossierIds: 5,
  formNumber: "x",
  fullName: 5,
  title: 5,
  reason: 5,
  stage: 5,
  message: 5,
  unitTypeId: 5,
};
const period = () => `/api/periods/${ids.periodId}`;
const survey = () => `/api/surveys/${ids.surveyId}`;

it.each([
  ["POST /api/periods/:id/surveys", "admin", () => `${period()}/surveys`, 2],
  ["POST /api/surveys/:id/respondents", "admin", () => `${survey()}/respondents`, 1],
  ["POST /api/surveys/:id/links", "admin", () => `${survey()}/links`, 1],
  ["POST /api/surveys/:id/paper-forms", "wg", () => `${survey()}/paper-forms`, 1],
  ["POST /api/periods/:id/survey-results/lock", "admin", () => `${period()}/survey-results/lock`, 2],
  ["POST /api/survey/:token", null, () => `/api/survey/${ids.token}`, 2],
  ["POST /api/periods/:id/publication", "admin", () => `${period()}/publication`, 2],
  ["POST /api/periods/:id/reminders", "admin", () => `${period()}/reminders`, 2],
  ["POST /api/periods/:id/meetings", "chair", () => `${period()}/meetings`, 2],
  ["POST /api/periods/:id/agreements", "chair", () => `${period()}/agreements`, 2],
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
