/**
 * Issue 16's acceptance, end to end (docs/scoring-kinds.md, docs/periods-and-classification.md): an index set with
 * every scoring kind is imported from a spreadsheet; a period is made from the 2026 framework; its units are
 * imported; one dossier of each of the template's two unit types goes from self-assessment to agreed through the
 * HTTP routes and the meeting's Yjs document — a figure changed by the council in round 1, an explanation proposing
 * new figures, round 2, a level proposed live in the meeting, the lock. Four more units of each type self-assess so
 * that the 20 % quota on the top band bites; the chair caps one unit's band. Every point, total, band (with its
 * reason) and rank is checked against figures worked out by hand below. Runs on PGlite and on PostgreSQL.
 */
import ExcelJS from "exceljs";
import { collabRoom, setAdjustment, ZRankingRow, type TLeafView, type TRankingRow } from "@ca/shared";
import { collabClient, eventually, type CollabClient } from "../../support/collab";
import { startTestApp, type TestApp } from "../../support/testApp";
import { openWindow, signedReport } from "../../support/workflow";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
let app: TestApp;
let admin: Agent;
let chair: Agent;
let periodId: string;
const docs: CollabClient[] = [];
const PROVINCE = "co_quan_chuyen_mon_tinh";
const COMMUNE = "ubnd_cap_xa";

/**
 * The index set, 100 points, in the import's column layout (services/indexSetSpreadsheet.ts):
 * 1 (30) = 1.1 yes/no (10) + 1.2 levels A 20 / B 15 / C 10 / D 0;
 * 2 (70) = 2.1 points (20) + 2.2 a value in bands (≥10 → 10, ≥5 → 5, else 0) + 2.3 a rate in bands
 * (≥100 % → 20, ≥80 % → 10, else 0) + 2.4 a rate proportional to 95 % (20 × rate ÷ 95 %, on steps of 0.25, half up).
 */
const SHEET: (string | number)[][] = [
  ["1", "Chỉ đạo, điều hành", "Direction", "", 30, 0.25, "tự chấm", "Không"],
  ["1.1", "Ban hành kế hoạch đúng hạn", "Plan on time", "", 10, 0.25, "tự chấm", "Không", "có/không"],
  [
    "1.2",
    "Chế độ báo cáo",
    "Reports",
    "",
    20,
    0.25,
    "tự chấm",
    "Không",
    "mức",
    "A | 20 | Đầy đủ, đúng hạn\nB | 15 | Có báo cáo chậm\nC | 10 | Thiếu 1 báo cáo\nD | 0 | Thiếu nhiều báo cáo",
  ],
  ["2", "Kết quả thực hiện nhiệm vụ", "Results", "", 70, 0.25, "tự chấm", "Không"],
  ["2.1", "Chất lượng tham mưu", "Advice", "", 20, 0.25, "tự chấm", "Không"],
  [
    "2.2",
    "Số sáng kiến được công nhận",
    "Recognised initiatives",
    "",
    10,
    0.25,
    "tự chấm",
    "Không",
    "số liệu",
    "",
    "giá trị",
    "≥10: 10; ≥5: 5; còn lại: 0",
  ],
  [
    "2.3",
    "Tỷ lệ nhiệm vụ hoàn thành đúng hạn",
    "Tasks on time",
    "",
    20,
    0.25,
    "tự chấm",
    "Không",
    "số liệu",
    "",
    "tỷ lệ",
    "≥100: 20; ≥80: 10; còn lại: 0",
  ],
  [
    "2.4",
    "Tỷ lệ giải ngân",
    "Disbursement",
    "",
    20,
    0.25,
    "tự chấm",
    "Không",
    "số liệu",
    "",
    "tỷ lệ",
    "tỷ lệ thuận: 95; làm tròn: lên",
  ],
];

