/**
 * The sociological survey end to end (issue 5, docs/domain.md §3 "Survey points"): links, answering, paper forms, results,
 * the lock that makes the points count in the ranking, the export, and anonymity.
 */
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import { and, asc, count, eq, max, sql } from "drizzle-orm";
import {
  auditLog,
  dossiers,
  surveyAnswers,
  surveyQuestionnaires,
  surveyLocks,
  surveyRespondents,
  surveySubmissions,
} from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { startTestApp, type TestApp } from "../../support/testApp";
import { answersFor, issueLinks, trainingSurvey, type PublicSurvey } from "../../support/survey";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
let app: TestApp;
let admin: Agent;
let period: { id: string };
let survey: Awaited<ReturnType<typeof trainingSurvey>>["survey"];
let links: Awaited<ReturnType<typeof issueLinks>>;
let snvId: string;
let stcId: string;
const db = () => app.ctx.database.db;
// The training period's submissions and answers (the sample's 2023 survey is answered and locked history).
const submissionsOfPeriod = async () =>
  (
    await db()
      .select({ n: count() })
      .from(surveySubmissions)
      .innerJoin(surveyQuestionnaires, eq(surveyQuestionnaires.id, surveySubmissions.questionnaireId))
      .where(eq(surveyQuestionnaires.periodId, period.id))
  )[0].n;
const answersOfPeriod = async () =>
  (
    await db()
      .select({ n: count() })
      .from(surveyAnswers)
      .innerJoin(surveySubmissions, eq(surveySubmissions.id, surveyAnswers.submissionId))
      .innerJoin(surveyQuestionnaires, eq(surveyQuestionnaires.id, surveySubmissions.questionnaireId))
      .where(eq(surveyQuestionnaires.periodId, period.id))
  )[0].n;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
  ({ period, survey } = await trainingSurvey(admin));
  links = await issueLinks(admin, survey.id);
  const units = (await admin.get("/api/units")).body.data as { id: string; code: string }[];
  snvId = units.find((u) => u.code === "snv")!.id;
  stcId = units.find((u) => u.code === "stc")!.id;
}, 120_000);
afterAll(() => app.close());

const ranking = async () =>
  (await admin.get(`/api/periods/${period.id}/ranking?unitType=provincial_agency`)).body.data as {
    unit: { id: string };
    total: number | null;
    rank: number | null;
    standing: string;
  }[];

