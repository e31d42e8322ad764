/**
 * Issue 6 on the sample: the 2023 period loads as published history; its public results, the signed-in views,
 * the heads' and deputies' results and rules, and starting the next year from it (clone, then archive).
 */
import { count, eq } from "drizzle-orm";
import { auditLog, periods } from "@ca/server/src/db/schema";
import { computeIndex } from "@ca/shared";
import { startTestApp, type TestApp } from "../../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
interface Row {
  rank: number;
  unit: { code: string; name: string };
  total: number;
  max: number;
  index: number | null;
  classification: string | null;
  areas: { code: string; achieved: number; max: number; index: number | null }[];
}

let app: TestApp;
let admin: Agent;
let period2023: string;
beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
  period2023 = (await admin.get("/api/periods")).body.data.find(
    (p: { code: string }) => p.code === "2023",
  ).id;
});
afterAll(() => app.close());

describe("the 2023 sample as history", () => {
  it("has every dossier published, an ended meeting and the council's agreements", async () => {
    const dossiers = (await admin.get(`/api/periods/${period2023}/dossiers`)).body.data;
    expect(dossiers).toHaveLength(30);
    expect(new Set(dossiers.map((d: { status: string }) => d.status))).toEqual(new Set(["published"]));
    const pub = (await admin.get(`/api/periods/${period2023}/publication`)).body.data;
    expect(pub).toMatchObject({ stage: "public", documentNumber: "125/BC-SNV", blockers: [] });
    const db = app.ctx.database.db;
    const { meetings, councilAgreements } = await import("@ca/server/src/db/schema");
    const [meeting] = await db.select().from(meetings).where(eq(meetings.periodId, period2023));
    expect(meeting.status).toBe("ended");
    const agreements = await db
      .select()
      .from(councilAgreements)
      .where(eq(councilAgreements.periodId, period2023));
    expect(agreements).toHaveLength(2);
    expect(agreements.every((a) => a.minutes.startsWith("BIÊN BẢN HỌP HỘI ĐỒNG THẨM ĐỊNH"))).toBe(true);
  });

  it("serves the public results without a session, equal to the council's ranking, cached", async () => {
    const anon = app.anonymous();
    const list = (await anon.get("/api/public/periods")).body.data;
    expect(list.map((p: { code: string }) => p.code)).toEqual(["2023"]);
    const res = await anon.get(`/api/public/periods/${period2023}/results`);
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toMatch(/public, max-age=\d+/);
    expect(res.headers.etag).toBeDefined();
    expect(
      (await anon.get(`/api/public/periods/${period2023}/results`).set("If-None-Match", res.headers.etag))
        .status,
    ).toBe(304);
    const pub = res.body.data;
    expect(pub.final).toBe(true);
    expect(pub.unitTypes.map((u: { rows: unknown[] }) => u.rows.length)).toEqual([21, 9]);
    // The published figures are the ranking API's, unit by unit.
    const ranking = (await admin.get(`/api/periods/${period2023}/ranking`)).body.data as {
      unit: { code: string };
      rank: number;
      total: number;
      index: number;
      classification: string;
      provisional: boolean;
    }[];
    expect(ranking.every((r) => !r.provisional)).toBe(true);
    const rows: Row[] = pub.unitTypes.flatMap((u: { rows: Row[] }) => u.rows);
    for (const row of rows) {
      const r = ranking.find((x) => x.unit.code === row.unit.code)!;
      expect({
        code: row.unit.code,
        rank: row.rank,
        total: row.total,
        index: row.index,
        cls: row.classification,
      }).toEqual({
        code: r.unit.code,
        rank: r.rank,
        total: r.total,
        index: r.index,
        cls: r.classification,
      });
      // Each score card adds up: the areas' points make the total (the sample has no bonus or penalty left over
      // only when they cancel, so compare against the base), and each area index is achieved ÷ max.
      for (const a of row.areas)
        expect(a.index).toBe(computeIndex(Math.round(a.achieved * 100), Math.round(a.max * 100))! / 100);
    }
    // Ranks are competition ranks within each unit type, in order.
    for (const u of pub.unitTypes as { rows: Row[] }[])
      u.rows.forEach((row, i) => expect(row.rank).toBeLessThanOrEqual(i + 1));
    // The signed-in view of the published results is the same frozen document.
    const signedIn = (await (await app.login("head.snv")).get(`/api/periods/${period2023}/results`)).body
      .data;
    expect(signedIn.unitTypes[0].rows.map((r: Row) => [r.unit.code, r.total])).toEqual(
      pub.unitTypes[0].rows.map((r: Row) => [r.unit.code, r.total]),
    );
  });

  it("answers 404 for an unknown or unpublished period on the public API", async () => {
    const anon = app.anonymous();
    const training = (await admin.get("/api/periods")).body.data.find(
      (p: { kind: string }) => p.kind === "training",
    );
    expect((await anon.get(`/api/public/periods/${training.id}/results`)).status).toBe(404);
    expect((await anon.get("/api/public/periods/00000000-0000-4000-8000-000000000000/results")).status).toBe(
      404,
    );
    expect((await anon.get("/api/public/periods/nope/results")).status).toBe(404);
  });
});

