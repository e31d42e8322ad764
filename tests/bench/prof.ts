import { performance } from "node:perf_hooks";
import { computeUnitTotals, type UnitInput } from "@ca/shared";
import { buildUnitsForProfile } from "./data";
const variant = process.argv[2];
let units: UnitInput[] = buildUnitsForProfile();
if (variant === "uniform" || variant === "uniformMap") {
  units = units.map((u) => {
    const scores: Record<string, any> = {};
    for (const [k, s] of Object.entries(u.scores)) scores[k] = { self: s!.self ?? null, round1: s!.round1 ?? null, explanation: s!.explanation ?? null, round2: s!.round2 ?? null, agreed: s!.agreed ?? null };
    return { ...u, scores };
  });
}
function time(label: string, f: () => unknown) {
  for (let i = 0; i < 10; i++) f();
  const s: number[] = [];
  for (let i = 0; i < 30; i++) { const t = performance.now(); f(); s.push(performance.now() - t); }
  s.sort((a, b) => a - b);
  console.log(variant, label, s[15].toFixed(1));
}
time("full totals", () => units.map(computeUnitTotals));
