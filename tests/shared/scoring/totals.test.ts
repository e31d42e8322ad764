import fc from "fast-check";
import {
  cappedSum,
  centiToNumber,
  computeIndex,
  computeUnitTotals,
  leafPoints,
  parsePoints,
} from "@ca/shared";
import { buildLeaf, buildUnit, groupArb, leafSetArb, unitArb, unitWithPoints } from "./builders";

// Reference rounding on BigInt: floor((2·a·10000 + m) / (2·m)), i.e. half-up to hundredths of a percent.
function referenceIndex(achieved: number, max: number): number | null {
  if (max <= 0) return null;
  const n = BigInt(achieved) * 20000n + BigInt(max);
  const d = 2n * BigInt(max);
  const q = n / d;
  return Number(n < 0n && q * d !== n ? q - 1n : q);
}

describe("computeIndex", () => {
  it("rounds half-up to hundredths of a percent", () => {
    expect(computeIndex(1, 3)).toBe(3333); // 33.333… %
    expect(computeIndex(2, 3)).toBe(6667); // 66.666… %
    expect(computeIndex(1, 20000)).toBe(1); // 0.005 % → 0.01 %
    expect(computeIndex(1, 40000)).toBe(0); // 0.0025 % → 0.00 %
    expect(computeIndex(17999, 20000)).toBe(9000); // 89.995 % → 90.00 %
    expect(computeIndex(17998, 20000)).toBe(8999); // 89.99 %
    expect(computeIndex(8525, 10000)).toBe(8525);
    expect(computeIndex(0, 10000)).toBe(0);
    expect(computeIndex(10300, 10000)).toBe(10300); // bonus can lift an index above 100 %
  });
  it("has no index when nothing applies", () => {
    expect(computeIndex(0, 0)).toBeNull();
  });
  it("stays exact past 2^53 (national sums with large maxima)", () => {
    expect(computeIndex(4e11, 5e11)).toBe(8000);
    expect(computeIndex(2 ** 52 - 1, 2 ** 52 + 1)).toBe(referenceIndex(2 ** 52 - 1, 2 ** 52 + 1));
    expect(computeIndex(2 ** 52 - 1, 2 ** 52 + 1)).toBe(10000);
  });
  it("equals the BigInt reference for any safe integers (property)", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (a, m) => {
        expect(computeIndex(a, m)).toBe(referenceIndex(a, m));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (a, m) => {
          expect(computeIndex(a, m)).toBe(referenceIndex(a, m));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("computeUnitTotals: hand-computed examples", () => {
  it("adds 0.1 and 0.2 exactly", () => {
    const unit = unitWithPoints("u", [
      ["1.1", parsePoints("0.50")!, parsePoints(0.1)!],
      ["1.2", parsePoints("0.50")!, parsePoints(0.2)!],
    ]);
    const t = computeUnitTotals(unit);
    expect(t.base).toBe(30);
    expect(centiToNumber(t.total)).toBe(0.3);
    expect(t.index).toBe(3000);
  });

  it("shrinks the maximum for not-applicable leaves, counts survey points, ignores explanations", () => {
    const unit = buildUnit({
      unitId: "u",
      leaves: [
        buildLeaf({ code: "1.1", maxPoints: 1000, step: 25 }),
        buildLeaf({ code: "1.2", maxPoints: 500, step: 25, applicable: false }),
        buildLeaf({ code: "2.1", maxPoints: 2500, step: 1, method: "survey" }),
        buildLeaf({ code: "2.2", maxPoints: 1000, step: 25, method: "council" }),
      ],
      scores: {
        "1.1": { self: 900, round1: 825 },
        "1.2": { self: 500 }, // not applicable: ignored
        "2.1": { self: 2500 }, // survey leaf: stage scores are ignored
        "2.2": { round1: 500, explanation: 900, round2: 700 },
      },
      surveyPoints: { "2.1": 2000 },
      bonus: [200, 150],
      penalty: [100],
    });
    const t = computeUnitTotals(unit);
    expect(t.areas).toEqual([
      { areaCode: "1", achieved: 825, applicableMax: 1000, index: 8250 },
      { areaCode: "2", achieved: 2700, applicableMax: 3500, index: 7714 }, // 77.142857 %
    ]);
    expect(t.appraisedPoints).toBe(1525);
    expect(t.surveyPoints).toBe(2000);
    expect(t.base).toBe(3525);
    expect(t.applicableMax).toBe(4500);
    expect(t.bonus).toBe(300); // 3.50 capped at 3.00
    expect(t.penalty).toBe(100);
    expect(t.total).toBe(3725);
    expect(t.index).toBe(8278); // 37.25 / 45 = 82.777… %
  });

  it("caps the penalty and never goes below zero", () => {
    const unit = unitWithPoints("u", [["1.1", 1000, 100]], { penalty: [400, 300] });
    const t = computeUnitTotals(unit);
    expect(t.penalty).toBe(500);
    expect(t.total).toBe(0);
    expect(t.index).toBe(0);
  });

  it("lets the capped bonus lift a full score above 100 %", () => {
    const t = computeUnitTotals(unitWithPoints("u", [["1.1", 10000, 10000]], { bonus: [250, 250] }));
    expect(t.total).toBe(10300);
    expect(t.index).toBe(10300);
  });

  it("counts a survey leaf without survey results as 0 and an unscored leaf as 0", () => {
    const unit = buildUnit({
      unitId: "u",
      leaves: [buildLeaf({ code: "1.1" }), buildLeaf({ code: "2.1", method: "survey", step: 1 })],
    });
    const t = computeUnitTotals(unit);
    expect([t.base, t.applicableMax, t.index]).toEqual([0, 200, 0]);
  });

  it("lists an area where nothing applies, with no index; no index at all when nothing applies", () => {
    const unit = buildUnit({ unitId: "u", leaves: [buildLeaf({ code: "1.1", applicable: false })] });
    const t = computeUnitTotals(unit);
    expect(t.areas).toEqual([{ areaCode: "1", achieved: 0, applicableMax: 0, index: null }]);
    expect(t.index).toBeNull();
  });

  it("caps with the group cap and treats a negative cap as 0", () => {
    expect(cappedSum([100, 100, 100], 250)).toBe(250);
    expect(cappedSum([], 300)).toBe(0);
    expect(cappedSum([100], -5)).toBe(0);
  });
});

describe("computeUnitTotals: properties", () => {
  it("totals equal the sum of the leaves, per area and overall", () => {
    fc.assert(
      fc.property(
        leafSetArb.chain((leaves) => unitArb(leaves, "u")),
        (unit) => {
          const t = computeUnitTotals(unit);
          const applicable = unit.leaves.filter((l) => l.applicable);
          const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
          expect(t.base).toBe(sum(applicable.map((l) => leafPoints(l, unit))));
          expect(t.appraisedPoints + t.surveyPoints).toBe(t.base);
          expect(t.surveyPoints).toBe(
            sum(applicable.filter((l) => l.method === "survey").map((l) => leafPoints(l, unit))),
          );
          expect(t.applicableMax).toBe(sum(applicable.map((l) => l.maxPoints)));
          expect(sum(t.areas.map((a) => a.achieved))).toBe(t.base);
          expect(sum(t.areas.map((a) => a.applicableMax))).toBe(t.applicableMax);
          for (const area of t.areas) {
            const own = applicable.filter((l) => l.areaCode === area.areaCode);
            expect(area.achieved).toBe(sum(own.map((l) => leafPoints(l, unit))));
            expect(area.index).toBe(referenceIndex(area.achieved, area.applicableMax));
          }
          expect(t.base).toBeGreaterThanOrEqual(0);
          expect(t.base).toBeLessThanOrEqual(t.applicableMax);
          const bonus = Math.min(sum([...unit.bonus]), unit.bonusCap);
          const penalty = Math.min(sum([...unit.penalty]), unit.penaltyCap);
          expect(t.total).toBe(Math.max(0, t.base + bonus - penalty));
          expect(t.index).toBe(referenceIndex(t.total, t.applicableMax));
          for (const v of [t.base, t.total, t.bonus, t.penalty, t.index ?? 0])
            expect(Number.isInteger(v)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("does not depend on the order of the leaves, apart from the order of the areas", () => {
    fc.assert(
      fc.property(groupArb(1), fc.func(fc.integer()), ([unit], key) => {
        const shuffled = { ...unit, leaves: [...unit.leaves].sort((a, b) => key(a.code) - key(b.code)) };
        const a = computeUnitTotals(unit);
        const b = computeUnitTotals(shuffled);
        const byCode = (x: typeof a) => [...x.areas].sort((p, q) => (p.areaCode < q.areaCode ? -1 : 1));
        expect({ ...b, areas: byCode(b) }).toEqual({ ...a, areas: byCode(a) });
      }),
      { numRuns: 200 },
    );
  });
});