type Answer = { score: number } | { level: string } | { figures: object };
const yes = { level: "yes" };
const no = { level: "no" };
const lv = (level: string) => ({ level });
const pts = (score: number) => ({ score });
const val = (value: number) => ({ figures: { value } });
const rate = (numerator: number, denominator: number) => ({ figures: { numerator, denominator } });
type Sheet = Record<"1.1" | "1.2" | "2.1" | "2.2" | "2.3" | "2.4", Answer>;

/**
 * The other units' self-assessments (drafts count in the provisional ranking) and their totals by hand.
 * 2.4 by hand: 20 × rate ÷ 95 % in steps of 0.25, half up.
 */
const OTHERS: Record<string, { type: string; answers: Sheet; total: number }> = {
  // 10 + 20 + 19 + 10 (10 ≥ 10) + 20 (100 %) + 20 (95 % = full) = 99
  "so-b": {
    type: PROVINCE,
    answers: {
      "1.1": yes,
      "1.2": lv("A"),
      "2.1": pts(19),
      "2.2": val(10),
      "2.3": rate(20, 20),
      "2.4": rate(95, 100),
    },
    total: 99,
  },
  // 10 + 15 + 18 + 5 (5 ≥ 5) + 10 (90 %) + 16 (20 × 76 ÷ 95 = 16 exactly) = 74
  "so-c": {
    type: PROVINCE,
    answers: {
      "1.1": yes,
      "1.2": lv("B"),
      "2.1": pts(18),
      "2.2": val(5),
      "2.3": rate(9, 10),
      "2.4": rate(76, 100),
    },
    total: 74,
  },
  // 0 + 10 + 12.5 + 0 (3 < 5) + 0 (70 %) + 8 (20 × 38 ÷ 95 = 8) = 30.5
  "so-d": {
    type: PROVINCE,
    answers: {
      "1.1": no,
      "1.2": lv("C"),
      "2.1": pts(12.5),
      "2.2": val(3),
      "2.3": rate(7, 10),
      "2.4": rate(38, 100),
    },
    total: 30.5,
  },
  // 10 + 0 + 15 + 5 (6) + 10 (80 % exactly: the band it names) + 10.5 (20 × 50 ÷ 95 = 10.526 = 42.1 steps → 42) = 50.5
  "so-e": {
    type: PROVINCE,
    answers: {
      "1.1": yes,
      "1.2": lv("D"),
      "2.1": pts(15),
      "2.2": val(6),
      "2.3": rate(8, 10),
      "2.4": rate(50, 100),
    },
    total: 50.5,
  },
  // 10 + 20 + 20 + 10 (15) + 20 (100 %) + 20 (100 % > 95 %: capped at the maximum) = 100
  "xa-b": {
    type: COMMUNE,
    answers: {
      "1.1": yes,
      "1.2": lv("A"),
      "2.1": pts(20),
      "2.2": val(15),
      "2.3": rate(40, 40),
      "2.4": rate(80, 80),
    },
    total: 100,
  },
  // 10 + 20 + 19.75 + 10 + 20 + 19.5 (20 × 93 ÷ 95 = 19.579 = 78.3 steps → 78) = 99.25
  "xa-c": {
    type: COMMUNE,
    answers: {
      "1.1": yes,
      "1.2": lv("A"),
      "2.1": pts(19.75),
      "2.2": val(10),
      "2.3": rate(20, 20),
      "2.4": rate(93, 100),
    },
    total: 99.25,
  },
  // 0 + 15 + 16 + 5 (9) + 10 (85 %) + 12.75 (20 × 60 ÷ 95 = 12.632 = 50.53 steps → 51) = 58.75
  "xa-d": {
    type: COMMUNE,
    answers: {
      "1.1": no,
      "1.2": lv("B"),
      "2.1": pts(16),
      "2.2": val(9),
      "2.3": rate(17, 20),
      "2.4": rate(60, 100),
    },
    total: 58.75,
  },
  // 0 + 0 + 5 + 0 + 0 (0 %) + 2 (20 × 10 ÷ 95 = 2.105 = 8.42 steps → 8) = 7
  "xa-e": {
    type: COMMUNE,
    answers: {
      "1.1": no,
      "1.2": lv("D"),
      "2.1": pts(5),
      "2.2": val(0),
      "2.3": rate(0, 10),
      "2.4": rate(10, 100),
    },
    total: 7,
  },
};

