/**
 * The scoring kind of a leaf as the index-set spreadsheet writes it (docs/scoring-kinds.md, "In the spreadsheet"):
 * four readable cells — kind, levels (one per line: `code | points | label | English label | description`),
 * measure, rule (`≥100: 2; ≥80: 1; còn lại: 0`, or `tỷ lệ thuận: 95; làm tròn: lên`). `formatKindCells` writes
 * them and `parseKindCells` reads them back, so an exported index set imports identically.
 */
import { formatPoints, parsePoints } from "../../points";
import type { Level, QuantityMeasure, QuantityRule, Rounding, ScoringKind } from "./types";

export interface KindCells {
  kind: string;
  levels: string;
  measure: string;
  rule: string;
}

export interface ParsedKind {
  scoringKind: ScoringKind;
  levels: Level[] | null;
  rule: QuantityRule | null;
}

/** One problem with a cell, in words for the row-by-row report. */
export interface KindCellError {
  field: "kind" | "levels" | "measure" | "rule";
  message: string;
}

const KIND_NAMES: Record<ScoringKind, string> = {
  points: "điểm",
  levels: "mức",
  yesno: "có/không",
  quantity: "số liệu",
};
const KIND_ALIASES: Record<string, ScoringKind> = {
  "": "points",
  points: "points",
  điểm: "points",
  diem: "points",
  levels: "levels",
  mức: "levels",
  muc: "levels",
  yesno: "yesno",
  "có/không": "yesno",
  "co/khong": "yesno",
  quantity: "quantity",
  "số liệu": "quantity",
  "so lieu": "quantity",
};
const MEASURE_NAMES: Record<QuantityMeasure, string> = { rate: "tỷ lệ", value: "giá trị" };
const MEASURE_ALIASES: Record<string, QuantityMeasure> = {
  rate: "rate",
  "tỷ lệ": "rate",
  "ty le": "rate",
  value: "value",
  "giá trị": "value",
  "gia tri": "value",
};
const ROUNDING_NAMES: Record<Rounding, string> = { half_up: "lên", down: "xuống" };
const ROUNDING_ALIASES: Record<string, Rounding> = {
  lên: "half_up",
  len: "half_up",
  half_up: "half_up",
  xuống: "down",
  xuong: "down",
  down: "down",
};
const OTHERWISE = /^(còn lại|con lai|else|otherwise)\s*:\s*(.+)$/i;
const BAND = /^(?:≥|>=)\s*([^:]+):\s*(.+)$/;
const PROPORTIONAL = /^(tỷ lệ thuận|ty le thuan|proportional)\s*:\s*(.+)$/i;
const ROUNDING = /^(làm tròn|lam tron|rounding)\s*:\s*(.+)$/i;

/** Hundredths written as a plain decimal with a comma ("2", "0,5", "95"): what officials type. */
const num = (c: number) =>
  formatPoints(c, "vi")
    .replace(/,00$/, "")
    .replace(/(,\d)0$/, "$1");

export function formatKindCells(p: ParsedKind): KindCells {
  const levels = (p.levels ?? [])
    .map((l) =>
      [l.code, num(l.points), l.label, l.labelEn ?? "", l.description ?? ""]
        .join(" | ")
        .replace(/( \| )+$/, ""),
    )
    .join("\n");
  const rule = p.rule;
  return {
    kind: KIND_NAMES[p.scoringKind],
    levels,
    measure: rule ? MEASURE_NAMES[rule.measure] : "",
    rule: !rule
      ? ""
      : rule.type === "bands"
        ? [
            ...rule.bands.map((b) => `≥${num(b.atLeast)}: ${num(b.points)}`),
            `còn lại: ${num(rule.otherwise)}`,
          ].join("; ")
        : `tỷ lệ thuận: ${num(rule.fullAt)}; làm tròn: ${ROUNDING_NAMES[rule.rounding]}`,
  };
}

function parseLevels(text: string, errors: KindCellError[]): Level[] {
  const levels: Level[] = [];
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .forEach((line, i) => {
      const [code = "", points = "", label = "", labelEn = "", description = ""] = line
        .split("|")
        .map((s) => s.trim());
      const value = parsePoints(points);
      if (!code || !label || value === null) {
        errors.push({
          field: "levels",
          message: `line ${i + 1}: "code | points | label[ | English label | description]"`,
        });
        return;
      }
      levels.push({
        code,
        label,
        ...(labelEn ? { labelEn } : {}),
        ...(description ? { description } : {}),
        points: value,
      });
    });
  return levels;
}

function parseRule(text: string, measure: QuantityMeasure, errors: KindCellError[]): QuantityRule | null {
  const parts = text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
  const fail = (message: string) => (errors.push({ field: "rule", message }), null);
  const proportional = parts[0] && PROPORTIONAL.exec(parts[0]);
  if (proportional) {
    const fullAt = parsePoints(proportional[2].trim());
    const rounding = parts[1] ? ROUNDING.exec(parts[1]) : null;
    const mode = rounding ? ROUNDING_ALIASES[rounding[2].trim().toLowerCase()] : "half_up";
    if (fullAt === null || !mode || parts.length > 2)
      return fail('"tỷ lệ thuận: 95; làm tròn: lên" (or "xuống")');
    return { type: "proportional", measure, fullAt, rounding: mode };
  }
  const bands: { atLeast: number; points: number }[] = [];
  let otherwise: number | null = null;
  for (const part of parts) {
    const other = OTHERWISE.exec(part);
    const band = BAND.exec(part);
    if (other && otherwise === null) otherwise = parsePoints(other[2].trim());
    else if (band) {
      const atLeast = parsePoints(band[1].trim());
      const points = parsePoints(band[2].trim());
      if (atLeast === null || points === null) return fail(`"${part}": "≥100: 2"`);
      bands.push({ atLeast, points });
    } else return fail(`"${part}": "≥100: 2; ≥80: 1; còn lại: 0"`);
  }
  if (!bands.length || otherwise === null) return fail('bands and the rest: "≥100: 2; ≥80: 1; còn lại: 0"');
  return { type: "bands", measure, bands, otherwise };
}

/** Reads the four cells of a row; a blank kind is `points`. Errors name the cell. */
export function parseKindCells(cells: KindCells): { kind: ParsedKind | null; errors: KindCellError[] } {
  const errors: KindCellError[] = [];
  const scoringKind = KIND_ALIASES[cells.kind.trim().toLowerCase()];
  if (!scoringKind)
    return { kind: null, errors: [{ field: "kind", message: "điểm | mức | có/không | số liệu" }] };
  const levels = cells.levels.trim() ? parseLevels(cells.levels, errors) : null;
  let rule: QuantityRule | null = null;
  if (cells.rule.trim() || cells.measure.trim()) {
    const measure = MEASURE_ALIASES[cells.measure.trim().toLowerCase()];
    if (!measure) errors.push({ field: "measure", message: "tỷ lệ | giá trị" });
    else rule = parseRule(cells.rule, measure, errors);
  }
  return errors.length ? { kind: null, errors } : { kind: { scoringKind, levels, rule }, errors };
}
