/**
 * Step 10, publication (docs/domain.md §1, §2): staged — leadership, then the units, then the public — only once every
 * dossier and the council's agreement are in; the public sees nothing before, and afterwards only published
 * fields: no evidence name, no comment, no internal note, no score note.
 */
import { count, eq } from "drizzle-orm";
import * as t from "@ca/server/src/db/schema";
import { agreeTrainingPeriod } from "../../../support/results";
import { startTestApp, type TestApp } from "../../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
const SECRETS = {
  evidence: "minh-chung-mat-7f3a.pdf",
  request: "YEU-CAU-GIAI-TRINH-9c1e",
  note: "GHI-CHU-NOI-BO-4b2d",
  answer: "TRA-LOI-GIAI-TRINH-0e8f",
  scoreNote: "GHI-CHU-DIEM-5a6b",
};
// Every key the public results may carry (CONVENTIONS §4: presenters list them one by one).
const PUBLIC_KEYS = new Set([
  "data",
  "periodId",
  "periodCode",
  "periodName",
  "year",
  "final",
  "documentNumber",
  "publishedAt",
  "unitTypes",
  "code",
  "name",
  "nameEn",
  "rows",
  "unit",
  "id",
  "unitType",
  "standing",
  "rank",
  "total",
  "why",
  "basis",
  "bandByIndex",
  "override",
  "source",
  "reason",
  "reasonEn",
  "max",
  "index",
  "classification",
  "classificationLabel",
  "classificationLabelEn",
  "areas",
  "title",
  "titleEn",
  "achieved",
]);
const keysOf = (v: unknown, out = new Set<string>()): Set<string> => {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, out));
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      keysOf(x, out);
    }
  return out;
};

let app: TestApp;
let admin: Agent;
let periodId: string;
const url = () => `/api/periods/${periodId}/publication`;
const publicUrl = () => `/api/public/periods/${periodId}/results`;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
  const { period } = await agreeTrainingPeriod(app, { agreements: false });
  periodId = period.id;
  // The public page serves official periods only (training never reaches it: trainingApart.test.ts); the sample's
  // training period stands in for an official one here.
  await app.ctx.database.db.update(t.periods).set({ kind: "official" }).where(eq(t.periods.id, periodId));
  // Council work and agency material that must never reach the public.
  const db = app.ctx.database.db;
  const [dossier] = await db.select().from(t.dossiers).where(eq(t.dossiers.periodId, periodId)).limit(1);
  const [score] = await db.select().from(t.scores).where(eq(t.scores.dossierId, dossier.id)).limit(1);
  await db.update(t.scores).set({ note: SECRETS.scoreNote }).where(eq(t.scores.id, score.id));
  await db.insert(t.files).values({
    dossierId: dossier.id,
    itemId: score.itemId,
    purpose: "evidence",
    sha256: "0".repeat(64),
    originalName: SECRETS.evidence,
    mime: "application/pdf",
    size: 10,
  });
  await db.insert(t.comments).values([
    { dossierId: dossier.id, itemId: score.itemId, round: 1, kind: "internal", body: SECRETS.note },
    {
      dossierId: dossier.id,
      itemId: score.itemId,
      round: 1,
      kind: "request",
      body: SECRETS.request,
      status: "resolved",
      answer: SECRETS.answer,
    },
  ]);
});
afterAll(() => app.close());

async function expectNothingPublic() {
  const anon = app.anonymous();
  const res = await anon.get(publicUrl());
  expect(res.status).toBe(404);
  expect(JSON.stringify(res.body)).not.toMatch(/rank|total|unitName/);
  const list = (await anon.get("/api/public/periods")).body.data as { id: string }[];
  expect(list.map((p) => p.id)).not.toContain(periodId);
}

