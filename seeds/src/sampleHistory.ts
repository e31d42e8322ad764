import { eq, inArray } from "drizzle-orm";
import {
  type DbOrTx,
  t,
  computePeriodResults,
  toAgreementRanking,
  toPublishedResults,
} from "@ca/server/src/seedApi";
import { vnTime } from "./data/periods";
import { sampleHistoryFiles } from "./sampleFiles";
import { sampleRecord } from "./sampleKinds";

/**
 * The 2023 period as history (docs/api.md "Sample data"): every unit self-assessed, appraised in two rounds and
 * agreed in an ended council meeting, the council's agreement per unit type with its minutes, and the results
 * published to everyone. Scores are pseudo-random but deterministic (seeded by unit and leaf code) and always
 * on each leaf's step, so the public page, the report and year-over-year comparison work on a fresh start.
 */

/** A small deterministic generator (mulberry32) seeded from a string. */
export function random(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value on its leaf's step, within 0…max. */
export const onStep = (value: number, max: number, step: number) =>
  Math.min(max, Math.max(0, Math.round(value / step) * step));

// Units whose listed areas the sample makes weak on purpose, so that the heads-and-deputies report shows a
// deputy whose areas score below 50 % (and the classification override a weak area).
export const WEAK_AREAS: Record<string, string[]> = { sct: ["3", "5", "6"], "h-dongxuan": ["2", "3"] };

/** A unit's overall strength in the sample (0.74–0.99): its first draw, so the survey can follow the scores. */
const qualityOf = (draw: number) => 0.74 + draw * 0.25;
export const unitQuality = (unitCode: string) => qualityOf(random(`unit:${unitCode}`)());

/** Every stage of every leaf of the period's dossiers, as rows for `scores`. */
function historyScores(
  dossiers: { id: string; unitCode: string; setId: string }[],
  leavesBySet: Map<string, (typeof t.indexItems.$inferSelect)[]>,
  authors: { council: string; chair: string },
) {
  const rows: (typeof t.scores.$inferInsert)[] = [];
  const at = (d: number) => vnTime(2023, 12, d, 16);
  for (const d of dossiers) {
    const unitRng = random(`unit:${d.unitCode}`);
    const quality = qualityOf(unitRng());
    const areaFactor = new Map<string, number>();
    for (const leaf of leavesBySet.get(d.setId)!) {
      if (leaf.method === "survey") continue;
      const rng = random(`${d.unitCode}:${leaf.code}`);
      const step = leaf.step > 0 ? leaf.step : 25;
      // The same draw for every stage, so a stage whose points do not change reports the same figures.
      const draw = random(`${d.unitCode}:${leaf.code}:figures`)();
      const push = (stage: "self" | "round1" | "round2" | "agreed", typed: number, day: number) =>
        rows.push({
          dossierId: d.id,
          itemId: leaf.id,
          stage,
          ...sampleRecord(leaf, typed, draw),
          authorId: stage === "self" ? null : stage === "agreed" ? authors.chair : authors.council,
          updatedAt: at(day),
        });
      if (leaf.kind === "bonus" || leaf.kind === "penalty") {
        // Most units earn no bonus and take no penalty; a few do, decided by the council only.
        const points = rng() < 0.18 ? onStep(leaf.maxPoints * 0.5, leaf.maxPoints, step) : 0;
        push("round1", points, 15);
        push("round2", points, 22);
        push("agreed", points, 23);
        continue;
      }
      const area = leaf.code.split(".")[0];
      if (!areaFactor.has(area)) {
        const weak = WEAK_AREAS[d.unitCode]?.includes(area);
        areaFactor.set(area, weak ? 0.25 + unitRng() * 0.15 : quality + (unitRng() - 0.5) * 0.16);
      }
      const agreed = onStep(
        leaf.maxPoints * (areaFactor.get(area)! + (rng() - 0.5) * 0.14),
        leaf.maxPoints,
        step,
      );
      // Agencies tend to score themselves a little higher; round 1 is the strictest, the explanation wins some back.
      const self = onStep(agreed + step * Math.floor(rng() * 3), leaf.maxPoints, step);
      const round1 = onStep(agreed - (rng() < 0.3 ? step : 0), leaf.maxPoints, step);
      const round2 = rng() < 0.12 ? onStep(agreed - step, leaf.maxPoints, step) : agreed;
      if (leaf.method !== "council") push("self", self, 8);
      push("round1", round1, 15);
      push("round2", round2, 22);
      push("agreed", agreed, 23);
    }
  }
  return rows;
}

const MINUTES: Record<string, (n: number, chair: string) => string> = {
  provincial_agency: (n, chair) =>
    [
      "BIÊN BẢN HỌP HỘI ĐỒNG THẨM ĐỊNH",
      "Kết quả xác định Chỉ số chất lượng hoạt động của các cơ quan cấp tỉnh năm 2023",
      "",
      "Thời gian: 14 giờ 00, ngày 23/12/2023. Địa điểm: Phòng họp số 1, UBND tỉnh Phú Yên.",
      `Chủ trì: ${chair}, Chủ tịch Hội đồng thẩm định.`,
      "Thành phần: các thành viên Hội đồng thẩm định; Tổ công tác giúp việc Hội đồng.",
      "",
      `Hội đồng đã xem xét kết quả thẩm định lần 2 của ${n} cơ quan cấp tỉnh, thảo luận các nội dung còn ý kiến khác nhau và thống nhất điểm số từng tiêu chí.`,
      "Hội đồng thống nhất kết quả xếp hạng, xếp loại kèm theo Biên bản này; giao Sở Nội vụ hoàn chỉnh báo cáo, trình UBND tỉnh công bố.",
      "",
      "Biên bản kết thúc lúc 17 giờ 00 cùng ngày, đã được thông qua tại cuộc họp.",
    ].join("\n"),
  district_committee: (n, chair) =>
    [
      "BIÊN BẢN HỌP HỘI ĐỒNG THẨM ĐỊNH",
      "Kết quả xác định Chỉ số chất lượng hoạt động của UBND các huyện, thị xã, thành phố năm 2023",
      "",
      "Thời gian: 08 giờ 00, ngày 24/12/2023. Địa điểm: Phòng họp số 1, UBND tỉnh Phú Yên.",
      `Chủ trì: ${chair}, Chủ tịch Hội đồng thẩm định.`,
      "Thành phần: các thành viên Hội đồng thẩm định; Tổ công tác giúp việc Hội đồng.",
      "",
      `Hội đồng đã xem xét kết quả thẩm định lần 2 của ${n} UBND cấp huyện và thống nhất điểm số từng tiêu chí.`,
      "Hội đồng thống nhất kết quả xếp hạng, xếp loại kèm theo Biên bản này; giao Sở Nội vụ tổng hợp, trình UBND tỉnh công bố.",
      "",
      "Biên bản kết thúc lúc 11 giờ 00 cùng ngày, đã được thông qua tại cuộc họp.",
    ].join("\n"),
};

/**
 * Makes the period complete and published: scores of every stage, dossiers `published`, an ended meeting with
 * every dossier on its agenda, the council's agreements (minutes and frozen ranking per unit type), a few of the
 * council's comments, and the publication record. Multi-row inserts throughout: this runs at every test start.
 */
export async function loadSampleHistory(
  tx: DbOrTx,
  o: { periodId: string; chairId: string; councilId: string; adminId: string; chairName: string },
): Promise<void> {
  const dossiers = await tx
    .select({ id: t.dossiers.id, unitCode: t.units.code, unitTypeId: t.units.unitTypeId })
    .from(t.dossiers)
    .innerJoin(t.units, eq(t.units.id, t.dossiers.unitId))
    .where(eq(t.dossiers.periodId, o.periodId))
    .orderBy(t.units.unitTypeId, t.units.sortOrder);
  const links = await tx.select().from(t.periodIndexSets).where(eq(t.periodIndexSets.periodId, o.periodId));
  const setOf = new Map(links.map((l) => [l.unitTypeId, l.indexSetId]));
  const items = await tx
    .select()
    .from(t.indexItems)
    .where(
      inArray(
        t.indexItems.indexSetId,
        links.map((l) => l.indexSetId),
      ),
    );
  const leavesBySet = new Map<string, (typeof items)[number][]>();
  for (const setId of setOf.values()) {
    const own = items.filter((i) => i.indexSetId === setId).sort((a, b) => a.sortOrder - b.sortOrder);
    const parents = new Set(own.map((i) => i.parentId));
    leavesBySet.set(
      setId,
      own.filter((i) => !parents.has(i.id) && i.code !== "B" && i.code !== "P"),
    );
  }
  const withSet = dossiers.map((d) => ({ ...d, setId: setOf.get(d.unitTypeId)! }));
  const rows = historyScores(withSet, leavesBySet, { council: o.councilId, chair: o.chairId });
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(t.scores).values(rows.slice(i, i + 2000));

  // The council's comments, as the appraisal left them: answered requests and internal notes.
  const leafOf = (d: (typeof withSet)[number], code: string) =>
    leavesBySet.get(d.setId)!.find((l) => l.code === code)!.id;
  // Every dossier went through an explanation (its read-only page shows that history); a few carry an internal note.
  const commentRows = withSet.flatMap((d, i) => [
    {
      dossierId: d.id,
      itemId: leafOf(d, "3.2"),
      round: 1,
      kind: "request" as const,
      body: "Đề nghị bổ sung số liệu hồ sơ giải quyết đúng hạn trích xuất từ Hệ thống thông tin giải quyết TTHC tỉnh.",
      authorId: o.councilId,
      status: "resolved" as const,
      answer: "Đơn vị đã bổ sung báo cáo trích xuất từ Hệ thống (kèm theo).",
      answeredAt: vnTime(2023, 12, 17, 10 + (i % 5)),
      resolvedBy: o.chairId,
      resolvedAt: vnTime(2023, 12, 21, 9),
      createdAt: vnTime(2023, 12, 14, 15),
    },
    ...(i < 6
      ? [
          {
            dossierId: d.id,
            itemId: leafOf(d, "1.2"),
            round: 1,
            kind: "internal" as const,
            body: "Ghi chú nội bộ Tổ công tác: đối chiếu lại báo cáo định kỳ quý IV trước khi họp Hội đồng.",
            authorId: o.councilId,
            status: "open" as const,
            createdAt: vnTime(2023, 12, 13, 9),
          },
        ]
      : []),
  ]);
  await tx.insert(t.comments).values(commentRows);

  // Evidence and signed reports, so a read-only 2023 dossier shows what was submitted (one shared sample PDF).
  const fileRows = sampleHistoryFiles(withSet.map((d) => ({ ...d, leaves: leavesBySet.get(d.setId)! })));
  for (let i = 0; i < fileRows.length; i += 2000)
    await tx.insert(t.files).values(fileRows.slice(i, i + 2000));

  await tx
    .update(t.dossiers)
    .set({ status: "published", updatedAt: vnTime(2023, 12, 29, 9) })
    .where(eq(t.dossiers.periodId, o.periodId));

  const [meeting] = await tx
    .insert(t.meetings)
    .values({
      periodId: o.periodId,
      title: "Họp Hội đồng thẩm định thống nhất kết quả năm 2023",
      startsAt: vnTime(2023, 12, 23, 14),
      status: "ended",
      createdBy: o.chairId,
      startedAt: vnTime(2023, 12, 23, 14),
      endedAt: vnTime(2023, 12, 24, 11),
      createdAt: vnTime(2023, 12, 19, 9),
    })
    .returning();
  await tx
    .insert(t.meetingAgenda)
    .values(withSet.map((d, i) => ({ meetingId: meeting.id, dossierId: d.id, position: i + 1 })));

  const results = await computePeriodResults(tx, o.periodId);
  await tx.insert(t.councilAgreements).values(
    results.unitTypes.map((type) => ({
      periodId: o.periodId,
      unitTypeId: type.id,
      minutes: (MINUTES[type.code] ?? MINUTES.provincial_agency)(type.rows.length, o.chairName),
      ranking: toAgreementRanking(type),
      agreedBy: o.chairId,
      agreedAt: type.code === "district_committee" ? vnTime(2023, 12, 24, 11) : vnTime(2023, 12, 23, 17),
    })),
  );
  await tx.insert(t.resultPublications).values({
    periodId: o.periodId,
    stage: "public",
    results: toPublishedResults(results, vnTime(2023, 12, 26, 9)),
    documentNumber: "125/BC-SNV",
    leadershipAt: vnTime(2023, 12, 26, 9),
    unitsAt: vnTime(2023, 12, 28, 9),
    publicAt: vnTime(2023, 12, 29, 9),
    publishedBy: o.adminId,
  });
}