describe("heads and deputies", () => {
  it("reports every unit's leaders with the period's rules; a weak deputy of Sở Công Thương below 50 %", async () => {
    const res = await admin.get(`/api/periods/${period2023}/responsibility`);
    expect(res.status).toBe(200);
    expect(res.body.rules).toMatchObject({ deputyAreaWeight: 70, unitWeight: 30, headCappedByUnit: true });
    expect(res.body.data).toHaveLength(30);
    const sct = res.body.data.find((u: { unit: { code: string } }) => u.unit.code === "sct");
    const head = sct.leaders.find((l: { position: string }) => l.position === "head");
    expect(head.index).toBe(sct.unitIndex);
    const weak = sct.leaders.find((l: { areaCodes: string[] }) => l.areaCodes.includes("3"));
    expect(weak.areasBelowHalf).toBe(true);
    expect(weak.areaIndex).toBeLessThan(50);
    // 70/30 blend of the API's own figures, rounded half up to hundredths of a percent.
    const expected = Math.floor(
      (2 * (70 * Math.round(weak.areaIndex * 100) + 30 * Math.round(sct.unitIndex * 100)) + 100) / 200,
    );
    expect(Math.round(weak.index * 100)).toBe(expected);
    // The per-unit view (the dossier's) gives the same figures to the unit's own head once published.
    const headSct = await app.login("admin");
    const per = (await headSct.get(`/api/dossiers/${sct.dossierId}/responsibility`)).body.data;
    expect(per.leaders.map((l: { index: number }) => l.index)).toEqual(
      sct.leaders.map((l: { index: number }) => l.index),
    );
  });

  it("hides the figures of a unit from a recused member, and the period report from agencies", async () => {
    const home = await app.login("member.home");
    const data = (await home.get(`/api/periods/${period2023}/responsibility`)).body.data;
    const snv = data.find((u: { unit: { code: string } }) => u.unit.code === "snv");
    expect(snv).toMatchObject({ visible: false, unitIndex: null });
    expect(snv.leaders.every((l: { index: null }) => l.index === null)).toBe(true);
    expect(
      (await (await app.login("head.stc")).get(`/api/periods/${period2023}/responsibility`)).status,
    ).toBe(403);
    expect(
      (await (await app.login("head.stc")).get(`/api/dossiers/${snv.dossierId}/responsibility`)).status,
    ).toBe(403);
  });

  it("lets the admin change the rules (validated, audited) and the results follow them", async () => {
    const db = app.ctx.database.db;
    const leader = await app.login("leader");
    const [before] = await db.select({ n: count() }).from(auditLog);
    const url = `/api/periods/${period2023}/rules/responsibility`;
    expect(
      (await admin.put(url).send({ deputyAreaWeight: 60, unitWeight: 30, headCappedByUnit: true })).status,
    ).toBe(400);
    expect(
      (
        await admin.put(url).send({
          deputyAreaWeight: 50,
          unitWeight: 50,
          headCappedByUnit: true,
          deputyCap: { areaIndexBelow: 50, band: "nope" },
        })
      ).status,
    ).toBe(400);
    expect(
      (await leader.put(url).send({ deputyAreaWeight: 50, unitWeight: 50, headCappedByUnit: true })).status,
    ).toBe(403);
    const ok = await admin.put(url).send({
      deputyAreaWeight: 50,
      unitWeight: 50,
      headCappedByUnit: true,
      deputyCap: { areaIndexBelow: 50, band: "yeu" },
    });
    expect(ok.status).toBe(200);
    const [after] = await db.select({ n: count() }).from(auditLog);
    expect(after.n - before.n).toBe(1);
    const sct = (await admin.get(`/api/periods/${period2023}/responsibility`)).body.data.find(
      (u: { unit: { code: string } }) => u.unit.code === "sct",
    );
    const weak = sct.leaders.find((l: { areaCodes: string[] }) => l.areaCodes.includes("3"));
    expect(Math.round(weak.index * 100)).toBe(
      Math.floor(
        (2 * (50 * Math.round(weak.areaIndex * 100) + 50 * Math.round(sct.unitIndex * 100)) + 100) / 200,
      ),
    );
    expect(weak).toMatchObject({ classification: "yeu", capped: weak.index >= 50 });
    // Back to the defaults for the other tests.
    await admin.put(url).send({ deputyAreaWeight: 70, unitWeight: 30, headCappedByUnit: true });
  });
});

