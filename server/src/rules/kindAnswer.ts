import {
  centiToNumber,
  definitionOfLeaf,
  derivePoints,
  figuresFromView,
  levelsOf,
  type Centi,
  type Figures,
  type KindProblem,
  type ScoringDefinition,
  type TFiguresView,
} from "@ca/shared";
import type { ItemRow } from "../queries/dossierState";
import { AppError } from "../http/errors";
import { checkedScore } from "./dossierGuards";

/** What a score write reads of its leaf to derive points by its kind. */
export type KindLeaf = Pick<
  ItemRow,
  "code" | "maxPoints" | "step" | "method" | "scoringKind" | "levels" | "quantityRule"
>;

/** An answer as the API carries it: at most one of points, a level's code, or figures (decimals). */
export interface AnswerInput {
  score?: number | null;
  level?: string | null;
  figures?: TFiguresView | null;
}

/** What a stage records: the points, and the level or figures they were derived from. */
export interface StageRecord {
  score: Centi;
  level: string | null;
  figures: Figures | null;
}

const definitionOf = (leaf: KindLeaf): ScoringDefinition => definitionOfLeaf(leaf);

/** The answer a leaf's kind asks for, in words, for the error of a wrong one. */
const ASKS: Record<ScoringDefinition["kind"], { vi: string; en: string; field: string }> = {
  points: { vi: "nhập điểm", en: "a score", field: "score" },
  levels: { vi: "chọn một mức", en: "a level", field: "level" },
  yesno: { vi: "chọn Có hoặc Không", en: "yes or no (level)", field: "level" },
  quantity: { vi: "nhập số liệu", en: "figures", field: "figures" },
};

function kindError(leaf: KindLeaf, problem: KindProblem, path: string): AppError {
  const def = definitionOf(leaf);
  const asks = ASKS[def.kind];
  const codes = levelsOf(def)
    .map((l) => l.code)
    .join(", ");
  const messages: Record<KindProblem, { vi: string; en: string }> = {
    wrong_kind: {
      vi: `Tiêu chí ${leaf.code} cần ${asks.vi}.`,
      en: `Leaf ${leaf.code} takes ${asks.en}.`,
    },
    unknown_level: {
      vi: `Mức không có trong tiêu chí ${leaf.code} (các mức: ${codes}).`,
      en: `No such level on leaf ${leaf.code} (levels: ${codes}).`,
    },
    bad_figures: {
      vi:
        def.rule?.measure === "rate"
          ? "Số liệu cần tử số và mẫu số, không âm, tối đa hai chữ số thập phân."
          : "Số liệu cần một giá trị, không âm, tối đa hai chữ số thập phân.",
      en:
        def.rule?.measure === "rate"
          ? "The figures need a numerator and a denominator, not negative, at most two decimals."
          : "The figures need one value, not negative, at most two decimals.",
    },
    zero_denominator: { vi: "Mẫu số phải lớn hơn 0.", en: "The denominator must be above 0." },
    out_of_range: {
      vi: `Điểm phải từ 0 đến ${centiToNumber(leaf.maxPoints)}.`,
      en: `The score must be between 0 and ${centiToNumber(leaf.maxPoints)}.`,
    },
    off_step: {
      vi: `Điểm phải theo bước ${centiToNumber(leaf.step)}.`,
      en: `The score must be in steps of ${centiToNumber(leaf.step)}.`,
    },
  };
  return new AppError(
    "validation_failed",
    [{ path, message: `${problem}: ${asks.field}` }],
    messages[problem],
  );
}

/**
 * The stage a leaf records for an answer, its points derived on the server (never taken from the client): a score
 * on a `points` leaf, a level of a `levels` or `yesno` leaf, figures through a `quantity` leaf's rule. `path` names
 * the answer's field in errors (`score`, or `proposedScore` for an explanation).
 */
export function stageRecordOf(leaf: KindLeaf, input: AnswerInput, path = "score"): StageRecord {
  const def = definitionOf(leaf);
  if (input.score !== null && input.score !== undefined) {
    if (def.kind !== "points") throw kindError(leaf, "wrong_kind", path);
    return { score: checkedScore(leaf, input.score), level: null, figures: null };
  }
  if (input.level !== null && input.level !== undefined) {
    const derived = derivePoints(def, { level: input.level });
    if (!derived.ok) throw kindError(leaf, derived.problem, path);
    return { score: derived.points, level: input.level, figures: null };
  }
  if (input.figures !== null && input.figures !== undefined) {
    const figures = figuresFromView(input.figures);
    const derived = derivePoints(def, { figures });
    if (!derived.ok) throw kindError(leaf, derived.problem, path);
    return { score: derived.points, level: null, figures };
  }
  throw kindError(leaf, "wrong_kind", path);
}

/** True when an answer gives anything to record (points, a level or figures). */
export function hasAnswer(input: AnswerInput): boolean {
  return [input.score, input.level, input.figures].some((x) => x !== null && x !== undefined);
}
