import fc from "fast-check";
import {
  IncrementalRanking,
  computeUnitTotals,
  rankGroup,
  validateLeafScore,
  type RankOptions,
  type Stage,
  type TieBreak,
  type UnitInput,
} from "@ca/shared";
import { buildLeaf, buildUnit, groupArb, unitWithPoints } from "./builders";

type Op =
  | { kind: "leaf"; unit: number; leaf: number; stage: Stage; steps: number | null }
  | { kind: "raw"; unit: number; leaf: number; stage: Stage; value: number }
  | { kind: "survey"; unit: number; leaf: number; value: number | null }
  | { kind: "applicable"; unit: number; leaf: number; applicable: boolean }
  | { kind: "extras"; unit: number; bonus?: number[]; penalty?: number[] };

const stageArb = fc.constantFrom<Stage>("self", "round1", "explanation", "round2", "agreed");
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("leaf" as const),
      unit: fc.nat(),
      leaf: fc.nat(),
      stage: stageArb,
      steps: fc.option(fc.nat({ max: 25 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("raw" as const),
      unit: fc.nat(),
      leaf: fc.nat(),
      stage: stageArb,
      value: fc.integer({ min: -100, max: 3000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("survey" as const),
      unit: fc.nat(),
      leaf: fc.nat(),
      value: fc.option(fc.nat({ max: 2000 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("applicable" as const),
      unit: fc.nat(),
      leaf: fc.nat(),
      applicable: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        kind: fc.constant("extras" as const),
        unit: fc.nat(),
        bonus: fc.array(fc.nat({ max: 200 }), { maxLength: 3 }),
        penalty: fc.array(fc.nat({ max: 300 }), { maxLength: 3 }),
      },
      { requiredKeys: ["kind", "unit"] },
    ),
  },
);
const optionsArb: fc.Arbitrary<RankOptions> = fc.record({
  by: fc.constantFrom<"index" | "total">("index", "total"),
  tieBreaks: fc.shuffledSubarray<TieBreak>(["appraisedPoints", "surveyPoints", "fewerPenalty"]),
});

// A mutable deep copy: the reference the full recompute reads, changed op by op alongside the model.
function clone(u: UnitInput) {
  const scores: Record<string, Record<string, number | null | undefined>> = {};
  for (const [code, s] of Object.entries(u.scores)) scores[code] = { ...s };
  return {
    ...u,
    leaves: u.leaves.map((l) => ({ ...l })),
    scores,
    surveyPoints: { ...u.surveyPoints } as Record<string, number | undefined>,
    bonus: [...u.bonus],
    penalty: [...u.penalty],
  };
}

function fullRanking(mirror: UnitInput[], type: string, options: RankOptions) {
  return rankGroup(mirror.filter((u) => u.unitTypeId === type).map(computeUnitTotals), options);
}

describe("IncrementalRanking: examples", () => {
  it("moves a unit up after a council score and re-ranks its own group only", () => {
    const units = [
      unitWithPoints("a", [["1.1", 10000, 9000]]),
      unitWithPoints("b", [["1.1", 10000, 8500]]),
      unitWithPoints("x", [["1.1", 10000, 5000]], { unitTypeId: "district" }),
    ];
    const model = new IncrementalRanking(units);
    const district = model.ranking("district");
    expect(model.ranking("agency").map((e) => [e.unitId, e.rank])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(model.applyLeafChange("b", "1.1", "agreed", 9000)).toBe(true);
    expect(model.ranking("agency").map((e) => [e.unitId, e.rank])).toEqual([
      ["a", 1],
      ["b", 1],
    ]);
    expect(model.applyLeafChange("b", "1.1", "round2", 9500)).toBe(false); // agreed still wins
    expect(model.ranking("district")).toBe(district); // untouched group keeps its cached table
    expect(model.ranking("nobody")).toEqual([]);
  });

  it("refuses invalid scores and unknown ids, leaving the model unchanged", () => {
    const unit = buildUnit({
      unitId: "a",
      leaves: [buildLeaf({ code: "1.1" }), buildLeaf({ code: "2.1", method: "survey", step: 1 })],
      scores: { "1.1": { self: 50 } },
    });
    const model = new IncrementalRanking([unit]);
    const before = model.totals("a");
    expect(() => model.applyLeafChange("a", "1.1", "round1", 60)).toThrow(/off_step/);
    expect(() => model.applyLeafChange("a", "1.1", "round1", 125)).toThrow(/out_of_range/);
    expect(() => model.applyLeafChange("a", "2.1", "self", 50)).toThrow(/survey_leaf/);
    expect(() => model.applyLeafChange("a", "9.9", "self", 50)).toThrow(/unknown leaf/);
    expect(() => model.applyLeafChange("zz", "1.1", "self", 50)).toThrow(/unknown unit/);
    expect(() => model.setSurveyPoints("a", "1.1", 50)).toThrow(/not a survey leaf/);
    expect(() => model.setSurveyPoints("a", "2.1", 101)).toThrow(/survey points 101 refused/);
    expect(() => model.setExtras("a", { penalty: [-100] })).toThrow(/refused/);
    expect(model.totals("a")).toEqual(before);
    expect(() => new IncrementalRanking([unit, unit])).toThrow(/duplicate unit/);
  });

  it("does not see later changes to the inputs it was built from", () => {
    const unit = unitWithPoints("a", [["1.1", 10000, 9000]]);
    const model = new IncrementalRanking([unit]);
    (unit.scores["1.1"] as { agreed: number }).agreed = 0;
    expect(model.totals("a").total).toBe(9000);
  });

  it("follows applicability, survey points and extras", () => {
    const unit = buildUnit({
      unitId: "a",
      leaves: [
        buildLeaf({ code: "1.1", maxPoints: 1000 }),
        buildLeaf({ code: "2.1", maxPoints: 1000, method: "survey", step: 1 }),
      ],
      scores: { "1.1": { self: 500 } },
    });
    const model = new IncrementalRanking([unit]);
    model.setSurveyPoints("a", "2.1", 733);
    model.setApplicable("a", "1.1", false);
    model.setExtras("a", { bonus: [400], penalty: [50] });
    const expected: UnitInput = {
      ...unit,
      leaves: [{ ...unit.leaves[0], applicable: false }, unit.leaves[1]],
      surveyPoints: { "2.1": 733 },
      bonus: [400],
      penalty: [50],
    };
    expect(model.totals("a")).toEqual(computeUnitTotals(expected));
    expect(model.totals("a")).toMatchObject({ total: 983, applicableMax: 1000, index: 9830 });
  });
});

describe("IncrementalRanking: equals a full recompute (property)", () => {
  it("after any sequence of changes", () => {
    fc.assert(
      fc.property(groupArb(8), optionsArb, fc.array(opArb, { maxLength: 40 }), (units, options, ops) => {
        const model = new IncrementalRanking(units, options);
        const mirror = units.map(clone);
        for (const op of ops) {
          const m = mirror[op.unit % mirror.length];
          const leaf = m.leaves[("leaf" in op ? op.leaf : 0) % m.leaves.length];
          const rowBefore = fullRanking(mirror, m.unitTypeId, options).find((e) => e.unitId === m.unitId)!;
          let changed: boolean;
          if (op.kind === "leaf" || op.kind === "raw") {
            const value =
              op.kind === "raw"
                ? op.value
                : op.steps === null
                  ? null
                  : Math.min(op.steps * leaf.step, leaf.maxPoints);
            if (value !== null && !validateLeafScore(leaf, value, op.stage).ok) {
              expect(() => model.applyLeafChange(m.unitId, leaf.code, op.stage, value)).toThrow(RangeError);
              continue;
            }
            changed = model.applyLeafChange(m.unitId, leaf.code, op.stage, value);
            m.scores[leaf.code] = { ...m.scores[leaf.code], [op.stage]: value };
          } else if (op.kind === "survey") {
            if (leaf.method !== "survey") {
              expect(() => model.setSurveyPoints(m.unitId, leaf.code, op.value)).toThrow(RangeError);
              continue;
            }
            const value = op.value === null ? null : Math.min(op.value, leaf.maxPoints);
            changed = model.setSurveyPoints(m.unitId, leaf.code, value);
            m.surveyPoints[leaf.code] = value ?? undefined;
          } else if (op.kind === "applicable") {
            changed = model.setApplicable(m.unitId, leaf.code, op.applicable);
            leaf.applicable = op.applicable;
          } else {
            changed = model.setExtras(m.unitId, { bonus: op.bonus, penalty: op.penalty });
            if (op.bonus) m.bonus = op.bonus;
            if (op.penalty) m.penalty = op.penalty;
          }
          expect(model.totals(m.unitId)).toEqual(computeUnitTotals(m as UnitInput));
          const full = fullRanking(mirror, m.unitTypeId, options);
          expect(model.ranking(m.unitTypeId)).toEqual(full);
          const { rank: _r1, ...a } = rowBefore;
          const { rank: _r2, ...b } = full.find((e) => e.unitId === m.unitId)!;
          expect(changed).toBe(JSON.stringify(a) !== JSON.stringify(b));
        }
        for (const u of mirror) expect(model.totals(u.unitId)).toEqual(computeUnitTotals(u as UnitInput));
        for (const type of model.unitTypeIds())
          expect(model.ranking(type)).toEqual(fullRanking(mirror, type, options));
      }),
      { numRuns: 300 },
    );
  });
});
