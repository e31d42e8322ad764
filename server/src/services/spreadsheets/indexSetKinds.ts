import { checkDefinition, parentCodeOf, type DefinitionProblem } from "@ca/shared";
import type { ParsedRow, RowError } from "./indexSetSpreadsheet";

const MESSAGES: Record<DefinitionProblem["problem"], string> = {
  bad_scale: "max points and step do not fit",
  too_few_levels: "at least two levels",
  duplicate_level: "a level code appears twice",
  bad_level: "a level needs a code (letters, digits, _ . -) and a label",
  yesno_levels: "a yes/no leaf's levels are exactly yes and no",
  missing_rule: "a quantity leaf needs a measure and a rule",
  unexpected_rule: "only a quantity leaf has a measure and a rule",
  unexpected_levels: "only a levels or yes/no leaf has levels",
  no_bands: "at least one band",
  duplicate_threshold: "a threshold appears twice",
  bad_threshold: "a threshold is a whole number of hundredths, not negative",
  not_monotonic: "a higher threshold may not give fewer points",
  points_off_scale: "points above the maximum or off the step",
};

const FIELD_OF = (path: string) =>
  path.startsWith("levels") ? "levels" : path.startsWith("rule") ? "rule" : path === "step" ? "step" : "kind";

/**
 * The scoring-kind problems of an imported index set, row by row: a group (a row with items under it) is scored
 * through its items, so only leaves have a kind other than points, levels or a rule; each leaf's definition must
 * hold (checkDefinition: levels on the scale, bands monotonic…).
 */
export function checkRowKinds(rows: readonly ParsedRow[]): RowError[] {
  const parents = new Set(rows.map((r) => parentCodeOf(r.code)).filter(Boolean));
  const errors: RowError[] = [];
  for (const r of rows) {
    const group = parents.has(r.code) || r.code === "B" || r.code === "P";
    if (group) {
      if (r.scoringKind !== "points" || r.levels || r.rule)
        errors.push({
          row: r.row,
          field: "kind",
          message: "only leaves (rows without items under them) have a scoring kind",
        });
      continue;
    }
    const seen = new Set<string>();
    for (const p of checkDefinition({
      kind: r.scoringKind,
      maxPoints: r.max,
      step: r.stepCenti,
      levels: r.levels ?? undefined,
      rule: r.rule ?? undefined,
    })) {
      const key = `${FIELD_OF(p.path)}:${p.problem}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push({ row: r.row, field: FIELD_OF(p.path), message: `${MESSAGES[p.problem]} (${p.path})` });
    }
  }
  return errors;
}
