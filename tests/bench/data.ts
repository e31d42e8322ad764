import type { Leaf, Stage, StageScores, UnitInput } from "@ca/shared";
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A 100-point set of 150 leaves like the sample: six appraised areas (120 × 0.50 + 20 × 0.75) and a survey area
// (10 × 2.50).
function indexSet(): Leaf[] {
  const leaves: Leaf[] = [];
  for (let i = 0; i < 140; i++) {
    const area = String(1 + (i % 6));
    leaves.push({ code: `${area}.${i}`, areaCode: area, maxPoints: i < 120 ? 50 : 75, step: 25, method: i % 9 === 0 ? "council" : "self", applicable: true });
  }
  for (let i = 0; i < 10; i++) leaves.push({ code: `7.${i}`, areaCode: "7", maxPoints: 250, step: 1, method: "survey", applicable: true });
  return leaves;
}

function buildUnits(count: number, types: number, seed: number): UnitInput[] {
  const random = rng(seed);
  const shared = indexSet();
  const pick = (leaf: Leaf) => leaf.step * Math.floor(random() * (leaf.maxPoints / leaf.step + 1));
  return Array.from({ length: count }, (_, u) => {
    // One unit in twenty has a few not-applicable items and so its own copy of the leaves.
    const leaves = random() < 0.05 ? shared.map((l) => (random() < 0.02 && l.method !== "survey" ? { ...l, applicable: false } : l)) : shared;
    const scores: Record<string, StageScores> = {};
    const surveyPoints: Record<string, number> = {};
    for (const leaf of leaves) {
      if (leaf.method === "survey") {
        surveyPoints[leaf.code] = Math.floor(random() * (leaf.maxPoints + 1));
        continue;
      }
      const s: { -readonly [K in Stage]?: number } = {};
      if (leaf.method === "self") s.self = pick(leaf);
      if (random() < 0.9) s.round1 = pick(leaf);
      if (random() < 0.2) s.explanation = pick(leaf);
      if (random() < 0.3) s.round2 = pick(leaf);
      if (random() < 0.5) s.agreed = pick(leaf);
      scores[leaf.code] = s;
    }
    return {
      unitId: `unit-${String(u).padStart(5, "0")}`,
      unitTypeId: `type-${u % types}`,
      name: `Unit ${u}`,
      leaves,
      scores,
      surveyPoints,
      bonus: random() < 0.3 ? [100, 100] : [],
      penalty: random() < 0.3 ? [150] : [],
      bonusCap: 300,
      penaltyCap: 500,
    };
  });
}

export function buildUnitsForProfile() { return buildUnits(5000, 2, 42); }