/**
 * The two dossiers taken to agreement. Each stage: the answers given, the points the server must derive, the total.
 * so-a (provincial agency):
 *   self: 1.1 yes 10; 1.2 B 15; 2.1 19.5; 2.2 12 → 10; 2.3 20/20 = 100 % → 20; 2.4 90/100 → 20 × 90 ÷ 95 = 18.947
 *         = 75.79 steps → 76 → 19. Total 10 + 15 + 19.5 + 10 + 20 + 19 = 93.5.
 *   round 1: the council finds 15 of the 20 tasks on time: 2.3 15/20 = 75 % → 0, explanation asked; 1.2 stays B.
 *         Total 93.5 − 20 = 73.5.
 *   explanation: 2.3 proposed 17/20 = 85 % → 10. Round 2 takes it: 73.5 + 10 = 83.5.
 *   meeting: 1.2 proposed live at level A (20): 83.5 + 5 = 88.5, agreed.
 * xa-a (commune):
 *   self: 1.1 yes 10; 1.2 A 20; 2.1 17.25; 2.2 7 → 5; 2.3 33/40 = 82.5 % → 10; 2.4 76/80 = 95 % → 20.
 *         Total 10 + 20 + 17.25 + 5 + 10 + 20 = 82.25.
 *   round 1: the council counts 4 initiatives, not 7: 2.2 4 → 0, explanation asked. Total 82.25 − 5 = 77.25.
 *   explanation: 2.2 proposed 5 (exactly the edge) → 5. Round 2 takes it: 77.25 + 5 = 82.25.
 *   meeting: 1.2 proposed live at level C (10): 82.25 − 10 = 72.25, agreed.
 */
const JOURNEYS = {
  "so-a": {
    type: PROVINCE,
    self: {
      "1.1": yes,
      "1.2": lv("B"),
      "2.1": pts(19.5),
      "2.2": val(12),
      "2.3": rate(20, 20),
      "2.4": rate(90, 100),
    },
    selfPoints: { "1.1": 10, "1.2": 15, "2.1": 19.5, "2.2": 10, "2.3": 20, "2.4": 19 },
    selfTotal: 93.5,
    round1: { code: "2.3", answer: rate(15, 20), points: 0 },
    round1Total: 73.5,
    proposed: { code: "2.3", figures: { numerator: 17, denominator: 20 }, points: 10 },
    round2Total: 83.5,
    meeting: { code: "1.2", level: "A", points: 20 },
    agreedTotal: 88.5,
  },
  "xa-a": {
    type: COMMUNE,
    self: {
      "1.1": yes,
      "1.2": lv("A"),
      "2.1": pts(17.25),
      "2.2": val(7),
      "2.3": rate(33, 40),
      "2.4": rate(76, 80),
    },
    selfPoints: { "1.1": 10, "1.2": 20, "2.1": 17.25, "2.2": 5, "2.3": 10, "2.4": 20 },
    selfTotal: 82.25,
    round1: { code: "2.2", answer: val(4), points: 0 },
    round1Total: 77.25,
    proposed: { code: "2.2", figures: { value: 5 }, points: 5 },
    round2Total: 82.25,
    meeting: { code: "1.2", level: "C", points: 10 },
    agreedTotal: 72.25,
  },
} as const;

/**
 * The rankings by hand: 5 ranked units per type, 20 % of 5 = 1 seat in "Hoàn thành xuất sắc" (≥ 90).
 * Provinces: so-b 99 alone reaches the top band and keeps the seat; so-a 88.5 is "tốt" by index (70–<90); so-c 74
 *   "tốt"; so-e 50.5 "hoàn thành" (50–<70); so-d 30.5 "không hoàn thành".
 * Communes: xa-b 100 and xa-c 99.25 both reach the top band: one seat, so xa-c drops to "tốt" by the quota;
 *   xa-a 72.25 is "tốt" by index but the chair caps it at "hoàn thành" (override); xa-d 58.75 "hoàn thành";
 *   xa-e 7 "không hoàn thành".
 * Rank → [unit, total, band, basis].
 */
