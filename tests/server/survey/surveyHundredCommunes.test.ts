/**
 * A survey of the size a province's local committees make (docs/domain.md §3 "Survey points"): a hundred rated
 * units (the 2023 plan's local People's Committees, whose index set has survey leaves; the 2026 framework's has
 * none), ten questions each, so one respondent's single submission carries a thousand answers. The questionnaire schema
 * accepts up to MAX_SURVEY_ANSWERS answers; the link's answer route must take that many in one body, not stop at
 * the API's general body limit (which once refused anything past about 900 answers with 413).
 */
import { MAX_SURVEY_ANSWERS } from "@ca/shared";
import { startTestApp, type TestApp } from "../../support/testApp";
import { answersFor, issueLinks, type PublicSurvey } from "../../support/survey";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
interface Item {
  code: string;
  method: string;
  children: Item[];
}

let app: TestApp;
let admin: Agent;
let token: string;
let publicSurvey: PublicSurvey;
let surveyId: string;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
  // A period of the 2023 plan with a hundred local committees to rate.
  const made = await admin
    .post("/api/periods")
    .send({ name: "Kỳ 100 đơn vị cấp huyện", year: 2031, code: "huyen-100", templateKey: "plan-2023" });
  expect(made.status).toBe(201);
  const periodId = made.body.data.id as string;
  const types = (await admin.get("/api/unit-types")).body.data as { id: string; code: string }[];
  const localType = types.find((x) => x.code === "district_committee")!;
  const unitIds: string[] = [];
  for (let n = 1; n <= 100; n++) {
    const res = await admin.post("/api/units").send({
      code: `xa-${n}`,
      name: `Ủy ban nhân dân xã Thử Nghiệm ${n}`,
      shortName: `Xã ${n}`,
      unitTypeId: localType.id,
    });
    expect(res.status).toBe(201);
    unitIds.push(res.body.data.id);
  }
  const links = (await admin.get(`/api/periods/${periodId}/index-sets`)).body.data as {
    unitType: string;
    indexSetId: string;
  }[];
  const set = (
    await admin.get(`/api/index-sets/${links.find((l) => l.unitType === "district_committee")!.indexSetId}`)
  ).body.data as { areas: Item[] };
  const leaves = (items: Item[]): Item[] =>
    items.flatMap((i) => (i.children.length ? leaves(i.children) : [i]));
  const surveyLeaf = leaves(set.areas).find((i) => i.method === "survey")!;
  const created = await admin.post(`/api/periods/${periodId}/surveys`).send({
    unitTypeId: localType.id,
    respondentGroup: "non_state",
    title: "Phiếu khảo sát 100 đơn vị",
    unitIds,
    questions: Array.from({ length: 10 }, (_, q) => ({
      itemCode: surveyLeaf.code,
      text: `Câu hỏi ${q + 1} về mức độ hài lòng của người dân`,
    })),
  });
  expect(created.status).toBe(201);
  expect(created.body.data.units).toHaveLength(100);
  surveyId = created.body.data.id;
  const respondent = await admin
    .post(`/api/surveys/${surveyId}/respondents`)
    .send({ fullName: "Nguyễn Văn Dân", organisation: "Hội Nông dân" });
  expect(respondent.status).toBe(201);
  [{ token }] = await issueLinks(admin, surveyId);
  publicSurvey = (await app.anonymous().get(`/api/survey/${token}`)).body.data;
}, 240_000);
afterAll(() => app.close());

it("takes a respondent's thousand answers about a hundred units in one submission", async () => {
  const answers = answersFor(publicSurvey, (_unit, q) => "ABCDX"[q % 5]);
  expect(answers).toHaveLength(1000);
  const res = await app.anonymous().post(`/api/survey/${token}`).send({ answers });
  expect(res.status).toBe(201);
  const again = await app.anonymous().post(`/api/survey/${token}`).send({ answers });
  expect(again.status).toBe(409);
  expect(again.body.error.details.reason).toBe("token_used");
}, 60_000);

it("takes the largest body a questionnaire's answers can make", async () => {
  // Every answer with a four-letter option: the longest a valid submission gets. Past the body limit the parser
  // answers 413 before the route; within it the route looks at the link first (used by the test above: 409).
  const answer = {
    unitId: publicSurvey.units[0].id,
    questionId: publicSurvey.questions[0].id,
    option: "ABCD",
  };
  const largest = JSON.stringify({ answers: Array(MAX_SURVEY_ANSWERS).fill(answer) });
  const res = await app
    .anonymous()
    .post(`/api/survey/${token}`)
    .set("Content-Type", "application/json")
    .send(largest);
  expect(res.status).toBe(409);
  expect(res.body.error.details.reason).toBe("token_used");
}, 60_000);

it("takes a paper form of a thousand answers typed in by staff", async () => {
  const answers = answersFor(publicSurvey, (_unit, q) => "DCBAX"[q % 5]);
  const res = await admin.post(`/api/surveys/${surveyId}/paper-forms`).send({ formNumber: 1, answers });
  expect(res.status).toBe(201);
}, 60_000);
