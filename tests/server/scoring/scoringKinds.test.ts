/**
 * Scoring kinds end to end (docs/scoring-kinds.md): leaves of every kind on the training period's provincial index
 * set, one dossier from self-assessment to agreed. The agency picks levels and reports figures, the server derives
 * the points; the council changes a figure in round 1 and asks for an explanation; the agency proposes new figures;
 * round 2 takes them; the meeting proposes a level live and locks. Every stage keeps the level or the figures
 * beside the points, and every derived point is checked by hand. Runs on PGlite and on PostgreSQL.
 */
import { and, eq } from "drizzle-orm";
import { collabRoom, setAdjustment, type TLeafView } from "@ca/shared";
import { indexItems, indexSets } from "@ca/server/src/db/schema";
import { collabClient, eventually, type CollabClient } from "../../support/collab";
import { answerFor } from "../../support/kindAnswers";
import { startTestApp, type TestApp } from "../../support/testApp";
import { openWindow, selfAssessAll, signedReport, trainingDossier } from "../../support/workflow";

let app: TestApp;
const docs: CollabClient[] = [];
beforeAll(async () => {
  app = await startTestApp();
  // The kinds, on the sample's provincial index set (scale in hundredths; rates' thresholds in Bp).
  const db = app.ctx.database.db;
  const [set] = await db.select().from(indexSets).where(eq(indexSets.code, "bcs-tinh"));
  const kinds: Record<string, Partial<typeof indexItems.$inferInsert>> = {
    "1.1.1": { scoringKind: "yesno" },
    "1.1.2": {
      scoringKind: "quantity",
      quantityRule: {
        type: "bands",
        measure: "rate",
        bands: [
          { atLeast: 10000, points: 200 },
          { atLeast: 8000, points: 100 },
        ],
        otherwise: 0,
      },
    },
    "1.2": {
      scoringKind: "levels",
      levels: [
        { code: "A", label: "Đầy đủ, đúng hạn", points: 200 },
        { code: "B", label: "Có báo cáo chậm", points: 100 },
        { code: "C", label: "Thiếu báo cáo", points: 0 },
      ],
    },
    "5.1": {
      scoringKind: "quantity",
      quantityRule: { type: "proportional", measure: "rate", fullAt: 9500, rounding: "half_up" },
    },
  };
  for (const [code, values] of Object.entries(kinds))
    await db
      .update(indexItems)
      .set(values)
      .where(and(eq(indexItems.indexSetId, set.id), eq(indexItems.code, code)));
});
afterAll(async () => {
  docs.forEach((d) => d.destroy());
  await app.close();
});

const leafOf = (detail: { leaves: TLeafView[] }, code: string) => detail.leaves.find((l) => l.code === code)!;