const RANKING: Record<string, [string, number, string, string][]> = {
  [PROVINCE]: [
    ["so-b", 99, "hoan_thanh_xuat_sac", "index"],
    ["so-a", 88.5, "hoan_thanh_tot", "index"],
    ["so-c", 74, "hoan_thanh_tot", "index"],
    ["so-e", 50.5, "hoan_thanh", "index"],
    ["so-d", 30.5, "khong_hoan_thanh", "index"],
  ],
  [COMMUNE]: [
    ["xa-b", 100, "hoan_thanh_xuat_sac", "index"],
    ["xa-c", 99.25, "hoan_thanh_tot", "quota"],
    ["xa-a", 72.25, "hoan_thanh", "override"],
    ["xa-d", 58.75, "hoan_thanh", "index"],
    ["xa-e", 7, "khong_hoan_thanh", "index"],
  ],
};

const passwords = new Map<string, string>();
const loginAs = (username: string) => app.login(username, passwords.get(username));

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
  chair = await app.login("chair");
});
afterAll(async () => {
  docs.forEach((d) => d.destroy());
  await app.close();
});

const leafOf = (detail: { leaves: TLeafView[] }, code: string) => detail.leaves.find((l) => l.code === code)!;
const ranking = async (unitType: string) => {
  const res = await admin.get(`/api/periods/${periodId}/ranking?unitType=${unitType}`);
  expect(res.status).toBe(200);
  return (res.body.data as unknown[]).map((r) => ZRankingRow.parse(r)) as TRankingRow[];
};

