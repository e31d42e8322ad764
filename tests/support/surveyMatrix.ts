/**
 * The survey's rows of the S1 policy matrix (tests/server/http/policyMatrix.test.ts), written out by hand from the
 * policy of docs/domain.md §3 / shared/src/policies/survey.ts. Respondents hold no account: with their own token they reach
 * the answer page and nothing else; a foreign or unknown token reaches nothing.
 */
import { DEMO_ACCOUNTS } from "@ca/seeds";
import type { TestApp } from "./testApp";
import { issueLinks, trainingSurvey } from "./survey";

type Caller = (typeof DEMO_ACCOUNTS)[number]["username"] | "public";
const CALLERS: Caller[] = [...DEMO_ACCOUNTS.map((a) => a.username), "public"];
const only = (ok: Partial<Record<Caller, number>>) =>
  Object.fromEntries(CALLERS.map((c) => [c, c === "public" ? 401 : (ok[c] ?? 403)]));
const all = (status: number) => Object.fromEntries(CALLERS.map((c) => [c, status]));
const COUNCIL_SIDE = {
  admin: 200,
  leader: 200,
  chair: 200,
  "member.finance": 200,
  "member.home": 200,
  wg: 200,
};

export interface SurveyIds {
  surveyPeriodId: string;
  surveyId: string;
  surveyUnitTypeId: string;
  surveyToken: string;
}

/** A questionnaire of the training period and one respondent's link. */
export async function surveyMatrixFixtures(app: TestApp): Promise<SurveyIds> {
  const admin = await app.login("admin");
  const { period, survey } = await trainingSurvey(admin);
  const [link] = await issueLinks(admin, survey.id);
  const detail = (await admin.get(`/api/surveys/${survey.id}`)).body.data;
  return {
    surveyPeriodId: period.id,
    surveyId: survey.id,
    surveyUnitTypeId: detail.unitTypeId,
    surveyToken: link.token,
  };
}

const s = (i: unknown) => i as SurveyIds;

/** The rows; changing calls are shaped so that an allowed caller meets a domain refusal where success would stick. */
export const SURVEY_MATRIX_ROUTES = [
  {
    name: "GET /api/periods/:id/surveys",
    method: "get" as const,
    path: (i: unknown) => `/api/periods/${s(i).surveyPeriodId}/surveys`,
    expect: only({ admin: 200, wg: 200 }),
  },
  {
    name: "POST /api/periods/:id/surveys (already exists)",
    method: "post" as const,
    path: (i: unknown) => `/api/periods/${s(i).surveyPeriodId}/surveys`,
    body: (i: unknown) => ({
      unitTypeId: s(i).surveyUnitTypeId,
      respondentGroup: "delegates",
      title: "Trùng",
      questions: [{ itemCode: "7.1.1", text: "Câu hỏi" }],
    }),
    expect: only({ admin: 409 }),
  },
  {
    name: "POST /api/periods/:id/surveys/import (no respondent group)",
    method: "post" as const,
    path: (i: unknown) => `/api/periods/${s(i).surveyPeriodId}/surveys/import`,
    file: true,
    expect: only({ admin: 400 }),
  },
  {
    name: "GET /api/surveys/:id",
    method: "get" as const,
    path: (i: unknown) => `/api/surveys/${s(i).surveyId}`,
    expect: only({ admin: 200, wg: 200 }),
  },
  {
    name: "GET /api/surveys/:id/respondents",
    method: "get" as const,
    path: (i: unknown) => `/api/surveys/${s(i).surveyId}/respondents`,
    expect: only({ admin: 200 }),
  },
  {
    name: "POST /api/surveys/:id/respondents",
    method: "post" as const,
    path: (i: unknown) => `/api/surveys/${s(i).surveyId}/respondents`,
    body: () => ({ fullName: "Người trả lời ma trận", organisation: "", email: null }),
    expect: only({ admin: 201 }),
  },
  {
    name: "POST /api/surveys/:id/respondents/import",
    method: "post" as const,
    path: (i: unknown) => `/api/surveys/${s(i).surveyId}/respondents/import`,
    file: true,
    expect: only({ admin: 201 }),
  },
  {
    name: "POST /api/surveys/:id/links (nobody listed)",
    method: "post" as const,
    path: (i: unknown) => `/api/surveys/${s(i).surveyId}/links`,
    body: () => ({ respondentIds: [] }),
    expect: only({ admin: 200 }),
  },
  {
    name: "POST /api/surveys/:id/paper-forms (a unit not rated)",
    method: "post" as const,
    path: (i: unknown) => `/api/surveys/${s(i).surveyId}/paper-forms`,
    body: () => ({
      formNumber: 1,
      answers: [
        {
          unitId: "00000000-0000-4000-8000-000000000000",
          questionId: "00000000-0000-4000-8000-000000000000",
          option: "A",
        },
      ],
    }),
    expect: only({ admin: 400, wg: 400 }),
  },
  {
    name: "GET /api/periods/:id/survey-results",
    method: "get" as const,
    path: (i: unknown) => `/api/periods/${s(i).surveyPeriodId}/survey-results`,
    expect: only(COUNCIL_SIDE),
  },
  {
    name: "POST /api/periods/:id/survey-results/lock (reason too short)",
    method: "post" as const,
    path: (i: unknown) => `/api/periods/${s(i).surveyPeriodId}/survey-results/lock`,
    body: () => ({ reason: "x" }),
    expect: only({ admin: 400 }),
  },
  {
    name: "GET /api/periods/:id/survey-results/export.xlsx",
    method: "get" as const,
    path: (i: unknown) => `/api/periods/${s(i).surveyPeriodId}/survey-results/export.xlsx`,
    expect: only({ admin: 200, leader: 200 }),
  },
  // The respondent's own token opens the answer page for anyone holding it, signed in or not.
  {
    name: "GET /api/survey/:token (own token)",
    method: "get" as const,
    path: (i: unknown) => `/api/survey/${s(i).surveyToken}`,
    expect: all(200),
  },
  {
    name: "GET /api/survey/:token (unknown token)",
    method: "get" as const,
    path: () => `/api/survey/${"Z".repeat(43)}`,
    expect: all(404),
  },
  // Incomplete answers: refused for everyone, and the token stays unspent for the next row.
  {
    name: "POST /api/survey/:token (own token, incomplete)",
    method: "post" as const,
    path: (i: unknown) => `/api/survey/${s(i).surveyToken}`,
    body: (i: unknown) => ({
      answers: [{ unitId: s(i).surveyUnitTypeId, questionId: s(i).surveyUnitTypeId, option: "A" }],
    }),
    expect: all(400),
  },
  {
    name: "POST /api/survey/:token (unknown token)",
    method: "post" as const,
    path: () => `/api/survey/${"Z".repeat(43)}`,
    body: () => ({ answers: [] }),
    expect: all(404),
  },
];