describe("next year", () => {
  it("clones 2023 into 2024 (index sets, units, council, timeline a year later, rules), then archives 2023", async () => {
    const res = await admin.post(`/api/periods/${period2023}/clone`).send({ code: "2024", name: "Năm 2024" });
    expect(res.status).toBe(201);
    const p2024 = res.body.data;
    expect(p2024).toMatchObject({ code: "2024", year: 2024, kind: "official", status: "active" });
    const old = (await admin.get(`/api/periods/${period2023}`)).body.data;
    for (const m of old.milestones) {
      const next = p2024.milestones.find((x: { key: string }) => x.key === m.key);
      expect(next.deadline.slice(4)).toBe(m.deadline.slice(4));
      expect(Number(next.deadline.slice(0, 4))).toBe(Number(m.deadline.slice(0, 4)) + 1);
    }
    expect(p2024.classificationBands).toEqual(old.classificationBands);
    const dossiers = (await admin.get(`/api/periods/${p2024.id}/dossiers`)).body.data;
    expect(dossiers).toHaveLength(30);
    expect(new Set(dossiers.map((d: { status: string }) => d.status))).toEqual(new Set(["draft"]));
    expect((await admin.get(`/api/periods/${p2024.id}/council`)).body.data.length).toBe(
      (await admin.get(`/api/periods/${period2023}/council`)).body.data.length,
    );
    // member.home's conflict on Sở Nội vụ comes along: recused in 2024 too.
    const home = await app.login("member.home");
    expect((await home.get(`/api/periods/${p2024.id}/dossiers`)).body.data).toHaveLength(29);
    // The code is unique.
    expect(
      (await admin.post(`/api/periods/${period2023}/clone`).send({ code: "2024", name: "Lại" })).status,
    ).toBe(409);

    // Archive 2023: read-only from now on, with a clear Vietnamese message on every write.
    expect(
      (
        await (
          await app.login("leader")
        )
          .post(`/api/periods/${period2023}/archive`)
          .send({ reason: "Kết thúc" })
      ).status,
    ).toBe(403);
    expect(
      (await admin.post(`/api/periods/${period2023}/archive`).send({ reason: "Kết thúc kỳ 2023" })).status,
    ).toBe(200);
    const refused = await admin
      .put(`/api/periods/${period2023}/milestones/guidance`)
      .send({ startsAt: null, deadline: "2023-10-31T23:59:59+07:00", reason: "Sửa sau lưu trữ" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/đã được lưu trữ/);
    const d2023 = (await admin.get(`/api/periods/${period2023}/dossiers`)).body.data[0].id;
    const writes = [
      admin
        .put(`/api/periods/${period2023}/rules/responsibility`)
        .send({ deputyAreaWeight: 70, unitWeight: 30, headCappedByUnit: true }),
      admin.post(`/api/periods/${period2023}/publication`).send({ stage: "public" }),
      // Checked in its own transaction, not by the guard (http/archivedGuard.ts): archived before forbidden.
      admin.put(`/api/dossiers/${d2023}/items/1.1/self`).send({ score: 0, note: "" }),
      // So is a review: archived before forbidden, and before a body that would not validate.
      admin.put(`/api/dossiers/${d2023}/items/1.1/review`).send({ round: 1, score: 0 }),
      (await app.login("chair")).put(`/api/dossiers/${d2023}/items/1.1/review`).send({ round: 3 }),
      admin
        .post(`/api/dossiers/${d2023}/extensions`)
        .send({ milestoneKey: "explanation", until: "2024-01-05T23:59:59+07:00", reason: "Thử" }),
      admin.post(`/api/periods/${period2023}/archive`).send({ reason: "Lần nữa" }),
      (await app.login("chair"))
        .post(`/api/periods/${period2023}/meetings`)
        .send({ title: "Họp thêm", startsAt: "2024-01-02T08:00:00+07:00", agenda: [d2023] }),
    ];
    for (const w of await Promise.all(writes)) {
      expect(w.status).toBe(409);
      expect(w.body.error.message).toMatch(/lưu trữ/);
    }
    expect(
      (await admin.get(`/api/periods/${period2023}`).set("Accept-Language", "en")).body.data.status,
    ).toBe("archived");
    // Reads go on: the public page and the report still work.
    expect((await app.anonymous().get(`/api/public/periods/${period2023}/results`)).status).toBe(200);
    expect((await admin.get(`/api/periods/${period2023}/exports/ranking.xlsx`)).status).toBe(200);
    // An archived period can still be the source of the next one.
    expect(
      (
        await admin
          .post(`/api/periods/${period2023}/clone`)
          .send({ code: "2025", name: "Năm 2025", years: 2 })
      ).status,
    ).toBe(201);
    const [row] = await app.ctx.database.db.select().from(periods).where(eq(periods.code, "2025"));
    expect(row.year).toBe(2025);
  });
});
