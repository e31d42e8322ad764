/**
 * Scoring kinds: the guidance of the sample leaves computed by hand, and the properties every rule must keep —
 * derived points on the leaf's scale, band rules monotonic, a rate exactly at a band's edge in the band it names,
 * and rates decided in integers.
 */
import fc from "fast-check";
import {
  checkDefinition,
  derivePoints,
  type Figures,
  type QuantityBand,
  type ScoringDefinition,
} from "@ca/shared";

const points = (def: ScoringDefinition, figures: Figures) => {
  const d = derivePoints(def, { figures });
  if (!d.ok) throw new Error(d.problem);
  return d.points;
};
const rate = (numerator: number, denominator: number): Figures => ({
  numerator: numerator * 100,
  denominator: denominator * 100,
});

// The sample's guidance, read as rules (docs/domain.md, "Scoring kinds").
const planCompletion: ScoringDefinition = {
  kind: "quantity",
  maxPoints: 200,
  step: 25,
  rule: {
    type: "bands",
    measure: "rate",
    bands: [
      { atLeast: 10000, points: 200 },
      { atLeast: 8000, points: 100 },
    ],
    otherwise: 0,
  },
};
const casesOnTime: ScoringDefinition = {
  kind: "quantity",
  maxPoints: 500,
  step: 25,
  rule: {
    type: "bands",
    measure: "rate",
    bands: [
      { atLeast: 10000, points: 500 },
      { atLeast: 9800, points: 400 },
      { atLeast: 9500, points: 300 },
      { atLeast: 9000, points: 200 },
    ],
    otherwise: 0,
  },
};
const disbursement: ScoringDefinition = {
  kind: "quantity",
  maxPoints: 300,
  step: 25,
  rule: { type: "proportional", measure: "rate", fullAt: 9500, rounding: "half_up" },
};
const lateDays: ScoringDefinition = {
  kind: "quantity",
  maxPoints: 200,
  step: 100,
  rule: { type: "proportional", measure: "value", fullAt: 200, rounding: "down" },
};
const oversight: ScoringDefinition = {
  kind: "levels",
  maxPoints: 200,
  step: 25,
  levels: [
    { code: "full", label: "Có kế hoạch, kiểm tra đủ, có báo cáo kết quả", points: 200 },
    { code: "partial", label: "Có kế hoạch, kiểm tra chưa đủ", points: 100 },
    { code: "none", label: "Không có kế hoạch", points: 0 },
  ],
};

