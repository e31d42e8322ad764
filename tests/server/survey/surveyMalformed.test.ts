/**
 * docs/targets.md S6 for the survey's JSON routes (issue 5): ≥ 1,000 malformed payloads per route, replays, oversized
 * bodies and hostile tokens. No 5xx, clear 4xx errors, and nothing stored but what a 2xx acknowledged.
 */
import { count } from "drizzle-orm";
import {
  auditLog,
  surveyAnswers,
  surveyLocks,
  surveyRespondents,
  surveySubmissions,
} from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { malformedPayloads, sendMalformed } from "../../support/malformed";
import { startTestApp, type TestApp } from "../../support/testApp";
import { answersFor, issueLinks, trainingSurvey, type PublicSurvey } from "../../support/survey";

const PER_ROUTE = 1000;
let app: TestApp;
let periodId: string;
let unitTypeId: string;
let surveyId: string;
let token: string;
let respondentId: string;
let form: PublicSurvey;
const db = () => app.ctx.database.db;

beforeAll(async () => {
  app = await startTestApp();
  const admin = await app.login("admin");
  const t = await trainingSurvey(admin);
  periodId = t.period.id;
  surveyId = t.survey.id;
  unitTypeId = (await admin.get(`/api/surveys/${surveyId}`)).body.data.unitTypeId;
  [{ token, respondentId }] = await issueLinks(admin, surveyId);
  form = (await app.anonymous().get(`/api/survey/${token}`)).body.data;
}, 120_000);
afterAll(() => app.close());

interface Route {
  name: string;
  as: string | null;
  path: () => string;
  valid: () => Record<string, unknown>;
  extra?: () => unknown[];
  /** Runs first (the links route re-issues every unanswered link, so the token route takes a fresh one). */
  setup?: () => Promise<void>;
}

const answer = () => ({ unitId: form.units[0].id, questionId: form.questions[0].id, option: "A" });
const ROUTES: Route[] = [
  {
    name: "POST /api/periods/:id/surveys",
    as: "admin",
    path: () => `/api/periods/${periodId}/surveys`,
    valid: () => ({
      unitTypeId,
      respondentGroup: "delegates",
      title: "Phiếu thử",
      questions: [{ itemCode: "7.1.1", text: "Câu hỏi" }],
    }),
    extra: () => [
      { unitTypeId, respondentGroup: "delegates", title: "x", questions: [{ itemCode: "1.1", text: "Q" }] },
      { unitTypeId, respondentGroup: "x", title: "x", questions: [] },
      {
        unitTypeId,
        respondentGroup: "delegates",
        title: "x",
        questions: [{ itemCode: "7.1.1", text: "Q" }],
        options: [{ code: "A", label: "A", weight: 101 }],
      },
    ],
  },
  {
    name: "POST /api/surveys/:id/links",
    as: "admin",
    path: () => `/api/surveys/${surveyId}/links`,
    valid: () => ({ respondentIds: ["00000000-0000-4000-8000-000000000000"], sendEmail: false }),
    extra: () => [{ respondentIds: Array(5001).fill("00000000-0000-4000-8000-000000000000") }],
  },
  {
    name: "POST /api/surveys/:id/respondents",
    as: "admin",
    path: () => `/api/surveys/${surveyId}/respondents`,
    valid: () => ({ fullName: "Nguyễn Văn Thử", organisation: "HĐND tỉnh", email: "thu@example.vn" }),
    extra: () => [{ fullName: "A", email: "not-an-email" }, { fullName: "   " }],
  },
  {
    name: "POST /api/surveys/:id/paper-forms",
    as: "wg",
    path: () => `/api/surveys/${surveyId}/paper-forms`,
    valid: () => ({ formNumber: 77, answers: [answer()] }),
    extra: () => [
      { formNumber: 0, answers: [answer()] },
      { formNumber: 1.5, answers: [answer()] },
      { formNumber: 78, answers: [answer(), answer()] },
      { formNumber: 79, answers: [{ ...answer(), option: "E" }] },
      { formNumber: 80, answers: Array(20001).fill(answer()) },
      { formNumber: 77, answers: [answer()] },
    ],
  },
  {
    name: "POST /api/survey/:token",
    as: null,
    setup: async () => {
      [{ token }] = await issueLinks(await app.login("admin"), surveyId, [respondentId]);
    },
    path: () => `/api/survey/${token}`,
    valid: () => ({ answers: answersFor(form, () => "B") }),
    extra: () => [
      { answers: answersFor(form, () => "B").slice(1) },
      // The valid set twice: the first is accepted (if no generated payload was), the replay refused.
      { answers: answersFor(form, () => "B") },
      { answers: answersFor(form, () => "B") },
    ],
  },
  // Last: a valid lock closes the survey for the routes above.
  {
    name: "POST /api/periods/:id/survey-results/lock",
    as: "admin",
    path: () => `/api/periods/${periodId}/survey-results/lock`,
    valid: () => ({ reason: "Chốt kết quả khảo sát" }),
    extra: () => [{ reason: "x" }, { reason: "Chốt", extra: 1 }],
  },
];

