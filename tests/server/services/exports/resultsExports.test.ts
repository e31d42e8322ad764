/**
 * The exports (docs/api.md), read back by independent readers — SheetJS for the spreadsheets, a plain unzip of
 * word/document.xml for the Word files — must carry exactly the totals, ranks and classifications of the API.
 * Also docs/targets.md P10: the leaf-level matrix of 30 units × 150 leaves with all stages, timed and printed.
 */
import os from "node:os";
import * as XLSX from "xlsx";
import { eq } from "drizzle-orm";
import * as t from "@ca/server/src/db/schema";
import { computePeriodResults } from "@ca/server/src/services/results/periodResults";
import { matrixWorkbook } from "@ca/server/src/services/exports/matrixXlsx";
import { buildIndexSet, buildPeriod, buildUnit, buildUnitType } from "@ca/seeds";
import { binary, docxText } from "../../../support/results";
import { startTestApp, type TestApp } from "../../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
interface PubRow {
  rank: number;
  unit: { code: string; name: string };
  total: number;
  index: number | null;
  classification: string | null;
  classificationLabel: string | null;
  areas: { code: string; achieved: number }[];
}
interface PubType {
  code: string;
  name: string;
  rows: PubRow[];
}

let app: TestApp;
let admin: Agent;
let periodId: string;
let published: PubType[];
const vi = (n: number | null) => (n === null ? "-" : n.toFixed(2).replace(".", ","));
const download = async (agent: Agent, path: string) => {
  const res = await agent.get(path).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  return res;
};
const sheetRows = (buf: Buffer, sheet: number) => {
  const wb = XLSX.read(buf, { type: "buffer" });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[sheet]], { header: 1, defval: null });
};

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
  periodId = (await admin.get("/api/periods")).body.data.find((p: { code: string }) => p.code === "2023").id;
  published = (await app.anonymous().get(`/api/public/periods/${periodId}/results`)).body.data.unitTypes;
});
afterAll(() => app.close());

