import fc from "fast-check";
import {
  compareStanding,
  placeByUnitType,
  rankingDifferences,
  computeUnitTotals,
  rankByUnitType,
  rankGroup,
  type Rankable,
  type RankOptions,
  type TieBreak,
  type UnitInput,
} from "@ca/shared";
import { buildLeaf, buildUnit, groupArb, unitWithPoints } from "./builders";

const row = (unitId: string, total: number, extra: Partial<Rankable> = {}): Rankable => ({
  unitId,
  unitTypeId: "agency",
  name: unitId,
  total,
  index: total,
  appraisedPoints: total,
  surveyPoints: 0,
  penalty: 0,
  ...extra,
});
const ranksOf = (entries: { unitId: string; rank: number }[]) => entries.map((e) => [e.unitId, e.rank]);

describe("rankGroup: hand-computed examples", () => {
  it("gives tied units the same rank and skips the next ones (1, 2, 2, 4)", () => {
    const units = [row("d", 8000), row("b", 8500), row("a", 9000), row("c", 8500)];
    expect(ranksOf(rankGroup(units))).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });

  it("breaks ties on appraised points, then survey points, then fewer penalty, in the configured order", () => {
    // Same total 85.00; A has more appraised (non-survey) points, B more survey points.
    const a = row("A", 8500, { appraisedPoints: 6500, surveyPoints: 2000 });
    const b = row("B", 8500, { appraisedPoints: 6000, surveyPoints: 2500 });
    expect(ranksOf(rankGroup([b, a]))).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
    expect(ranksOf(rankGroup([a, b], { tieBreaks: ["surveyPoints", "appraisedPoints"] }))).toEqual([
      ["B", 1],
      ["A", 2],
    ]);
    expect(ranksOf(rankGroup([a, b], { tieBreaks: [] }))).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
  });

  it("prefers fewer penalty points when everything else is equal", () => {
    // base 80 for both: A 80 + 2 − 1 = 81, B 80 + 3 − 2 = 81.
    const a = computeUnitTotals(
      unitWithPoints("A", [["1.1", 10000, 8000]], { bonus: [200], penalty: [100] }),
    );
    const b = computeUnitTotals(
      unitWithPoints("B", [["1.1", 10000, 8000]], { bonus: [300], penalty: [200] }),
    );
    expect([a.total, b.total]).toEqual([8100, 8100]);
    expect(ranksOf(rankGroup([b, a]))).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
    expect(ranksOf(rankGroup([b, a], { tieBreaks: ["appraisedPoints", "surveyPoints"] }))).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
  });

  it("shares a rank only when the total and every tie-break are equal; lists ties by name, then id", () => {
    const units = [
      row("u3", 7000, { name: "Sở Y tế" }),
      row("u1", 7000, { name: "Sở Nội vụ" }),
      row("u2", 7000, { name: "Sở Nội vụ" }),
    ];
    expect(rankGroup(units).map((e) => [e.unitId, e.rank])).toEqual([
      ["u1", 1],
      ["u2", 1],
      ["u3", 1],
    ]);
  });

  it("ranks on the index by default, so a unit with not-applicable items is not penalised for its smaller maximum", () => {
    // A: 76.50 of 85 applicable = 90 %; B: 88.00 of 100 = 88 %.
    const a = computeUnitTotals(
      buildUnit({
        unitId: "A",
        leaves: [
          buildLeaf({ code: "1.1", maxPoints: 8500, step: 50 }),
          buildLeaf({ code: "1.2", maxPoints: 1500, applicable: false }),
        ],
        scores: { "1.1": { agreed: 7650 } },
      }),
    );
    const b = computeUnitTotals(unitWithPoints("B", [["1.1", 10000, 8800]]));
    expect(ranksOf(rankGroup([a, b]))).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
    expect(ranksOf(rankGroup([a, b], { by: "total" }))).toEqual([
      ["B", 1],
      ["A", 2],
    ]);
  });

  it("ranks each unit type on its own and refuses to mix them in one group", () => {
    const units = [
      row("a", 9000),
      row("b", 8000),
      row("x", 7000, { unitTypeId: "district" }),
      row("y", 9500, { unitTypeId: "district" }),
    ];
    const ranked = rankByUnitType(units);
    expect(ranksOf(ranked.get("agency")!)).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(ranksOf(ranked.get("district")!)).toEqual([
      ["y", 1],
      ["x", 2],
    ]);
    expect(() => rankGroup(units)).toThrow(/different unit types/);
  });

  it("puts a unit with no index after every unit that has one", () => {
    expect(ranksOf(rankGroup([row("none", 0, { index: null }), row("zero", 0)]))).toEqual([
      ["zero", 1],
      ["none", 2],
    ]);
  });
});