async function snapshot() {
  const d = db();
  const [[audit], [respondents], [subs], [answers], [locks]] = await Promise.all([
    d.select({ n: count() }).from(auditLog),
    d.select({ n: count() }).from(surveyRespondents),
    d.select({ n: count() }).from(surveySubmissions),
    d.select({ n: count() }).from(surveyAnswers),
    d.select({ n: count() }).from(surveyLocks),
  ]);
  return { audit: audit.n, respondents: respondents.n, subs: subs.n, answers: answers.n, locks: locks.n };
}

describe.each(ROUTES.map((r) => [r.name, r] as const))("%s", (_name, route) => {
  it(`survives ${PER_ROUTE} malformed payloads with clear 4xx errors, and stores only what it acknowledges`, async () => {
    await route.setup?.();
    const agent = route.as ? await app.login(route.as) : app.anonymous();
    const before = await snapshot();
    const payloads = [
      ...malformedPayloads(route.valid(), PER_ROUTE, route.name.length * 11),
      // Oversized: past the 100 kB JSON limit.
      JSON.stringify({ ...route.valid(), padding: "x".repeat(200_000) }),
      ...(route.extra?.() ?? []).map((b) => JSON.stringify(b)),
    ];
    let answersStored = 0;
    // Issuing links to an empty list is a no-op: acknowledged, nothing written, not audited.
    let noop = 0;
    const { serverErrors, unclear, acknowledged, summary } = await sendMalformed(
      route.name,
      payloads,
      (payload) => agent.post(route.path()).set("Content-Type", "application/json").send(payload),
      (_res, payload) => {
        // An empty body is the empty object for a route whose fields are all optional (links).
        const parsed = (payload ? JSON.parse(payload) : {}) as {
          answers?: unknown[];
          respondentIds?: unknown[];
        };
        answersStored += parsed.answers?.length ?? 0;
        if (Array.isArray(parsed.respondentIds) && parsed.respondentIds.length === 0) noop++;
      },
    );
    console.info(summary);
    expect(serverErrors).toEqual([]);
    expect(unclear).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await verifyAuditChain(db(), app.ctx.audit)).ok).toBe(true);
    const after = await snapshot();
    if (route.name.endsWith("/lock")) expect(after.locks - before.locks).toBe(acknowledged);
    else expect(after.audit - before.audit).toBe(acknowledged - noop);
    expect(after.respondents - before.respondents).toBe(
      route.name.endsWith("/respondents") ? acknowledged : 0,
    );
    const submits = route.name.endsWith("/paper-forms") || route.name.endsWith(":token");
    expect(after.subs - before.subs).toBe(submits ? acknowledged : 0);
    expect(after.answers - before.answers).toBe(submits ? answersStored : 0);
    if (route.name.endsWith(":token")) expect(acknowledged).toBe(1);
  }, 600_000);
});

it("hostile tokens get a clear 4xx and change nothing", async () => {
  const before = await snapshot();
  const anon = app.anonymous();
  for (const t of [
    "%00",
    "..%2f..",
    "x".repeat(3000),
    "A".repeat(43),
    "'%20or%201%3D1--",
    "%E0%A4%A",
    "__proto__",
  ]) {
    for (const res of [
      await anon.get(`/api/survey/${t}`),
      await anon.post(`/api/survey/${t}`).send({ answers: [] }),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(typeof res.body.error.message).toBe("string");
    }
  }
  expect(await snapshot()).toEqual(before);
});
