/** Checks a leaf's scoring definition before it is stored (index-set import, admin edits). */
import { isValidScore } from "../../points";
import type { ScoringDefinition } from "./types";

/** One thing wrong with a definition: where (`levels.2.points`, `rule.bands`) and a code for the message. */
export interface DefinitionProblem {
  path: string;
  problem:
    | "bad_scale"
    | "too_few_levels"
    | "duplicate_level"
    | "bad_level"
    | "yesno_levels"
    | "missing_rule"
    | "unexpected_rule"
    | "unexpected_levels"
    | "no_bands"
    | "duplicate_threshold"
    | "bad_threshold"
    | "not_monotonic"
    | "points_off_scale";
}

const LEVEL_CODE = /^[A-Za-z0-9_.-]{1,20}$/;

/**
 * Every problem of a definition, none when it is sound: the scale (max > 0, step > 0, max on the step); a rubric's
 * levels (at least two, unique codes, points on the scale); a rule's bands (thresholds unique and whole, points on
 * the scale and monotonic — more of the measure never gives fewer points) or its proportional target.
 */
export function checkDefinition(def: ScoringDefinition): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const { maxPoints, step } = def;
  if (!(Number.isSafeInteger(maxPoints) && Number.isSafeInteger(step) && maxPoints > 0 && step > 0))
    return [{ path: "maxPoints", problem: "bad_scale" }];
  if (maxPoints % step !== 0) out.push({ path: "step", problem: "bad_scale" });
  const onLeafScale = (p: number) => isValidScore(p, maxPoints, step);

  if (def.kind !== "quantity" && def.rule) out.push({ path: "rule", problem: "unexpected_rule" });
  if ((def.kind === "points" || def.kind === "quantity") && def.levels?.length)
    out.push({ path: "levels", problem: "unexpected_levels" });

  if (def.kind === "levels" || (def.kind === "yesno" && def.levels?.length)) {
    const levels = def.levels ?? [];
    if (levels.length < 2) out.push({ path: "levels", problem: "too_few_levels" });
    const seen = new Set<string>();
    levels.forEach((l, i) => {
      if (!LEVEL_CODE.test(l.code) || !l.label.trim())
        out.push({ path: `levels.${i}`, problem: "bad_level" });
      if (seen.has(l.code)) out.push({ path: `levels.${i}.code`, problem: "duplicate_level" });
      seen.add(l.code);
      if (!onLeafScale(l.points)) out.push({ path: `levels.${i}.points`, problem: "points_off_scale" });
    });
    const codes = [...seen].sort().join(",");
    if (def.kind === "yesno" && codes !== "no,yes") out.push({ path: "levels", problem: "yesno_levels" });
  }

  if (def.kind === "quantity") {
    const rule = def.rule;
    if (!rule) return [...out, { path: "rule", problem: "missing_rule" }];
    if (rule.type === "proportional") {
      if (!Number.isSafeInteger(rule.fullAt) || rule.fullAt <= 0)
        out.push({ path: "rule.fullAt", problem: "bad_threshold" });
      return out;
    }
    if (!rule.bands.length) out.push({ path: "rule.bands", problem: "no_bands" });
    if (!onLeafScale(rule.otherwise)) out.push({ path: "rule.otherwise", problem: "points_off_scale" });
    const thresholds = new Set<number>();
    rule.bands.forEach((b, i) => {
      if (!Number.isSafeInteger(b.atLeast) || b.atLeast < 0)
        out.push({ path: `rule.bands.${i}.atLeast`, problem: "bad_threshold" });
      if (thresholds.has(b.atLeast))
        out.push({ path: `rule.bands.${i}.atLeast`, problem: "duplicate_threshold" });
      thresholds.add(b.atLeast);
      if (!onLeafScale(b.points)) out.push({ path: `rule.bands.${i}.points`, problem: "points_off_scale" });
    });
    // Ordered by threshold, points must never fall: a unit that does more must never score less.
    const ordered = [...rule.bands].sort((a, b) => a.atLeast - b.atLeast);
    let previous = rule.otherwise;
    for (const band of ordered) {
      if (band.points < previous) {
        out.push({ path: "rule.bands", problem: "not_monotonic" });
        break;
      }
      previous = band.points;
    }
  }
  return out;
}