describe("exports of the published 2023 period, read back", () => {
  it("ranking.xlsx: one sheet per unit type with the API's ranks, totals, indices and classifications", async () => {
    const res = await download(admin, `/api/periods/${periodId}/exports/ranking.xlsx`);
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="2023-xep-hang.xlsx"/);
    published.forEach((type, s) => {
      const rows = sheetRows(res.body, s);
      expect(rows[2].slice(0, 7)).toEqual([
        "Hạng",
        "Mã đơn vị",
        "Đơn vị",
        "Tổng điểm",
        "Điểm tối đa",
        "Chỉ số (%)",
        "Xếp loại",
      ]);
      const data = rows.slice(3).filter((r) => r[0] !== null);
      expect(data.map((r) => r.slice(0, 7))).toEqual(
        type.rows.map((r) => [
          r.rank,
          r.unit.code,
          r.unit.name,
          r.total,
          100,
          r.index,
          r.classificationLabel,
        ]),
      );
    });
  });

  it("matrix.xlsx: every stage of every leaf; the official leaves add up to the API's total", async () => {
    const res = await download(admin, `/api/periods/${periodId}/exports/matrix.xlsx`);
    const ranking = (await admin.get(`/api/periods/${periodId}/ranking`)).body.data as {
      unit: { code: string };
      total: number;
      rank: number;
    }[];
    published.forEach((type, s) => {
      const rows = sheetRows(res.body, s);
      const [codes, stages] = rows;
      expect(stages.slice(6, 11)).toEqual(["Tự chấm", "TĐ lần 1", "TĐ lần 2", "Thống nhất", "Chính thức"]);
      const data = rows.slice(2);
      expect(data).toHaveLength(type.rows.length);
      for (const row of data) {
        const api = ranking.find((r) => r.unit.code === row[1])!;
        expect([row[0], row[4]]).toEqual([api.rank, api.total]);
        // Official column of each leaf, in hundredths: base + capped bonus − capped penalty = total.
        let base = 0;
        let bonus = 0;
        let penalty = 0;
        // Each leaf's block starts at its titled cell: five columns, six for a kinded leaf (its level or figures).
        for (let c = 6; c < codes.length; c++) {
          if (String(codes[c] ?? "").trim() === "") continue;
          const code = String(codes[c]).split(" ")[0];
          if (stages[c + 5] === "Mức / số liệu") expect(String(row[c + 5])).toMatch(/^(TC|TĐ1|TĐ2|TN): /);
          const official = Math.round(Number(row[c + 4]) * 100);
          if (code.startsWith("B.")) bonus += official;
          else if (code.startsWith("P.")) penalty += official;
          else base += official;
          // Every scored leaf went through the stages: agreed is the official score of non-survey leaves.
          if (row[c + 3] !== null) expect(row[c + 3]).toBe(row[c + 4]);
        }
        expect(Math.max(0, base + Math.min(bonus, 300) - Math.min(penalty, 500))).toBe(
          Math.round(api.total * 100),
        );
      }
    });
  });

  it("report.docx: Vietnamese administrative document with every rank, total, index and class of the API, and the annex", async () => {
    const res = await download(admin, `/api/periods/${periodId}/exports/report.docx`);
    const text = await docxText(res.body);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("Số: 125/BC-SNV");
    expect(text).toContain("BÁO CÁO");
    expect(text).not.toContain("DỰ THẢO");
    expect(text).toMatch(/III\. Ý KIẾN THỐNG NHẤT CỦA HỘI ĐỒNG THẨM ĐỊNH/);
    expect(text).toContain("PHỤ LỤC");
    const zip = await (await import("jszip")).default.loadAsync(res.body);
    expect(await zip.file("word/document.xml")!.async("string")).toContain('w:ascii="Times New Roman"');
    const lines = text.split("\n");
    for (const type of published) {
      // The ranking table: rows in rank order, each with the API's figures.
      let at = lines.indexOf(
        lines.find(
          (l) =>
            (l.includes(type.name) && l.startsWith("1. ")) || (l.startsWith("2. ") && l.includes(type.name)),
        )!,
      );
      expect(at).toBeGreaterThan(-1);
      for (const row of type.rows) {
        const expected = `${row.rank} | ${row.unit.name} | ${vi(row.total)} | ${vi(row.index)} | ${row.classificationLabel} | `;
        const found = lines.findIndex((l, i) => i > at && l === expected);
        expect({ row: row.unit.code, found: found > at }).toEqual({ row: row.unit.code, found: true });
        at = found;
      }
      // The annex: each unit's area points and total.
      for (const row of type.rows)
        expect(text).toContain(
          `${row.rank} | ${row.unit.name} | ${row.areas.map((a) => vi(a.achieved)).join(" | ")} | ${vi(row.total)} | `,
        );
    }
  });

  it("minutes.docx: the council's minutes with the agreed ranking", async () => {
    const res = await download(admin, `/api/periods/${periodId}/exports/minutes.docx`);
    const text = await docxText(res.body);
    expect(text.match(/BIÊN BẢN HỌP HỘI ĐỒNG THẨM ĐỊNH/g)).toHaveLength(2);
    expect(text).toContain("HỘI ĐỒNG THẨM ĐỊNH");
    for (const type of published)
      for (const row of type.rows)
        expect(text).toContain(
          `${row.rank} | ${row.unit.name} | ${vi(row.total)} | ${vi(row.index)} | ${row.classificationLabel} | `,
        );
  });

  it("responsibility.xlsx: one row per leader with the API's figures", async () => {
    const res = await download(admin, `/api/periods/${periodId}/exports/responsibility.xlsx`);
    const api = (await admin.get(`/api/periods/${periodId}/responsibility`)).body.data as {
      unit: { name: string; unitType: string };
      leaders: { fullName: string; index: number }[];
    }[];
    published.forEach((type, s) => {
      const rows = sheetRows(res.body, s).slice(3);
      const expected = api
        .filter((u) => u.unit.unitType === type.code)
        .flatMap((u) => u.leaders.map((l) => [u.unit.name, l.fullName, l.index]));
      expect(rows.map((r) => [r[1], r[4], r[8]]).sort()).toEqual(expected.sort());
    });
  });

  it("is refused to agencies, council members and the public", async () => {
    for (const who of ["head.snv", "chair", "member.finance", "wg"]) {
      const agent = await app.login(who);
      expect((await agent.get(`/api/periods/${periodId}/exports/matrix.xlsx`)).status).toBe(403);
    }
    expect((await app.anonymous().get(`/api/periods/${periodId}/exports/report.docx`)).status).toBe(401);
  });
});