it("records the level or the figures at every stage, with the points the server derives", async () => {
  const { admin, period, dossierId } = await trainingDossier(app, "snv");
  const editor = await app.login("editor.snv");
  const head = await app.login("head.snv");
  const chair = await app.login("chair");
  const url = `/api/dossiers/${dossierId}`;
  await openWindow(admin, period.id, "self_assessment");

  // The dossier says each leaf's kind with its levels or rule (points and thresholds as decimals).
  let detail = (await editor.get(url)).body.data;
  expect(leafOf(detail, "1.1.1")).toMatchObject({ kind: "yesno", rule: null });
  expect(leafOf(detail, "1.1.1").levels!.map((l) => [l.code, l.points])).toEqual([
    ["yes", 1],
    ["no", 0],
  ]);
  expect(leafOf(detail, "1.1.2").rule).toEqual({
    type: "bands",
    measure: "rate",
    bands: [
      { atLeast: 100, points: 2 },
      { atLeast: 80, points: 1 },
    ],
    otherwise: 0,
  });
  expect(leafOf(detail, "2.1")).toMatchObject({ kind: "points", levels: null, rule: null });

  // Wrong answers for the kind are refused with a clear message, in Vietnamese by default.
  const refused = await editor.put(`${url}/items/1.1.1/self`).send({ score: 1, note: "" });
  expect([refused.status, refused.body.error.code]).toEqual([400, "validation_failed"]);
  expect(refused.body.error.message).toBe("Tiêu chí 1.1.1 cần chọn Có hoặc Không.");
  const unknown = await editor.put(`${url}/items/1.2/self`).send({ level: "D" });
  expect(unknown.body.error.message).toBe("Mức không có trong tiêu chí 1.2 (các mức: A, B, C).");
  const zero = await editor
    .put(`${url}/items/1.1.2/self`)
    .send({ figures: { numerator: 3, denominator: 0 } });
  expect(zero.body.error.message).toBe("Mẫu số phải lớn hơn 0.");
  const value = await editor.put(`${url}/items/1.1.2/self`).send({ figures: { value: 95 } });
  expect(value.status).toBe(400);
  const figuresOnPoints = await editor.put(`${url}/items/2.1/self`).send({ figures: { value: 95 } });
  expect(figuresOnPoints.status).toBe(400);

  // Step 6: the rest at their maximum, then the kinded leaves answered by kind.
  await selfAssessAll(editor, dossierId);
  const answers: [string, object, object][] = [
    // yes → the maximum, 1.
    ["1.1.1", { level: "yes" }, { score: 1, level: "yes", figures: null }],
    // 19 of 20 = 95 %: at least 80 % but below 100 % → 1.
    [
      "1.1.2",
      { figures: { numerator: 19, denominator: 20 } },
      { score: 1, figures: { numerator: 19, denominator: 20 } },
    ],
    ["1.2", { level: "B" }, { score: 1, level: "B" }],
    // 3 × 90 % ÷ 95 % = 2.842… = 11.37 steps of 0.25 → 11 (half up) → 2.75.
    ["5.1", { figures: { numerator: 90, denominator: 100 } }, { score: 2.75, level: null }],
  ];
  for (const [code, body, expected] of answers) {
    const saved = await editor.put(`${url}/items/${code}/self`).send({ ...body, note: `Tự chấm ${code}` });
    expect([code, saved.status, saved.body.data]).toEqual([code, 200, expect.objectContaining(expected)]);
  }
  detail = (await editor.get(url)).body.data;
  expect(leafOf(detail, "1.1.2").stages.self).toMatchObject({
    score: 1,
    level: null,
    figures: { numerator: 19, denominator: 20 },
  });
  // 71 at the maximum (workflow.test.ts) − 1 (1.1.2) − 1 (1.2) − 0.25 (5.1) = 68.75.
  expect(detail.selfTotals.total).toBe(68.75);
  expect((await signedReport(head, `${url}/submit`)).status).toBe(200);

  // Step 7: the council appraises the figures — 15 of 20 = 75 % → 0 — and asks for an explanation.
  const r1 = await chair.put(`${url}/items/1.1.2/review`).send({
    round: 1,
    figures: { numerator: 15, denominator: 20 },
    comment: "Số nhiệm vụ hoàn thành theo Văn phòng UBND tỉnh là 15/20",
    requestExplanation: true,
  });
  expect(r1.body.data).toMatchObject({ score: 0, level: null, figures: { numerator: 15, denominator: 20 } });
  // The leaves only the council scores (1.3.1, bonus and penalty): nothing this year.
  for (const l of detail.leaves.filter((x: TLeafView) => x.method === "council"))
    expect(
      (await chair.put(`${url}/items/${l.code}/review`).send({ round: 1, ...answerFor(l, 0) })).status,
    ).toBe(200);
  const level = await chair.put(`${url}/items/1.2/review`).send({ round: 1, level: "A", comment: "" });
  expect(level.body.data).toMatchObject({ score: 2, level: "A", figures: null });
  const both = await chair.put(`${url}/items/1.2/review`).send({ round: 1, score: 2, level: "A" });
  expect(both.status).toBe(400);
  expect((await chair.post(`${url}/transition`).send({ to: "round1_done" })).body.data.status).toBe(
    "round1_done",
  );
  // Released to the agency: its figures beside the council's, points derived from each.
  detail = (await editor.get(url)).body.data;
  expect(leafOf(detail, "1.1.2").stages).toMatchObject({
    self: { score: 1, figures: { numerator: 19, denominator: 20 } },
    round1: { score: 0, figures: { numerator: 15, denominator: 20 } },
  });
  // 68.75 − 1 (1.1.2: 1 → 0) + 1 (1.2: B → A) = 68.75.
  expect(detail.officialTotals.total).toBe(68.75);

  // Step 8: the agency proposes new figures — 16 of 20 = 80 %, exactly the band's edge → 1.
  await openWindow(admin, period.id, "explanation");
  const request = leafOf(detail, "1.1.2").comments[0];
  const answered = await editor.post(`/api/comments/${request.id}/answer`).send({
    answer: "Một nhiệm vụ hoàn thành ngày 30/12, có văn bản kèm theo",
    proposedFigures: { numerator: 16, denominator: 20 },
  });
  expect(answered.body.data).toMatchObject({
    proposedScore: 1,
    proposedLevel: null,
    proposedFigures: { numerator: 16, denominator: 20 },
  });
  const badProposal = await editor
    .post(`/api/comments/${request.id}/answer`)
    .send({ answer: "Mức", proposedLevel: "A" });
  expect(badProposal.status).toBe(400);
  expect((await signedReport(head, `${url}/explanation`)).status).toBe(200);

  // Step 9: round 2 takes the proposed figures; the request resolved; round closed.
  const r2 = await chair
    .put(`${url}/items/1.1.2/review`)
    .send({ round: 2, figures: { numerator: 16, denominator: 20 }, comment: "" });
  expect(r2.body.data).toMatchObject({ score: 1 });
  expect((await chair.post(`/api/comments/${request.id}/resolve`)).status).toBe(200);
  expect((await chair.post(`${url}/transition`).send({ to: "round2_done" })).body.data.status).toBe(
    "round2_done",
  );

  // The meeting: a live proposal of a level on 1.2 (C → 0), and one whose points disagree with its level.
  const meeting = await chair
    .post(`/api/periods/${period.id}/meetings`)
    .send({ title: "Phiên họp", startsAt: new Date().toISOString(), agenda: [dossierId] });
  const meetingId = meeting.body.data.id as string;
  expect((await chair.post(`/api/meetings/${meetingId}/start`)).status).toBe(200);
  const chairId = (await chair.get("/api/me")).body.data.id as string;
  const doc = collabClient(app, chair, collabRoom(meetingId, dossierId));
  docs.push(doc);
  await doc.synced;
  const at = new Date().toISOString();
  setAdjustment(doc.md, "1.2", { score: 0, level: "C", by: chairId, at });
  setAdjustment(doc.md, "1.1.1", { score: 100, level: "no", by: chairId, at });
  const projectionUrl = `/api/meetings/${meetingId}/dossiers/${dossierId}/projection`;
  await eventually(async () => {
    const p = (await chair.get(projectionUrl)).body.data;
    const of = (code: string) => p.leaves.find((l: { code: string }) => l.code === code);
    expect(of("1.2")).toMatchObject({
      kind: "levels",
      valid: true,
      adjustment: { score: 0, level: "C", figures: null },
      answers: { self: { level: "B" }, round1: { level: "A" } },
    });
    expect(of("1.1.1")).toMatchObject({ valid: false });
    expect(of("1.1.1").reason).toMatch(/không khớp/);
    expect(of("1.1.2").answers).toMatchObject({
      self: { figures: { numerator: 19, denominator: 20 } },
      round1: { figures: { numerator: 15, denominator: 20 } },
      proposed: { figures: { numerator: 16, denominator: 20 } },
      round2: { figures: { numerator: 16, denominator: 20 } },
    });
    // Official after round 2: 68.75 + 1 (1.1.2: 0 → 1) = 69.75; provisional − 2 (1.2: A → C) = 67.75.
    expect(p.official.total).toBe(69.75);
    expect(p.provisional.total).toBe(67.75);
  });
  setAdjustment(doc.md, "1.1.1", { score: 0, level: "no", by: chairId, at: new Date().toISOString() });
  await eventually(async () => {
    const p = (await chair.get(projectionUrl)).body.data;
    expect(p.leaves.find((l: { code: string }) => l.code === "1.1.1")).toMatchObject({ valid: true });
  });
  const locked = await chair.post(`/api/meetings/${meetingId}/lock`).send({ dossierId });
  expect([locked.status, locked.body.error]).toEqual([200, undefined]);

  // Agreed: the proposals' levels, and the latest stage's figures where nothing was proposed.
  detail = (await editor.get(url)).body.data;
  expect(detail.status).toBe("agreed");
  expect(leafOf(detail, "1.2").stages.agreed).toMatchObject({ score: 0, level: "C" });
  expect(leafOf(detail, "1.1.1").stages.agreed).toMatchObject({ score: 0, level: "no" });
  expect(leafOf(detail, "1.1.2").stages.agreed).toMatchObject({
    score: 1,
    figures: { numerator: 16, denominator: 20 },
  });
  expect(leafOf(detail, "5.1").stages.agreed).toMatchObject({
    score: 2.75,
    figures: { numerator: 90, denominator: 100 },
  });
  // 69.75 − 2 (1.2) − 1 (1.1.1) = 66.75.
  expect(detail.officialTotals.total).toBe(66.75);
});