describe("the sample's rules, by hand", () => {
  it("1.1.2 plan completion: 100 % → 2; ≥ 80 % → 1; else 0", () => {
    expect(points(planCompletion, rate(100, 100))).toBe(200);
    expect(points(planCompletion, rate(105, 100))).toBe(200);
    expect(points(planCompletion, rate(95, 100))).toBe(100);
    expect(points(planCompletion, rate(80, 100))).toBe(100);
    expect(points(planCompletion, { numerator: 7999, denominator: 10000 })).toBe(0);
    expect(points(planCompletion, rate(0, 3))).toBe(0);
  });

  it("3.2 cases on time: the edges of every band", () => {
    expect(points(casesOnTime, rate(49, 50))).toBe(400); // exactly 98 %
    expect(points(casesOnTime, rate(979, 1000))).toBe(300);
    expect(points(casesOnTime, rate(19, 20))).toBe(300); // exactly 95 %
    expect(points(casesOnTime, rate(9, 10))).toBe(200); // exactly 90 %
    expect(points(casesOnTime, rate(899, 1000))).toBe(0);
    expect(points(casesOnTime, rate(1234, 1234))).toBe(500);
  });

  it("a rate a float would get wrong is decided exactly: 7/10 ≥ 70 %, 1/3 < 33.34 %", () => {
    const def: ScoringDefinition = {
      kind: "quantity",
      maxPoints: 100,
      step: 100,
      rule: { type: "bands", measure: "rate", bands: [{ atLeast: 7000, points: 100 }], otherwise: 0 },
    };
    expect(points(def, { numerator: 7, denominator: 10 })).toBe(100);
    const third: ScoringDefinition = {
      ...def,
      rule: { type: "bands", measure: "rate", bands: [{ atLeast: 3334, points: 100 }], otherwise: 0 },
    };
    expect(points(third, { numerator: 1, denominator: 3 })).toBe(0);
    expect(points(third, { numerator: 3334, denominator: 10000 })).toBe(100);
  });

  it("5.1 disbursement: 3 × rate ÷ 95 %, capped at 3, half-up to 0.25", () => {
    expect(points(disbursement, rate(90, 100))).toBe(275); // 2.842 → 2.75
    expect(points(disbursement, rate(50, 100))).toBe(150); // 1.578 → 1.50
    expect(points(disbursement, rate(95, 100))).toBe(300);
    expect(points(disbursement, rate(100, 100))).toBe(300); // capped
    expect(points(disbursement, rate(0, 100))).toBe(0);
    // 3 × 0.40 ÷ 0.95 = 1.263…; ÷ 0.25 = 5.05 → 5 steps = 1.25; half-up exactly at .5 goes up:
    expect(points(disbursement, rate(40, 100))).toBe(125);
    const halfway = points(disbursement, { numerator: 3958333, denominator: 10000000 }); // 5.0000 − ε steps
    expect(halfway).toBe(125);
  });

  it("a penalty of 1 point per working day late, at most 2", () => {
    expect(points(lateDays, { value: 0 })).toBe(0);
    expect(points(lateDays, { value: 100 })).toBe(100);
    expect(points(lateDays, { value: 150 })).toBe(100); // partial days do not count (rounding down)
    expect(points(lateDays, { value: 300 })).toBe(200);
  });

  it("levels and yes/no give their level's points; anything else is refused with a reason", () => {
    expect(derivePoints(oversight, { level: "partial" })).toEqual({ ok: true, points: 100 });
    expect(derivePoints(oversight, { level: "best" })).toEqual({ ok: false, problem: "unknown_level" });
    expect(derivePoints(oversight, { score: 100 })).toEqual({ ok: false, problem: "wrong_kind" });
    const yesno: ScoringDefinition = { kind: "yesno", maxPoints: 100, step: 25 };
    expect(derivePoints(yesno, { level: "yes" })).toEqual({ ok: true, points: 100 });
    expect(derivePoints(yesno, { level: "no" })).toEqual({ ok: true, points: 0 });
    expect(derivePoints(planCompletion, { figures: { value: 3 } })).toEqual({
      ok: false,
      problem: "bad_figures",
    });
    expect(derivePoints(planCompletion, { figures: { numerator: 3, denominator: 0 } })).toEqual({
      ok: false,
      problem: "zero_denominator",
    });
    expect(derivePoints(planCompletion, { figures: { numerator: -1, denominator: 5 } })).toEqual({
      ok: false,
      problem: "bad_figures",
    });
    const free: ScoringDefinition = { kind: "points", maxPoints: 600, step: 25 };
    expect(derivePoints(free, { score: 575 })).toEqual({ ok: true, points: 575 });
    expect(derivePoints(free, { score: 590 })).toEqual({ ok: false, problem: "off_step" });
    expect(derivePoints(free, { score: 625 })).toEqual({ ok: false, problem: "out_of_range" });
  });

  it("the sample definitions are sound; broken ones name what is wrong", () => {
    for (const def of [planCompletion, casesOnTime, disbursement, lateDays, oversight])
      expect(checkDefinition(def)).toEqual([]);
    const falling: ScoringDefinition = {
      ...planCompletion,
      rule: {
        type: "bands",
        measure: "rate",
        bands: [
          { atLeast: 10000, points: 100 },
          { atLeast: 8000, points: 200 },
        ],
        otherwise: 0,
      },
    };
    expect(checkDefinition(falling)).toEqual([{ path: "rule.bands", problem: "not_monotonic" }]);
    expect(checkDefinition({ kind: "levels", maxPoints: 100, step: 25, levels: [] })).toEqual([
      { path: "levels", problem: "too_few_levels" },
    ]);
    expect(
      checkDefinition({
        kind: "yesno",
        maxPoints: 100,
        step: 25,
        levels: [
          { code: "y", label: "Có", points: 100 },
          { code: "n", label: "Không", points: 30 },
        ],
      }).map((p) => p.problem),
    ).toEqual(["points_off_scale", "yesno_levels"]);
    expect(checkDefinition({ kind: "quantity", maxPoints: 100, step: 25 })).toEqual([
      { path: "rule", problem: "missing_rule" },
    ]);
  });
});

// Arbitrary sound definitions: a scale, then a band rule or a proportional rule on it.
const scaleArb = fc
  .record({ step: fc.constantFrom(1, 5, 10, 25, 50, 100), steps: fc.integer({ min: 1, max: 40 }) })
  .map(({ step, steps }) => ({ step, maxPoints: step * steps }));

