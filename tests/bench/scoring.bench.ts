/**
 * Scoring engine benchmark (TARGETS P3, P4). Prints figures, asserts nothing: machines are shared and noisy.
 *   npx tsx tests/bench/scoring.bench.ts
 * P4: full recompute (totals + rankings) of 5,000 units × 150 leaves, target ≤ 50 ms.
 * P3: incremental recompute after one change (applyLeafChange + the group's ranking), 60 units × 150 leaves,
 *     target ≤ 0.1 ms.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import {
  IncrementalRanking,
  computeUnitTotals,
  rankByUnitType,
  type Leaf,
  type Stage,
  type StageScores,
  type UnitInput,
} from "@ca/shared";

// Deterministic pseudo-random numbers (mulberry32) so every run measures the same data.
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function report(label: string, samples: number[], unit: "ms" | "µs", target: string): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const scale = unit === "µs" ? 1000 : 1;
  const fmt = (ms: number) => `${(ms * scale).toFixed(unit === "µs" ? 1 : 2)} ${unit}`;
  console.log(
    `${label}: p50 ${fmt(percentile(sorted, 50))}  p95 ${fmt(percentile(sorted, 95))}  p99 ${fmt(percentile(sorted, 99))}  ` +
      `max ${fmt(sorted[sorted.length - 1])}  (n=${samples.length}, target ${target})`,
  );
}

function benchFull(): void {
  const units = buildUnits(5000, 2, 42);
  const run = () => rankByUnitType(units.map(computeUnitTotals));
  for (let i = 0; i < 15; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  report("P4 full recompute, 5,000 units × 150 leaves (totals + rankings)", samples, "ms", "≤ 50 ms");
}

function benchIncremental(): void {
  const units = buildUnits(60, 1, 7);
  const model = new IncrementalRanking(units);
  const random = rng(99);
  const editable = units[0].leaves.filter((l) => l.method !== "survey");
  const stages: Stage[] = ["round1", "round2", "agreed"];
  const change = () => {
    const unit = units[Math.floor(random() * units.length)];
    const leaf = editable[Math.floor(random() * editable.length)];
    const applicable = unit.leaves === units[0].leaves || unit.leaves.find((l) => l.code === leaf.code)!.applicable;
    const score = applicable ? leaf.step * Math.floor(random() * (leaf.maxPoints / leaf.step + 1)) : null;
    const stage = stages[Math.floor(random() * stages.length)];
    const t0 = performance.now();
    model.applyLeafChange(unit.unitId, leaf.code, stage, score);
    model.ranking("type-0");
    return performance.now() - t0;
  };
  for (let i = 0; i < 20000; i++) change();
  const samples: number[] = [];
  for (let i = 0; i < 50000; i++) samples.push(change());
  report("P3 incremental, one change + group ranking, 60 units × 150 leaves", samples, "µs", "≤ 100 µs");
  // One timer read costs as much as the work itself here; a batch average removes that noise.
  const batch = 100000;
  const t0 = performance.now();
  for (let i = 0; i < batch; i++) change();
  console.log(`P3 batch average over ${batch} changes (includes timer reads): ${(((performance.now() - t0) / batch) * 1000).toFixed(2)} µs`);
}

console.log(`cpus: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}; node ${process.version}`);
benchFull();
benchIncremental();