const optionsArb: fc.Arbitrary<RankOptions> = fc.record({
  by: fc.constantFrom<"index" | "total">("index", "total"),
  tieBreaks: fc.shuffledSubarray<TieBreak>(["appraisedPoints", "surveyPoints", "fewerPenalty"]),
});

function oneType(units: UnitInput[]): UnitInput[] {
  return units.map((u) => ({ ...u, unitTypeId: "agency" }));
}

describe("rankGroup: properties", () => {
  it("is a competition ranking: sorted, equal keys ↔ equal rank, rank = 1 + number strictly better", () => {
    fc.assert(
      fc.property(groupArb(10), optionsArb, (units, options) => {
        const totals = oneType(units).map(computeUnitTotals);
        const ranked = rankGroup(totals, options);
        expect(ranked.map((e) => e.unitId).sort()).toEqual(totals.map((t) => t.unitId).sort());
        const key = (e: Rankable) => (options.by === "total" ? e.total : (e.index ?? -1));
        for (let i = 1; i < ranked.length; i++) {
          expect(key(ranked[i - 1])).toBeGreaterThanOrEqual(key(ranked[i]));
          expect(ranked[i - 1].rank).toBeLessThanOrEqual(ranked[i].rank);
        }
        for (const a of ranked) {
          const strictlyBetter = ranked.filter((b) => compareStanding(b, a, options) < 0).length;
          expect(a.rank).toBe(1 + strictlyBetter);
          for (const b of ranked) expect(a.rank === b.rank).toBe(compareStanding(a, b, options) === 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same list whatever the input order (deterministic)", () => {
    fc.assert(
      fc.property(groupArb(10), optionsArb, fc.func(fc.integer()), (units, options, key) => {
        const totals = oneType(units).map(computeUnitTotals);
        const shuffled = [...totals].sort((a, b) => key(a.unitId) - key(b.unitId));
        expect(rankGroup(shuffled, options)).toEqual(rankGroup(totals, options));
      }),
      { numRuns: 200 },
    );
  });

  it("raising one leaf never lowers that unit's rank", () => {
    fc.assert(
      fc.property(
        groupArb(8),
        optionsArb,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (raw, options, pickUnit, pickLeaf, pickRaise) => {
          const units = oneType(raw);
          const u = units[pickUnit % units.length];
          const leaf = u.leaves[pickLeaf % u.leaves.length];
          if (!leaf.applicable) return;
          const current = computeUnitTotals({ ...u, leaves: [leaf] }).base;
          if (current >= leaf.maxPoints) return;
          const raised =
            leaf.method === "survey"
              ? current + 1 + (pickRaise % (leaf.maxPoints - current))
              : current + leaf.step * (1 + (pickRaise % ((leaf.maxPoints - current) / leaf.step)));
          const better: UnitInput =
            leaf.method === "survey"
              ? { ...u, surveyPoints: { ...u.surveyPoints, [leaf.code]: raised } }
              : { ...u, scores: { ...u.scores, [leaf.code]: { ...u.scores[leaf.code], agreed: raised } } };
          const rankOf = (list: UnitInput[]) =>
            rankGroup(list.map(computeUnitTotals), options).find((e) => e.unitId === u.unitId)!.rank;
          const before = rankOf(units);
          const after = rankOf(units.map((x) => (x === u ? better : x)));
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("placeByUnitType: the one order of every ranking table", () => {
  const appraisedArb = fc.func(fc.boolean());

  it("lists tied units by name in code-unit order, never a locale collation", () => {
    // ICU's root collation puts "Sơn" before "Sông", its Vietnamese one after: neither may decide a listing.
    const units = [row("b", 7000, { name: "Huyện Sơn Hòa" }), row("a", 7000, { name: "Huyện Sông Hinh" })];
    const placed = placeByUnitType(units, () => true);
    expect(placed.map((p) => [p.unit.name, p.rank])).toEqual([
      ["Huyện Sông Hinh", 1],
      ["Huyện Sơn Hòa", 1],
    ]);
    expect("Huyện Sông Hinh" < "Huyện Sơn Hòa").toBe(true);
  });

  it("ranks the appraised units as rankGroup does, then lists the others unranked; whatever the input order", () => {
    fc.assert(
      fc.property(
        groupArb(10),
        optionsArb,
        appraisedArb,
        fc.func(fc.integer()),
        (units, options, isAppraised, key) => {
          const totals = oneType(units).map(computeUnitTotals);
          const appraised = (t: Rankable) => isAppraised(t.unitId);
          const placed = placeByUnitType(totals, appraised, options);
          const shuffled = [...totals].sort((a, b) => key(a.unitId) - key(b.unitId));
          expect(placeByUnitType(shuffled, appraised, options)).toEqual(placed);
          const ranked = rankGroup(totals.filter(appraised), options);
          expect(placed.slice(0, ranked.length).map((p) => [p.unit.unitId, p.rank])).toEqual(
            ranked.map((e) => [e.unitId, e.rank]),
          );
          expect(placed.slice(ranked.length).every((p) => p.rank === null && !appraised(p.unit))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps each unit type apart, in the order the types first appear", () => {
    const units = [
      row("x", 7000, { unitTypeId: "district" }),
      row("a", 9000),
      row("y", 9500, { unitTypeId: "district" }),
    ];
    expect(placeByUnitType(units, (u) => u.unitId !== "a").map((p) => [p.unit.unitId, p.rank])).toEqual([
      ["y", 1],
      ["x", 2],
      ["a", null],
    ]);
  });
});

describe("rankingDifferences: an agreement is compared by figures, never by row order", () => {
  const figuresArb = fc.uniqueArray(
    fc.record({
      key: fc.uuid(),
      rank: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      total: fc.option(
        fc.integer({ min: 0, max: 10000 }).map((c) => c / 100),
        { nil: null },
      ),
      index: fc.option(
        fc.integer({ min: 0, max: 10000 }).map((c) => c / 100),
        { nil: null },
      ),
      classification: fc.option(fc.constantFrom("xuat_sac", "tot", "kha"), { nil: null }),
    }),
    { selector: (r) => r.key, maxLength: 20 },
  );

  it("finds nothing between a ranking and any reordering of it (tied units listed either way)", () => {
    fc.assert(
      fc.property(figuresArb, fc.func(fc.integer()), (rows, key) => {
        const reordered = [...rows].sort((a, b) => key(a.key) - key(b.key));
        expect(rankingDifferences(rows, reordered)).toEqual([]);
      }),
    );
  });

  it("names exactly the unit whose rank, total, index or class changed, and units missing on either side", () => {
    fc.assert(
      fc.property(
        figuresArb,
        fc.nat(),
        fc.constantFrom("rank", "total", "index", "classification"),
        (rows, pick, field) => {
          if (!rows.length) return;
          const target = rows[pick % rows.length];
          const changed = rows.map((r) =>
            r === target ? { ...r, [field]: field === "classification" ? "yeu" : 99 } : r,
          );
          const expected =
            target[field as keyof typeof target] === (field === "classification" ? "yeu" : 99)
              ? []
              : [target.key];
          expect(rankingDifferences(rows, changed)).toEqual(expected);
          expect(
            rankingDifferences(
              rows,
              rows.filter((r) => r !== target),
            ),
          ).toEqual([target.key]);
        },
      ),
    );
  });
});
