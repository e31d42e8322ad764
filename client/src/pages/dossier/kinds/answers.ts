/**
 * A leaf's answer by its scoring kind on the client (docs/scoring-kinds.md): the draft text a field holds, the API
 * body it becomes, and the points it derives — with the very derivation the server applies (shared/), so the
 * points shown while typing are the points stored.
 */
import {
  derivePoints,
  figuresFromView,
  formatPoints,
  parsePoints,
  ruleFromView,
  type Centi,
  type ScoringDefinition,
  type TFiguresView,
  type TLeafView,
} from "@ca/shared";
import type { TFunction } from "i18next";
import type { Lang } from "../../../i18n";

export type AnswerBody = { level: string } | { figures: TFiguresView };
export type AnswerCheck =
  | { state: "empty" }
  | { state: "ok"; centi: Centi; body: AnswerBody }
  | { state: "invalid"; message: string };

const centi = (n: number) => parsePoints(n) ?? 0;

/** The leaf's scoring definition from its view (API decimals to exact hundredths). */
export function definitionOfView(leaf: Pick<TLeafView, "kind" | "maxPoints" | "step" | "levels" | "rule">) {
  return {
    kind: leaf.kind,
    maxPoints: centi(leaf.maxPoints),
    step: centi(leaf.step),
    levels: leaf.levels?.map((l) => ({ ...l, points: centi(l.points) })),
    rule: leaf.rule ? ruleFromView(leaf.rule) : undefined,
  } satisfies ScoringDefinition;
}

/** A figure as people write it: "19", "2,5" (decimal comma in Vietnamese). */
export const showFigure = (n: number, lang: Lang) =>
  formatPoints(centi(n), lang)
    .replace(/[.,]00$/, "")
    .replace(/([.,]\d)0$/, "$1");

/** The draft text of a recorded answer: a level's code, "19/20" for a rate, "2" for a value. */
export function answerDraft(
  record: { level: string | null; figures: TFiguresView | null } | undefined,
  lang: Lang,
): string {
  if (!record) return "";
  if (record.level) return record.level;
  const f = record.figures;
  if (!f) return "";
  return "value" in f
    ? showFigure(f.value, lang)
    : `${showFigure(f.numerator, lang)}/${showFigure(f.denominator, lang)}`;
}

/** Checks a draft against the leaf's kind, and derives its points as the server will. */
export function checkAnswer(
  text: string,
  leaf: Pick<TLeafView, "kind" | "maxPoints" | "step" | "levels" | "rule">,
  t: TFunction,
): AnswerCheck {
  const def = definitionOfView(leaf);
  if (text.trim() === "") return { state: "empty" };
  let body: AnswerBody;
  if (def.kind === "levels" || def.kind === "yesno") body = { level: text };
  else {
    const parts = text.split("/").map((p) => parsePoints(p.trim()));
    if (parts.some((p) => p === null)) return { state: "invalid", message: t("kind.errors.format") };
    const [a, b] = parts as number[];
    body = {
      figures: parts.length === 2 ? { numerator: a / 100, denominator: b / 100 } : { value: a / 100 },
    };
  }
  const derived = derivePoints(def, "level" in body ? body : { figures: figuresFromView(body.figures) });
  if (!derived.ok) return { state: "invalid", message: t(`kind.errors.${derived.problem}`) };
  return { state: "ok", centi: derived.points, body };
}

/** The answer of a stage as people read it: the level's label, or the figures with the rate they make. */
export function answerText(
  leaf: Pick<TLeafView, "levels">,
  record: { level: string | null; figures: TFiguresView | null },
  lang: Lang,
): string | null {
  if (record.level) {
    const level = leaf.levels?.find((l) => l.code === record.level);
    return level ? (lang === "en" && level.labelEn) || level.label : record.level;
  }
  const f = record.figures;
  if (!f) return null;
  if ("value" in f) return showFigure(f.value, lang);
  // The rate in hundredths of a percent, from exact hundredths (display only; the points come from derivePoints).
  // Floored, not rounded: a rate just under a threshold (79,996 %) must not read as reaching it (80,00 %).
  const den = centi(f.denominator);
  const rate = den > 0 ? Math.floor((centi(f.numerator) * 10000) / den) : 0;
  return `${showFigure(f.numerator, lang)}/${showFigure(f.denominator, lang)} (${formatPoints(rate, lang)} %)`;
}

/** True when two stages answered alike (same level, same figures). */
export function sameAnswer(
  a: { level: string | null; figures: TFiguresView | null },
  b: { level: string | null; figures: TFiguresView | null },
): boolean {
  return a.level === b.level && JSON.stringify(a.figures) === JSON.stringify(b.figures);
}