describe("docs/targets.md P10: matrix of 30 units × 150 leaves with all stages", () => {
  it("exports in time and reads back complete", async () => {
    const db = app.ctx.database.db;
    const type = await buildUnitType(db, {
      code: "p10",
      name: "Đơn vị P10",
      nameEn: "P10 units",
      sortOrder: 9,
    });
    // 6 areas × 25 leaves of 0.50 points = 150 leaves, 75 points.
    const items = Array.from({ length: 6 }, (_, a) => [
      { code: `${a + 1}`, title: `Lĩnh vực ${a + 1}`, max: 1250 },
      ...Array.from({ length: 25 }, (_, l) => ({
        code: `${a + 1}.${l + 1}`,
        title: `Tiêu chí ${a + 1}.${l + 1}`,
        max: 50,
      })),
    ]).flat();
    const set = await buildIndexSet(db, { unitTypeId: type.id, items });
    const period = await buildPeriod(db, { code: "p10", name: "Kỳ P10" });
    await db
      .insert(t.periodIndexSets)
      .values({ periodId: period.id, unitTypeId: type.id, indexSetId: set.id });
    const units = [];
    for (let i = 0; i < 30; i++)
      units.push(await buildUnit(db, { unitTypeId: type.id, code: `p10-${i}`, name: `Đơn vị P10 số ${i}` }));
    const dossiers = await db
      .insert(t.dossiers)
      .values(units.map((u) => ({ periodId: period.id, unitId: u.id, status: "agreed" })))
      .returning();
    const leaves = (await db.select().from(t.indexItems).where(eq(t.indexItems.indexSetId, set.id))).filter(
      (i) => i.code.includes("."),
    );
    expect(leaves).toHaveLength(150);
    const rows: (typeof t.scores.$inferInsert)[] = [];
    dossiers.forEach((d, u) =>
      leaves.forEach((leaf, l) =>
        (["self", "round1", "round2", "agreed"] as const).forEach((stage, s) =>
          rows.push({ dossierId: d.id, itemId: leaf.id, stage, score: ((u + l + s) % 3) * 25 }),
        ),
      ),
    );
    for (let i = 0; i < rows.length; i += 3000) await db.insert(t.scores).values(rows.slice(i, i + 3000));

    // Warm up once (module loading, JIT), then time the export end to end and the generation alone.
    await download(admin, `/api/periods/${period.id}/exports/matrix.xlsx`);
    const samples: number[] = [];
    let body: Buffer = Buffer.alloc(0);
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      body = (await download(admin, `/api/periods/${period.id}/exports/matrix.xlsx`)).body;
      samples.push(performance.now() - started);
    }
    const loadStarted = performance.now();
    const results = await computePeriodResults(db, period.id);
    const buildStarted = performance.now();
    await matrixWorkbook(results, null);
    const [load, build] = [buildStarted - loadStarted, performance.now() - buildStarted];
    samples.sort((a, b) => a - b);
    console.info(
      `P10 matrix.xlsx 30 units × 150 leaves × 4 stages (${rows.length} scores), ${os.cpus().length} cores, ` +
        `${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}: HTTP p50 ${samples[2].toFixed(0)} ms, max ${samples[4].toFixed(0)} ms; ` +
        `loading ${load.toFixed(0)} ms + building ${build.toFixed(0)} ms; ${(body.length / 1024).toFixed(0)} KiB (target ≤ 1 s)`,
    );
    const sheet = sheetRows(body, 0);
    expect(sheet).toHaveLength(32);
    expect(sheet[0]).toHaveLength(6 + 150 * 5);
    const apiRanking = (await admin.get(`/api/periods/${period.id}/ranking`)).body.data as {
      unit: { code: string };
      total: number;
    }[];
    for (const row of sheet.slice(2)) {
      let sum = 0;
      for (let c = 6; c < row.length; c += 5) sum += Math.round(Number(row[c + 4]) * 100);
      expect(sum).toBe(Math.round(apiRanking.find((r) => r.unit.code === row[1])!.total * 100));
    }
  });
});
