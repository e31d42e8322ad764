import { parsePoints, validateLeafScore, type Centi, type Stage, type TLeafView } from "@ca/shared";
import type { TFunction } from "i18next";
import { showMax } from "../../format/points";
import type { Lang } from "../../i18n";
import { engineLeaf } from "./model";

import { checkAnswer, type AnswerBody } from "./kinds/answers";

/** `body`: what a leaf of another kind than points sends (a level or figures) instead of its score. */
export type ScoreCheck =
  | { state: "empty" }
  | { state: "ok"; centi: Centi; body?: AnswerBody }
  | { state: "invalid"; message: string };

/**
 * Checks a typed score against the leaf's range and step with the shared rule the server applies, so the
 * person sees the problem while typing ("2,3" on a 0,25 step) instead of after a refused save.
 */
export function checkScore(
  text: string,
  leaf: TLeafView,
  stage: Stage,
  t: TFunction,
  lang: Lang,
): ScoreCheck {
  if (leaf.kind !== "points") return checkAnswer(text, leaf, t);
  if (text.trim() === "") return { state: "empty" };
  const centi = parsePoints(text);
  if (centi === null) return { state: "invalid", message: t("score.errors.format") };
  const check = validateLeafScore(engineLeaf(leaf), centi, stage);
  if (check.ok) return { state: "ok", centi };
  const vars = { max: showMax(engineLeaf(leaf).maxPoints, lang), step: showMax(engineLeaf(leaf).step, lang) };
  return { state: "invalid", message: t(`score.errors.${check.problem}`, vars) };
}
