/**
 * Builders and fast-check arbitraries for the scoring tests. They live here rather than in seeds/ because the
 * engine's tests need shapes (random index sets, stage histories) no seed builder produces; each test builds its
 * own data from them, nothing is shared or mutated between tests.
 */
import fc from "fast-check";
import type { Centi, Leaf, Stage, StageScores, UnitInput } from "@ca/shared";

/** A leaf with sensible defaults: area from the code's first segment, 1.00 point max on a 0.25 step, self-scored. */
export function buildLeaf(props: Partial<Leaf> & { code: string }): Leaf {
  return {
    areaCode: props.code.split(".")[0],
    maxPoints: 100,
    step: 25,
    method: "self",
    applicable: true,
    ...props,
  };
}

/** A unit input with no scores, no extras and the sample caps (+3 / −5 points). */
export function buildUnit(props: Partial<UnitInput> & { unitId: string }): UnitInput {
  return {
    unitTypeId: "agency",
    name: props.unitId,
    leaves: [],
    scores: {},
    bonus: [],
    penalty: [],
    bonusCap: 300,
    penaltyCap: 500,
    ...props,
  };
}

/** A unit whose leaves are given as [code, max, official score] on a 0.01 step; optional survey leaves. */
export function unitWithPoints(
  unitId: string,
  rows: readonly (readonly [code: string, max: Centi, score: Centi])[],
  props: Partial<UnitInput> = {},
): UnitInput {
  const leaves = rows.map(([code, maxPoints]) => buildLeaf({ code, maxPoints, step: 1 }));
  const scores: Record<string, StageScores> = {};
  for (const [code, , score] of rows) scores[code] = { agreed: score };
  return buildUnit({ unitId, leaves, scores, ...props });
}

const STEPS = [1, 5, 10, 25, 50, 100] as const;
const STAGES_ALL: readonly Stage[] = ["self", "round1", "explanation", "round2", "agreed"];

/** A random index set: 1–12 leaves in up to 4 areas, maxima on their steps, mixed methods. */
export const leafSetArb: fc.Arbitrary<Leaf[]> = fc
  .array(
    fc.record({
      area: fc.integer({ min: 1, max: 4 }),
      step: fc.constantFrom(...STEPS),
      steps: fc.integer({ min: 1, max: 20 }),
      method: fc.constantFrom<Leaf["method"]>("self", "self", "council", "survey"),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      code: `${r.area}.${i + 1}`,
      areaCode: String(r.area),
      maxPoints: r.step * r.steps,
      step: r.step,
      method: r.method,
      applicable: true,
    })),
  );

/** A valid score for a leaf (on its step, in [0, max]). */
export function validScoreArb(leaf: Leaf): fc.Arbitrary<Centi> {
  return fc.integer({ min: 0, max: leaf.maxPoints / leaf.step }).map((k) => k * leaf.step);
}

function stageScoresArb(leaf: Leaf): fc.Arbitrary<StageScores> {
  const value = fc.option(validScoreArb(leaf), { nil: undefined, freq: 3 });
  return fc.tuple(...STAGES_ALL.map(() => value)).map((values) => {
    const scores: Record<string, Centi> = {};
    values.forEach((v, i) => {
      if (v !== undefined) scores[STAGES_ALL[i]] = v;
    });
    return scores as StageScores;
  });
}

/** A random unit over a given index set: applicability, stage histories, survey points, extras. */
export function unitArb(
  leaves: readonly Leaf[],
  unitId: string,
  unitTypeId = "agency",
): fc.Arbitrary<UnitInput> {
  return fc
    .record({
      applicable: fc.array(
        fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
        { minLength: leaves.length, maxLength: leaves.length },
      ),
      scores: fc.tuple(...leaves.map(stageScoresArb)),
      survey: fc.tuple(
        ...leaves.map((l) => fc.option(fc.integer({ min: 0, max: l.maxPoints }), { nil: undefined })),
      ),
      bonus: fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 3 }),
      penalty: fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 3 }),
      bonusCap: fc.constantFrom(0, 100, 300),
      penaltyCap: fc.constantFrom(0, 200, 500),
      name: fc.constantFrom("A", "B", "C", ""),
    })
    .map((r) => {
      const scores: Record<string, StageScores> = {};
      const surveyPoints: Record<string, Centi> = {};
      leaves.forEach((leaf, i) => {
        scores[leaf.code] = r.scores[i];
        const s = r.survey[i];
        if (leaf.method === "survey" && s !== undefined) surveyPoints[leaf.code] = s;
      });
      return {
        unitId,
        unitTypeId,
        name: r.name,
        leaves: leaves.map((leaf, i) => ({ ...leaf, applicable: r.applicable[i] })),
        scores,
        bonus: r.bonus,
        penalty: r.penalty,
        bonusCap: r.bonusCap,
        penaltyCap: r.penaltyCap,
        surveyPoints,
      };
    });
}

/** A group of 1–maxUnits units sharing one index set, split over two unit types. */
export function groupArb(maxUnits = 8): fc.Arbitrary<UnitInput[]> {
  return leafSetArb.chain((leaves) =>
    fc
      .integer({ min: 1, max: maxUnits })
      .chain((n) =>
        fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            unitArb(leaves, `u${String(i).padStart(2, "0")}`, i % 3 === 2 ? "district" : "agency"),
          ),
        ),
      ),
  );
}