describe("publication", () => {
  it("is refused until the council's agreement is recorded, saying why; nothing public meanwhile", async () => {
    await expectNothingPublic();
    const status = (await admin.get(url())).body.data;
    expect(status.stage).toBeNull();
    expect(status.blockers.map((b: { code: string }) => b.code)).toEqual(["no_agreement", "no_agreement"]);
    // The chair, who does not publish, reads the same reasons (the page said nothing to them before).
    const asChair = (await (await app.login("chair")).get(url())).body.data;
    expect(asChair.blockers).toEqual(status.blockers);
    const refused = await admin.post(url()).send({ stage: "leadership" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Hội đồng chưa thống nhất bảng xếp hạng/);
    await expectNothingPublic();
  });

  it("goes leadership → units → public, in that order, and each audience sees it only from its step", async () => {
    // Record the agreements (what the meeting's chair does) from the current results.
    const { computePeriodResults, toAgreementRanking } =
      await import("@ca/server/src/services/results/periodResults");
    const db = app.ctx.database.db;
    const chair = (await db.select().from(t.users).where(eq(t.users.username, "chair")))[0];
    const results = await computePeriodResults(db, periodId);
    await db.insert(t.councilAgreements).values(
      results.unitTypes.map((u) => ({
        periodId,
        unitTypeId: u.id,
        minutes: `Biên bản ${u.code}`,
        ranking: toAgreementRanking(u),
        agreedBy: chair.id,
      })),
    );
    expect((await admin.get(url())).body.data.blockers).toEqual([]);
    const [agency, leader, member, wrongOrder] = [
      await app.login("head.snv"),
      await app.login("leader"),
      await app.login("member.finance"),
      await admin.post(url()).send({ stage: "public" }),
    ];
    expect(wrongOrder.status).toBe(409);
    expect((await leader.post(url()).send({ stage: "leadership" })).status).toBe(403);
    expect((await app.anonymous().post(url()).send({ stage: "leadership" })).status).toBe(401);
    const results_ = `/api/periods/${periodId}/results`;
    expect((await leader.get(results_)).status).toBe(403);

    const [before] = await db.select({ n: count() }).from(t.auditLog);
    const first = await admin.post(url()).send({ stage: "leadership", documentNumber: "07/BC-SNV" });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ stage: "leadership", documentNumber: "07/BC-SNV" });
    const [after] = await db.select({ n: count() }).from(t.auditLog);
    expect(after.n - before.n).toBe(1);
    const statuses = await db
      .select({ s: t.dossiers.status })
      .from(t.dossiers)
      .where(eq(t.dossiers.periodId, periodId));
    expect(new Set(statuses.map((r) => r.s))).toEqual(new Set(["published"]));
    expect((await leader.get(results_)).status).toBe(200);
    expect((await member.get(results_)).status).toBe(200);
    expect((await agency.get(results_)).status).toBe(403);
    await expectNothingPublic();
    expect((await admin.post(url()).send({ stage: "leadership" })).status).toBe(409);

    expect((await admin.post(url()).send({ stage: "units" })).status).toBe(200);
    expect((await agency.get(results_)).status).toBe(200);
    await expectNothingPublic();

    expect((await admin.post(url()).send({ stage: "public" })).status).toBe(200);
    expect((await admin.post(url()).send({ stage: "public" })).status).toBe(409);
    const pub = await app.anonymous().get(publicUrl());
    expect(pub.status).toBe(200);
    // The frozen figures: equal to the ranking the council agreed.
    for (const type of pub.body.data.unitTypes) {
      const agreed = toAgreementRanking(results.unitTypes.find((u) => u.code === type.code)!);
      expect(
        type.rows.map((r: { unit: { code: string }; rank: number; total: number }) => [
          r.unit.code,
          r.rank,
          r.total,
        ]),
      ).toEqual(agreed.map((r) => [r.unit.code, r.rank, r.total]));
    }
    expect(
      (await app.anonymous().get("/api/public/periods")).body.data.map((p: { id: string }) => p.id),
    ).toContain(periodId);
  });

  it("shows the public only published fields: no evidence, comment, note or answer anywhere", async () => {
    const anon = app.anonymous();
    const res = await anon.get(publicUrl());
    const text = JSON.stringify(res.body);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect([...keysOf(res.body)].filter((k) => !PUBLIC_KEYS.has(k))).toEqual([]);
    // The periods list and every other public answer too; and the council's routes stay closed to the public.
    const list = JSON.stringify((await anon.get("/api/public/periods")).body);
    for (const secret of Object.values(SECRETS)) expect(list).not.toContain(secret);
    for (const path of [
      `/api/periods/${periodId}/results`,
      `/api/periods/${periodId}/ranking`,
      `/api/periods/${periodId}/dossiers`,
    ])
      expect((await anon.get(path)).status).toBe(401);
  });
});
