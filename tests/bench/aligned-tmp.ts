import { performance } from "node:perf_hooks";
import { computeUnitTotals, officialScore, computeIndex, cappedSum, finalTotal, toStageScores, type UnitInput, type AreaTotals, type StageScores } from "@ca/shared";
function rng(seed: number) { let a = seed >>> 0; return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const random = rng(1);
const leaves = Array.from({ length: 150 }, (_, i) => ({ code: `${1 + Math.floor(i / 25)}.${i}`, areaCode: String(1 + Math.floor(i / 25)), maxPoints: 50, step: 25, method: "self" as const, applicable: true }));
const units = Array.from({ length: 5000 }, (_, u) => {
  const scores: Record<string, StageScores> = {};
  const aligned: StageScores[] = [];
  for (const l of leaves) { const s = toStageScores({ self: 25, round1: random() < 0.9 ? 50 : null, agreed: random() < 0.5 ? 25 : null }); scores[l.code] = s; aligned.push(s); }
  return { unitId: `u${u}`, unitTypeId: "t", leaves, scores, aligned, bonus: [], penalty: [], bonusCap: 300, penaltyCap: 500 };
});
function alignedTotals(unit: (typeof units)[number]) {
  const areas: AreaTotals[] = []; let area: AreaTotals | undefined; let sum = 0, max = 0;
  const sc = unit.aligned; const ls = unit.leaves;
  for (let i = 0; i < ls.length; i++) { const leaf = ls[i];
    if (area === undefined || area.areaCode !== leaf.areaCode) { area = { areaCode: leaf.areaCode, achieved: 0, applicableMax: 0, index: null }; areas.push(area); }
    const p = officialScore(sc[i]) ?? 0; sum += p; area.achieved += p; area.applicableMax += leaf.maxPoints; max += leaf.maxPoints; }
  for (const a of areas) a.index = computeIndex(a.achieved, a.applicableMax);
  return { sum, max, areas, total: finalTotal(sum, cappedSum(unit.bonus, unit.bonusCap), 0) };
}
function time(label: string, f: () => unknown) { for (let i = 0; i < 10; i++) f(); const s: number[] = []; for (let i = 0; i < 30; i++) { const t = performance.now(); f(); s.push(performance.now() - t); } s.sort((a, b) => a - b); console.log(label, s[15].toFixed(1)); }
for (let k = 0; k < 2; k++) { time("record", () => units.map((u) => computeUnitTotals(u as unknown as UnitInput))); time("aligned", () => units.map(alignedTotals)); }