describe("sample questionnaires", () => {
  it("exist per respondent group and unit type, questions mapped to the survey leaves", async () => {
    const { surveys } = await trainingSurvey(admin);
    expect(surveys).toHaveLength(4);
    expect(survey.questions.map((q) => q.itemCode)).toEqual(["7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5"]);
    expect(survey.units).toHaveLength(21);
    expect(links).toHaveLength(12);
    // ≥ 128 bits: 32 random bytes in base64url; only the SHA-256 is stored.
    expect(links[0].token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db()
      .select()
      .from(surveyRespondents)
      .where(eq(surveyRespondents.id, links[0].respondentId));
    expect(stored[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(links[0].token);
  });
});

describe("answering through a link", () => {
  let form: PublicSurvey;
  it("shows the questionnaire without an account and records that the link was opened", async () => {
    const res = await app.anonymous().get(`/api/survey/${links[0].token}`);
    expect(res.status).toBe(200);
    form = res.body.data;
    expect(form.questions).toHaveLength(5);
    expect(form.units).toHaveLength(21);
    expect(form.options.find((o) => o.dontKnow)?.code).toBe("X");
    // A reader who chose English reads the questionnaire's English wording (client: format/titles.ts wordingIn).
    expect(form.questions.map((q) => q.textEn)).toEqual(survey.questions.map((q) => q.textEn));
    expect(form.questions[0].textEn).toMatch(/^Your rating of the unit on /);
    expect(form.options.every((o) => typeof o.labelEn === "string")).toBe(true);
    const resp = (await admin.get(`/api/surveys/${survey.id}/respondents`)).body.data;
    expect(resp.find((r: { id: string }) => r.id === links[0].respondentId).openedAt).not.toBeNull();
  });

  it("refuses incomplete or foreign answers with a clear 400 and keeps the token", async () => {
    const anon = app.anonymous();
    const full = answersFor(form, () => "A");
    for (const answers of [
      full.slice(1),
      [...full.slice(1), { ...full[1] }],
      full.map((a, i) => (i === 0 ? { ...a, option: "E" } : a)),
      full.map((a, i) => (i === 0 ? { ...a, unitId: "00000000-0000-4000-8000-000000000000" } : a)),
    ]) {
      const res = await anon.post(`/api/survey/${links[0].token}`).send({ answers });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain("chưa có gì được ghi nhận");
    }
    expect(await submissionsOfPeriod()).toBe(0);
  });

  it("accepts one complete submission, then refuses the used link clearly", async () => {
    const anon = app.anonymous();
    // Sở Nội vụ gets A on every question, everyone else D.
    const answers = answersFor(form, (unitId) => (unitId === snvId ? "A" : "D"));
    const ok = await anon.post(`/api/survey/${links[0].token}`).send({ answers });
    expect(ok.status).toBe(201);
    const replay = await anon.post(`/api/survey/${links[0].token}`).send({ answers });
    expect(replay.status).toBe(409);
    expect(replay.body.error.details.reason).toBe("token_used");
    expect(replay.body.error.message).toContain("đã được dùng");
    const reopen = await anon.get(`/api/survey/${links[0].token}`);
    expect(reopen.status).toBe(409);
    expect(await answersOfPeriod()).toBe(21 * 5);
  });

  it("refuses unknown, malformed and expired links, each with its own message", async () => {
    const anon = app.anonymous();
    const unknown = await anon.get(`/api/survey/${"A".repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.reason).toBe("token_unknown");
    for (const bad of ["abc", "%00", "x".repeat(5000)])
      expect((await anon.get(`/api/survey/${bad}`)).status).toBe(404);
    await db()
      .update(surveyRespondents)
      .set({ tokenExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(surveyRespondents.id, links[1].respondentId));
    const expired = await anon.get(`/api/survey/${links[1].token}`);
    expect(expired.status).toBe(409);
    expect(expired.body.error.details.reason).toBe("token_expired");
    const post = await anon
      .post(`/api/survey/${links[1].token}`)
      .send({ answers: answersFor(form, () => "A") });
    expect(post.status).toBe(409);
    expect(post.body.error.message).toContain("hết hạn");
  });

  it("a new link replaces the old one", async () => {
    const [fresh] = await issueLinks(admin, survey.id, [links[2].respondentId]);
    expect((await app.anonymous().get(`/api/survey/${links[2].token}`)).status).toBe(404);
    expect((await app.anonymous().get(`/api/survey/${fresh.token}`)).status).toBe(200);
    links[2] = fresh;
  });

  it("issues no link once the survey milestone has passed, and leaves the links out there working", async () => {
    const milestoneOf = async () =>
      ((await admin.get(`/api/periods/${period.id}`)).body.data.milestones as Record<string, unknown>[]).find(
        (m) => m.key === "survey",
      )!;
    const move = (startsAt: unknown, deadline: unknown) =>
      admin
        .put(`/api/periods/${period.id}/milestones/survey`)
        .send({ startsAt, deadline, reason: "Kiểm tra hạn phát đường dẫn" });
    const before = await milestoneOf();
    const past = new Date(Date.now() - 60_000).toISOString();
    expect((await move(new Date(Date.now() - 86_400_000).toISOString(), past)).status).toBe(200);
    try {
      const refused = await admin.post(`/api/surveys/${survey.id}/links`).send({});
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("window_closed");
      // As documented for window_closed (docs/api.md): which milestone, and its deadline.
      expect(refused.body.error.details).toEqual({ milestone: "survey", deadline: past });
      expect(refused.body.error.message).toContain("Thời hạn khảo sát");
      expect((await app.anonymous().get(`/api/survey/${links[3].token}`)).status).toBe(200);
    } finally {
      expect((await move(before.startsAt, before.deadline)).status).toBe(200);
    }
  });
});

describe("paper forms", () => {
  it("are entered by staff, numbered, and a number is refused the second time", async () => {
    const wg = await app.login("wg");
    const q = survey.questions;
    // Form 1: Sở Nội vụ B on every question; form 2: "don't know" for Sở Nội vụ, A for Sở Tài chính.
    const one = q.map((x) => ({ unitId: snvId, questionId: x.id, option: "B" }));
    const two = [
      ...q.map((x) => ({ unitId: snvId, questionId: x.id, option: "X" })),
      ...q.map((x) => ({ unitId: stcId, questionId: x.id, option: "A" })),
    ];
    expect(
      (await wg.post(`/api/surveys/${survey.id}/paper-forms`).send({ formNumber: 1, answers: one })).status,
    ).toBe(201);
    const dup = await wg.post(`/api/surveys/${survey.id}/paper-forms`).send({ formNumber: 1, answers: two });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain("Phiếu số 1");
    expect(
      (await wg.post(`/api/surveys/${survey.id}/paper-forms`).send({ formNumber: 2, answers: two })).status,
    ).toBe(201);
    const editor = await app.login("editor.snv");
    expect(
      (await editor.post(`/api/surveys/${survey.id}/paper-forms`).send({ formNumber: 3, answers: one }))
        .status,
    ).toBe(403);
  });
});

describe("results, lock and ranking", () => {
  it("computes response rates and points by hand, flagged below the period's minimum", async () => {
    const res = await admin.get(`/api/periods/${period.id}/survey-results`);
    expect(res.status).toBe(200);
    const q = res.body.data.questionnaires.find((x: { id: string }) => x.id === survey.id);
    expect(res.body.data.minResponses).toBe(10);
    // 12 respondents; 1 link answered + 2 paper forms = 3 → 25 %.
    expect(q).toMatchObject({ respondents: 12, answeredByLink: 1, paperForms: 2, rate: 25 });
    const snv = q.units.find((u: { unitId: string }) => u.unitId === snvId);
    // Each leaf 7.1.x (2 points): A (100) + B (60), X excluded → 2 × 160/200 = 1,60; five leaves = 8,00.
    expect(snv).toMatchObject({ responses: 3, rate: 25, flagged: true, points: 8 });
    expect(snv.leaves[0]).toEqual({
      code: "7.1.1",
      maxPoints: 2,
      points: 1.6,
      valid: 2,
      dontKnow: 1,
      counts: { A: 1, B: 1, C: 0, D: 0, X: 1 },
      flag: "below_minimum",
    });
    const stc = q.units.find((u: { unitId: string }) => u.unitId === stcId);
    // D (link) + A (form 2) → 2 × 100/200 = 1,00 per leaf.
    expect(stc).toMatchObject({ responses: 2, points: 5 });
    const other = q.units.find((u: { unitId: string }) => u.unitId !== snvId && u.unitId !== stcId);
    expect(other).toMatchObject({ responses: 1, points: 0 });
    const nonState = res.body.data.questionnaires.find(
      (x: { respondentGroup: string; unitTypeName: string }) =>
        x.respondentGroup === "non_state" && x.unitTypeName === "Cơ quan cấp tỉnh",
    );
    expect(nonState.units[0]).toMatchObject({ responses: 0, points: 0, flagged: true });
    expect(nonState.units[0].leaves[0].flag).toBe("no_answers");
  });

  it("counts nothing before the lock; after it, totals and ranks move, audited in one transaction", async () => {
    // Sở Nội vụ submitted with nothing self-scored (set here: the survey is this test's subject); Sở Tài chính
    // stays a draft, which is ranked on nothing, survey points included, until its head submits it.
    await db()
      .update(dossiers)
      .set({ status: "self_submitted" })
      .where(and(eq(dossiers.periodId, period.id), eq(dossiers.unitId, snvId)));
    await app.ctx.effects.dispatch([{ type: "rankingChanged", periodId: period.id }]);
    const before = await ranking();
    // Nothing scored yet: listed unranked (docs/api.md), not at 0 points.
    expect(before.find((r) => r.unit.id === snvId)).toMatchObject({
      standing: "unranked",
      total: null,
      rank: null,
    });
    const auditBefore =
      (
        await db()
          .select({ n: max(auditLog.id) })
          .from(auditLog)
      )[0].n ?? 0;
    const leader = await app.login("leader");
    expect(
      (await leader.post(`/api/periods/${period.id}/survey-results/lock`).send({ reason: "Chốt kết quả" }))
        .status,
    ).toBe(403);
    const res = await admin
      .post(`/api/periods/${period.id}/survey-results/lock`)
      .send({ reason: "Chốt kết quả khảo sát" });
    expect(res.status).toBe(200);
    // 21 provincial units × 10 leaves (both groups) + 9 districts × 10.
    expect(res.body.data.scores).toBe(300);
    const after = await ranking();
    // Sở Nội vụ had no score: its total is its survey points. Sở Tài chính's 5 survey points wait for its
    // submission. The sample's other training dossiers (at every stage) have no answers: their totals do not move.
    const snv = after.find((r) => r.unit.id === snvId)!;
    const stc = after.find((r) => r.unit.id === stcId)!;
    expect(snv).toMatchObject({ total: 8, standing: "ranked" });
    expect(stc).toMatchObject({ total: null, rank: null, standing: "unranked" });
    for (const r of after.filter((x) => x.unit.id !== snvId))
      expect(r.total).toBe(before.find((b) => b.unit.id === r.unit.id)!.total);
    // Ranks follow the totals: behind every unit with more points, ahead of every unit with fewer.
    for (const row of [snv]) {
      const totals = after.map((r) => r.total ?? -1);
      expect(row.rank).toBeGreaterThanOrEqual(1 + totals.filter((x) => x > row.total!).length);
      expect(row.rank).toBeLessThanOrEqual(totals.filter((x) => x >= row.total!).length);
    }
    const audit = await db()
      .select()
      .from(auditLog)
      .where(sql`${auditLog.id} > ${auditBefore}`)
      .orderBy(asc(auditLog.id));
    expect(audit.filter((a) => a.action === "survey.points_locked")).toHaveLength(60);
    expect(audit.at(-1)!.action).toBe("survey.locked");
    expect((await verifyAuditChain(db(), app.ctx.audit)).ok).toBe(true);
  });

  it("refuses answers, paper forms and a second lock once locked", async () => {
    const res = await app.anonymous().get(`/api/survey/${links[3].token}`);
    expect(res.status).toBe(409);
    expect(res.body.error.details.reason).toBe("survey_closed");
    const post = await app
      .anonymous()
      .post(`/api/survey/${links[3].token}`)
      .send({ answers: answersFor(survey, () => "A") });
    expect(post.status).toBe(409);
    const paper = await admin
      .post(`/api/surveys/${survey.id}/paper-forms`)
      .send({ formNumber: 9, answers: [{ unitId: snvId, questionId: survey.questions[0].id, option: "A" }] });
    expect(paper.status).toBe(403);
    expect(
      (await admin.post(`/api/periods/${period.id}/survey-results/lock`).send({ reason: "Lần nữa" })).status,
    ).toBe(403);
    expect(await submissionsOfPeriod()).toBe(3);
  });
});

describe("export and anonymity", () => {
  it("traces every number to its answers, and names no respondent", async () => {
    const res = await admin
      .get(`/api/periods/${period.id}/survey-results/export.xlsx`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const wb = XLSX.read(res.body as Buffer);
    const summary = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.KetQua);
    const answers = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.TraLoi);
    const snvRow = summary.find((r) => r["Đơn vị / Unit"] === "Sở Nội vụ" && r["Mã / Leaf"] === "7.1.1")!;
    expect(snvRow).toMatchObject({ A: 1, B: 1, X: 1, "Hợp lệ / Valid": 2, "Điểm / Points": 1.6 });
    // The summary's counts are the answers' counts.
    const traced = answers.filter((a) => a["Đơn vị / Unit"] === "Sở Nội vụ" && a["Mã / Leaf"] === "7.1.1");
    expect(traced.map((a) => a["Trả lời / Answer"]).sort()).toEqual(["A", "B", "X"]);
    expect(answers).toHaveLength(21 * 5 + 5 + 10);
    // No respondent's name, organisation or id anywhere in the file.
    const text = JSON.stringify([summary, answers]);
    const respondents = await db().select().from(surveyRespondents);
    for (const r of respondents) {
      expect(text).not.toContain(r.fullName);
      expect(text).not.toContain(r.id);
    }
    expect(Object.keys(answers[0])).not.toContain("Người trả lời");
  });

  it("stores answers without any reference to a respondent", async () => {
    // Both drivers (PGlite, node-postgres) answer `execute` with `{ rows }`.
    const rowsOf = async <R>(query: ReturnType<typeof sql>) =>
      ((await db().execute(query)) as unknown as { rows: R[] }).rows;
    const columns = await rowsOf<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name in ('survey_submissions', 'survey_answers')`,
    );
    expect(columns.map((r) => r.column_name).sort()).toEqual(
      [
        "form_number",
        "id",
        "option",
        "question_id",
        "questionnaire_id",
        "source",
        "submission_id",
        "unit_id",
      ].sort(),
    );
    // No foreign key anywhere points at a respondent.
    const referencing = (table: string) =>
      rowsOf<{ table_name: string }>(
        sql`select tc.table_name from information_schema.table_constraints tc
            join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
            where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = ${table}`,
      );
    expect(await referencing("survey_respondents")).toEqual([]);
    // The query does see foreign keys: the answers point at their submission.
    expect((await referencing("survey_submissions")).map((r) => r.table_name)).toContain("survey_answers");
    // The respondent list says who answered, never what: its API carries no answer.
    const list = (await admin.get(`/api/surveys/${survey.id}/respondents`)).body.data;
    expect(Object.keys(list[0]).sort()).toEqual(
      ["answeredAt", "email", "fullName", "id", "openedAt", "organisation", "sentAt"].sort(),
    );
  });
});

describe("questionnaires and respondent lists from spreadsheets", () => {
  const sheet = async (rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  let districtTypeId: string;
  let created: string;

  it("imports a questionnaire, refusing codes that are not survey leaves", async () => {
    // A fresh slot: the sample's district non-state questionnaire of 2023 is removed first, and 2023's survey
    // lock with it (the sample locks 2023's survey as history; this test is about the import, not the lock).
    const p2023 = (await admin.get("/api/periods")).body.data.find(
      (p: { code: string }) => p.code === "2023",
    );
    const types = (await admin.get("/api/unit-types")).body.data as { id: string; code: string }[];
    districtTypeId = types.find((x) => x.code === "district_committee")!.id;
    await db()
      .delete(surveyQuestionnaires)
      .where(
        and(
          eq(surveyQuestionnaires.periodId, p2023.id),
          eq(surveyQuestionnaires.unitTypeId, districtTypeId),
          eq(surveyQuestionnaires.respondentGroup, "non_state"),
        ),
      );
    await db().delete(surveyLocks).where(eq(surveyLocks.periodId, p2023.id));
    const upload = (rows: (string | number)[][]) =>
      sheet(rows).then((bytes) =>
        admin
          .post(`/api/periods/${p2023.id}/surveys/import`)
          .field("unitTypeId", districtTypeId)
          .field("respondentGroup", "non_state")
          .field("title", "Phiếu nhập từ bảng tính")
          .attach("file", bytes, "phieu.xlsx"),
      );
    const bad = await upload([
      ["Mã", "Câu hỏi"],
      ["8.2.1", "Công khai"],
      ["1.1", "Không phải XHH"],
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("questions.1.itemCode");
    const ok = await upload([
      ["Mã", "Câu hỏi", "EN"],
      ["8.2.1", "Công khai, minh bạch", "Openness"],
      ["8.2.4", "Thái độ", ""],
    ]);
    expect(ok.status).toBe(201);
    expect(ok.body.data.questions.map((q: { itemCode: string }) => q.itemCode)).toEqual(["8.2.1", "8.2.4"]);
    expect(ok.body.data.units).toHaveLength(9);
    created = ok.body.data.id;
    const dup = await admin.post(`/api/periods/${p2023.id}/surveys`).send({
      unitTypeId: districtTypeId,
      respondentGroup: "non_state",
      title: "Trùng",
      questions: [{ itemCode: "8.2.1", text: "Câu hỏi" }],
    });
    expect(dup.status).toBe(409);
  });

  it("imports respondents, or nothing with a row-by-row report", async () => {
    const bad = await admin.post(`/api/surveys/${created}/respondents/import`).attach(
      "file",
      await sheet([
        ["Họ tên", "Đơn vị", "Email"],
        ["Nguyễn Văn A", "HTX", "a@x.vn"],
        ["", "Thiếu tên", "khong-phai-email"],
      ]),
      "ds.xlsx",
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { row: number }) => d.row)).toEqual([3, 3]);
    const none = (await admin.get(`/api/surveys/${created}/respondents`)).body.data;
    expect(none).toHaveLength(0);
    const ok = await admin.post(`/api/surveys/${created}/respondents/import`).attach(
      "file",
      await sheet([
        ["Họ tên", "Đơn vị", "Email"],
        ["Nguyễn Văn A", "HTX", "a@x.vn"],
        ["Trần Thị B", "", ""],
      ]),
      "ds.xlsx",
    );
    expect(ok.status).toBe(201);
    expect(ok.body.data).toHaveLength(2);
    const notXlsx = await admin
      .post(`/api/surveys/${created}/respondents/import`)
      .attach("file", Buffer.from("hello"), "a.xlsx");
    expect(notXlsx.status).toBe(415);
  });
});