const bandRuleArb = scaleArb.chain(({ step, maxPoints }) =>
  fc
    .record({
      measure: fc.constantFrom<"rate" | "value">("rate", "value"),
      thresholds: fc.uniqueArray(fc.integer({ min: 0, max: 20000 }), { minLength: 1, maxLength: 6 }),
      levels: fc.array(fc.integer({ min: 0, max: maxPoints / step }), { minLength: 7, maxLength: 7 }),
    })
    .map(({ measure, thresholds, levels }) => {
      // Points rise with the threshold: sorted step counts assigned to sorted thresholds.
      const sortedPoints = [...levels].sort((a, b) => a - b).map((k) => k * step);
      const sorted = [...thresholds].sort((a, b) => a - b);
      const bands: QuantityBand[] = sorted.map((atLeast, i) => ({ atLeast, points: sortedPoints[i + 1] }));
      return {
        kind: "quantity" as const,
        maxPoints,
        step,
        rule: { type: "bands" as const, measure, bands, otherwise: sortedPoints[0] },
      };
    }),
);

const proportionalArb = scaleArb.chain(({ step, maxPoints }) =>
  fc
    .record({
      measure: fc.constantFrom<"rate" | "value">("rate", "value"),
      fullAt: fc.integer({ min: 1, max: 20000 }),
      rounding: fc.constantFrom<"half_up" | "down">("half_up", "down"),
    })
    .map((rule) => ({
      kind: "quantity" as const,
      maxPoints,
      step,
      rule: { type: "proportional" as const, ...rule },
    })),
);

const ruleArb = fc.oneof(bandRuleArb, proportionalArb);

/** Figures for the rule's measure whose measure is exactly num/den (in the rule's threshold unit). */
function figuresFor(measure: "rate" | "value", num: number, den: number): Figures {
  // A rate of num/den Bp is (num) ÷ (den · 10000) as numerator ÷ denominator.
  return measure === "rate" ? { numerator: num, denominator: den * 10000 } : { value: Math.floor(num / den) };
}

describe("properties of every sound rule", () => {
  it("generated definitions are sound", () => {
    fc.assert(fc.property(ruleArb, (def) => checkDefinition(def).length === 0));
  });

  it("derived points are always on the leaf's range and step", () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.nat({ max: 5_000_000 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        (def, a, b) => {
          const figures: Figures =
            def.rule.measure === "rate" ? { numerator: a, denominator: b } : { value: a };
          const p = points(def, figures);
          return Number.isInteger(p) && p >= 0 && p <= def.maxPoints && p % def.step === 0;
        },
      ),
    );
  });

  it("more of the measure never gives fewer points", () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.nat({ max: 3_000_000 }),
        fc.nat({ max: 3_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (def, x, y, den) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const m = def.rule.measure;
          const f = (n: number): Figures =>
            m === "rate" ? { numerator: n, denominator: den } : { value: n };
          return points(def, f(lo)) <= points(def, f(hi));
        },
      ),
    );
  });

  it("a measure exactly at a band's edge falls in the band it names; just below, it does not", () => {
    fc.assert(
      fc.property(bandRuleArb, fc.integer({ min: 1, max: 997 }), (def, den) => {
        for (const band of def.rule.bands) {
          const expected = Math.max(
            def.rule.otherwise,
            ...def.rule.bands.filter((b) => b.atLeast <= band.atLeast).map((b) => b.points),
          );
          // Exactly the threshold, written with an arbitrary denominator: num/den = atLeast.
          if (points(def, figuresFor(def.rule.measure, band.atLeast * den, den)) !== expected) return false;
          if (band.atLeast > 0 && def.rule.measure === "rate") {
            const below = Math.max(
              def.rule.otherwise,
              ...def.rule.bands.filter((b) => b.atLeast < band.atLeast).map((b) => b.points),
            );
            // One part in den·10000 below the edge.
            const justBelow: Figures = { numerator: band.atLeast * den - 1, denominator: den * 10000 };
            if (points(def, justBelow) !== below) return false;
          }
        }
        return true;
      }),
    );
  });

  it("proportional: zero gives 0, exactly the target gives the maximum, beyond it stays at the maximum", () => {
    fc.assert(
      fc.property(proportionalArb, fc.integer({ min: 1, max: 50 }), (def, k) => {
        const m = def.rule.measure;
        const at = (n: number): Figures =>
          m === "rate" ? { numerator: n, denominator: 10000 } : { value: n };
        return (
          points(def, at(0)) === 0 &&
          points(def, at(def.rule.fullAt)) === def.maxPoints &&
          points(def, at(def.rule.fullAt * (k + 1))) === def.maxPoints
        );
      }),
    );
  });

  it("a rate does not depend on how it is written: n/d and (k·n)/(k·d) give the same points", () => {
    fc.assert(
      fc.property(
        ruleArb.filter((d) => d.rule.measure === "rate"),
        fc.nat({ max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 2, max: 1000 }),
        (def, n, d, k) =>
          points(def, { numerator: n, denominator: d }) ===
          points(def, { numerator: n * k, denominator: d * k }),
      ),
    );
  });
});