describe("an index set with every kind, the 2026 framework, one dossier of each type to agreed", () => {
  const dossierOf = new Map<string, string>();

  it("makes the period from the 2026 template, imports the units and the index set, and uses it", async () => {
    const made = await admin
      .post("/api/periods")
      .send({ name: "Đánh giá năm 2026", year: 2026, templateKey: "framework-2026" });
    expect(made.status).toBe(201);
    periodId = made.body.data.id;

    // Units with a head and two accounts each: the five of each type.
    const wb = new ExcelJS.Workbook();
    const units = wb.addWorksheet("DonVi");
    const leaders = wb.addWorksheet("LanhDao");
    const accounts = wb.addWorksheet("TaiKhoan");
    units.addRow(["Mã đơn vị", "Tên đơn vị", "Tên ngắn", "Loại đơn vị", "Đơn vị tiền thân"]);
    leaders.addRow(["Mã đơn vị", "Họ và tên", "Vị trí", "Chức vụ", "Lĩnh vực phụ trách"]);
    accounts.addRow(["Tên đăng nhập", "Họ và tên", "Email", "Vai trò", "Mã đơn vị"]);
    for (const code of [
      "so-a",
      ...Object.keys(OTHERS).slice(0, 4),
      "xa-a",
      ...Object.keys(OTHERS).slice(4),
    ]) {
      const type = code.startsWith("so-") ? PROVINCE : COMMUNE;
      units.addRow([code, `Đơn vị ${code}`, code, type, ""]);
      leaders.addRow([code, `Thủ trưởng ${code}`, "Trưởng", "Giám đốc", ""]);
      accounts.addRow([`editor.${code}`, `Cán bộ ${code}`, "", "Soạn thảo", code]);
      accounts.addRow([`head.${code}`, `Thủ trưởng ${code}`, "", "Thủ trưởng", code]);
    }
    const imported = await admin
      .post("/api/units/import")
      .attach("file", Buffer.from(await wb.xlsx.writeBuffer()), "don-vi.xlsx");
    expect(imported.status).toBe(201);
    for (const a of imported.body.data.accounts as { username: string; initialPassword: string }[])
      passwords.set(a.username, a.initialPassword);

    // The index set with every kind, imported once per unit type from the same sheet.
    const sheet = new ExcelJS.Workbook();
    const ws = sheet.addWorksheet("BoChiSo");
    ws.addRow([
      "Mã",
      "Tên",
      "Tên tiếng Anh",
      "Hướng dẫn",
      "Điểm tối đa",
      "Bước",
      "Phương pháp",
      "Minh chứng",
    ]);
    SHEET.forEach((r) => ws.addRow(r));
    const file = Buffer.from(await sheet.xlsx.writeBuffer());
    const types = (await admin.get("/api/unit-types")).body.data as { id: string; code: string }[];
    for (const type of [PROVINCE, COMMUNE]) {
      const typeId = types.find((x) => x.code === type)!.id;
      const res = await admin
        .post("/api/index-sets/import")
        .field("code", `kinds-${type}`)
        .field("name", "Bộ chỉ số đủ các loại chấm")
        .field("unitTypeId", typeId)
        .attach("file", file, "bo-chi-so.xlsx");
      expect([res.status, res.body.error]).toEqual([201, undefined]);
      // The period applies the new set to this unit type (the admin's route, before anyone scores).
      const assigned = await admin
        .put(`/api/periods/${periodId}/index-sets/${type}`)
        .send({ indexSetId: res.body.data.id, reason: "Bộ chỉ số đủ các loại chấm" });
      expect([assigned.status, assigned.body.error]).toEqual([200, undefined]);
      expect(assigned.body.data.find((l: { unitType: string }) => l.unitType === type).indexSetId).toBe(
        res.body.data.id,
      );
    }
    const list = (await admin.get(`/api/periods/${periodId}/dossiers`)).body.data as {
      id: string;
      unit: { code: string };
    }[];
    for (const d of list) dossierOf.set(d.unit.code, d.id);
    expect([...dossierOf.keys()].sort()).toEqual(
      ["so-a", "so-b", "so-c", "so-d", "so-e", "xa-a", "xa-b", "xa-c", "xa-d", "xa-e"].sort(),
    );

    // The dossier reads every kind back from the sheet (points and thresholds as decimals).
    const detail = (await (await loginAs("editor.so-a")).get(`/api/dossiers/${dossierOf.get("so-a")}`)).body
      .data;
    expect(detail.leaves.map((l: TLeafView) => [l.code, l.kind])).toEqual([
      ["1.1", "yesno"],
      ["1.2", "levels"],
      ["2.1", "points"],
      ["2.2", "quantity"],
      ["2.3", "quantity"],
      ["2.4", "quantity"],
    ]);
    expect(leafOf(detail, "1.2").levels!.map((l) => [l.code, l.points])).toEqual([
      ["A", 20],
      ["B", 15],
      ["C", 10],
      ["D", 0],
    ]);
    expect(leafOf(detail, "2.2").rule).toEqual({
      type: "bands",
      measure: "value",
      bands: [
        { atLeast: 10, points: 10 },
        { atLeast: 5, points: 5 },
      ],
      otherwise: 0,
    });
    expect(leafOf(detail, "2.4").rule).toEqual({
      type: "proportional",
      measure: "rate",
      fullAt: 95,
      rounding: "half_up",
    });
  });

  it("the other units self-assess and submit: the points derived by hand", async () => {
    await openWindow(admin, periodId, "self_assessment");
    for (const [code, other] of Object.entries(OTHERS)) {
      const editor = await loginAs(`editor.${code}`);
      for (const [leaf, answer] of Object.entries(other.answers)) {
        const res = await editor.put(`/api/dossiers/${dossierOf.get(code)}/items/${leaf}/self`).send(answer);
        expect([code, leaf, res.status]).toEqual([code, leaf, 200]);
      }
      const detail = (await editor.get(`/api/dossiers/${dossierOf.get(code)}`)).body.data;
      expect([code, detail.selfTotals.total]).toEqual([code, other.total]);
      // Submitted, the self-assessment is the unit's claim and ranks (a draft never does).
      const submitted = await signedReport(
        await loginAs(`head.${code}`),
        `/api/dossiers/${dossierOf.get(code)}/submit`,
      );
      expect([code, submitted.status]).toEqual([code, 200]);
    }
  });

  for (const [code, j] of Object.entries(JOURNEYS))
    it(`${code} (${j.type}): self → round 1 → explanation → round 2`, async () => {
      const url = `/api/dossiers/${dossierOf.get(code)}`;
      const editor = await loginAs(`editor.${code}`);
      const head = await loginAs(`head.${code}`);
      await openWindow(admin, periodId, "self_assessment");
      for (const [leaf, answer] of Object.entries(j.self)) {
        const res = await editor
          .put(`${url}/items/${leaf}/self`)
          .send({ ...answer, note: `Tự chấm ${leaf}` });
        expect([leaf, res.status, res.body.data?.score]).toEqual([
          leaf,
          200,
          j.selfPoints[leaf as keyof typeof j.selfPoints],
        ]);
      }
      expect((await editor.get(url)).body.data.selfTotals.total).toBe(j.selfTotal);
      expect((await signedReport(head, `${url}/submit`)).status).toBe(200);

      // Round 1: the council changes one figure and asks why.
      const r1 = await chair.put(`${url}/items/${j.round1.code}/review`).send({
        round: 1,
        ...j.round1.answer,
        comment: "Số liệu theo báo cáo của Văn phòng UBND tỉnh khác với số đơn vị tự báo cáo",
        requestExplanation: true,
      });
      expect([r1.status, r1.body.data?.score]).toEqual([200, j.round1.points]);
      expect(r1.body.data).toMatchObject(j.round1.answer);
      const kept = await chair
        .put(`${url}/items/1.2/review`)
        .send({ round: 1, ...j.self["1.2"], comment: "" });
      expect(kept.body.data.score).toBe(j.selfPoints["1.2"]);
      expect((await chair.post(`${url}/transition`).send({ to: "round1_done" })).body.data.status).toBe(
        "round1_done",
      );
      let detail = (await editor.get(url)).body.data;
      expect(detail.officialTotals.total).toBe(j.round1Total);
      expect(leafOf(detail, j.round1.code).stages).toMatchObject({
        self: { score: j.selfPoints[j.round1.code as keyof typeof j.selfPoints], ...j.self[j.round1.code] },
        round1: { score: j.round1.points, ...j.round1.answer },
      });

      // The explanation proposes new figures; round 2 takes them.
      await openWindow(admin, periodId, "explanation");
      const request = leafOf(detail, j.round1.code).comments[0];
      const answered = await editor
        .post(`/api/comments/${request.id}/answer`)
        .send({ answer: "Có văn bản chứng minh kèm theo", proposedFigures: j.proposed.figures });
      expect(answered.body.data).toMatchObject({
        proposedScore: j.proposed.points,
        proposedFigures: j.proposed.figures,
      });
      expect((await signedReport(head, `${url}/explanation`)).status).toBe(200);
      const r2 = await chair
        .put(`${url}/items/${j.proposed.code}/review`)
        .send({ round: 2, figures: j.proposed.figures, comment: "Chấp nhận giải trình" });
      expect([r2.status, r2.body.data?.score]).toEqual([200, j.proposed.points]);
      expect((await chair.post(`/api/comments/${request.id}/resolve`)).status).toBe(200);
      expect((await chair.post(`${url}/transition`).send({ to: "round2_done" })).body.data.status).toBe(
        "round2_done",
      );
      detail = (await editor.get(url)).body.data;
      expect(detail.officialTotals.total).toBe(j.round2Total);
    });

  it("the meeting proposes a level live in the Yjs document of each dossier and locks them agreed", async () => {
    await openWindow(admin, periodId, "meeting");
    const agenda = Object.keys(JOURNEYS).map((c) => dossierOf.get(c)!);
    const meeting = await chair
      .post(`/api/periods/${periodId}/meetings`)
      .send({ title: "Phiên họp Hội đồng năm 2026", startsAt: new Date().toISOString(), agenda });
    expect(meeting.status).toBe(201);
    const meetingId = meeting.body.data.id as string;
    expect((await chair.post(`/api/meetings/${meetingId}/start`)).status).toBe(200);
    const chairId = (await chair.get("/api/me")).body.data.id as string;
    for (const [code, j] of Object.entries(JOURNEYS)) {
      const dossierId = dossierOf.get(code)!;
      const doc = collabClient(app, chair, collabRoom(meetingId, dossierId));
      docs.push(doc);
      await doc.synced;
      // The document carries hundredths.
      setAdjustment(doc.md, j.meeting.code, {
        score: j.meeting.points * 100,
        level: j.meeting.level,
        by: chairId,
        at: new Date().toISOString(),
      });
      const projection = `/api/meetings/${meetingId}/dossiers/${dossierId}/projection`;
      await eventually(async () => {
        const p = (await chair.get(projection)).body.data;
        expect(p.leaves.find((l: { code: string }) => l.code === j.meeting.code)).toMatchObject({
          valid: true,
          adjustment: { score: j.meeting.points, level: j.meeting.level },
        });
        expect([p.official.total, p.provisional.total]).toEqual([j.round2Total, j.agreedTotal]);
      });
      const locked = await chair.post(`/api/meetings/${meetingId}/lock`).send({ dossierId });
      expect([locked.status, locked.body.error]).toEqual([200, undefined]);
      const detail = (await (await loginAs(`editor.${code}`)).get(`/api/dossiers/${dossierId}`)).body.data;
      expect(detail.status).toBe("agreed");
      expect(detail.officialTotals.total).toBe(j.agreedTotal);
      expect(leafOf(detail, j.meeting.code).stages.agreed).toMatchObject({
        score: j.meeting.points,
        level: j.meeting.level,
      });
      // The figures the round 2 took stay the agreed figures where nothing was proposed.
      expect(leafOf(detail, j.proposed.code).stages.agreed).toMatchObject({
        score: j.proposed.points,
        figures: j.proposed.figures,
      });
    }
  });

  it("ranks both types with the 20 % quota and the chair's cap, saying why, as worked out by hand", async () => {
    const cap = await chair.post(`/api/periods/${periodId}/classification/caps`).send({
      unitId: (await ranking(COMMUNE)).find((r) => r.unit.code === "xa-a")!.unit.id,
      maxBand: "hoan_thanh",
      reason: "Để xảy ra vi phạm kỷ luật tài chính trong năm",
      documentNumber: "07/QĐ-HĐTĐ",
    });
    expect(cap.status).toBe(201);
    for (const type of [PROVINCE, COMMUNE]) {
      const rows = await ranking(type);
      expect(
        rows
          .sort((a, b) => a.rank! - b.rank!)
          .map((r) => [r.unit.code, r.rank, r.total, r.index, r.classification, r.why?.basis]),
      ).toEqual(
        RANKING[type].map(([unit, total, band, basis], i) => [unit, i + 1, total, total, band, basis]),
      );
      const agreed = rows.find((r) => r.unit.code in JOURNEYS)!;
      expect([agreed.provisional, agreed.status]).toEqual([false, "agreed"]);
    }
    const communes = await ranking(COMMUNE);
    expect(communes.find((r) => r.unit.code === "xa-c")!.why).toEqual({
      basis: "quota",
      bandByIndex: "hoan_thanh_xuat_sac",
      override: null,
      quota: { from: "hoan_thanh_xuat_sac", seats: 1, tieAtCut: false },
    });
    expect(communes.find((r) => r.unit.code === "xa-a")!.why).toMatchObject({
      basis: "override",
      bandByIndex: "hoan_thanh_tot",
      override: { source: "council", documentNumber: "07/QĐ-HĐTĐ" },
      quota: null,
    });
  });
});
