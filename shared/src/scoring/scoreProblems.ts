import type { Locale } from "../errors";
import { formatPoints, type Centi } from "../points";
import type { KindProblem } from "./kinds/types";
import type { LeafScoreProblem } from "./leafScore";

/**
 * Why a score, a level, figures or a meeting proposal was refused: one vocabulary, with its message in both
 * languages, for the server's judge of meeting proposals, its REST answers and the screens (docs/scoring-kinds.md).
 */
export type ScoreProblem =
  | LeafScoreProblem
  | KindProblem
  | "unknown_leaf"
  | "locked"
  | "author_mismatch"
  | "not_a_proposer"
  | "points_only"
  | "derived_mismatch"
  | "malformed";

/** The figures a message names, in hundredths of a point. */
export interface ScoreProblemVars {
  max?: Centi;
  step?: Centi;
  /** `derived_mismatch`: the points the level or figures give. */
  points?: Centi;
}

type Message = (v: ScoreProblemVars, show: (c: Centi | undefined) => string) => string;

const MESSAGES: Record<ScoreProblem, Record<Locale, Message>> = {
  not_applicable: {
    vi: () => "Tiêu chí không áp dụng cho đơn vị.",
    en: () => "This criterion does not apply to the unit.",
  },
  survey_leaf: {
    vi: () => "Điểm điều tra xã hội học lấy từ kết quả khảo sát, không điều chỉnh.",
    en: () => "Survey points come from the survey results; they cannot be adjusted.",
  },
  council_only: {
    vi: () => "Tiêu chí này do Hội đồng chấm.",
    en: () => "The council scores this criterion.",
  },
  out_of_range: {
    vi: (v, show) => `Điểm phải từ 0 đến ${show(v.max)}.`,
    en: (v, show) => `The score must be between 0 and ${show(v.max)}.`,
  },
  off_step: {
    vi: (v, show) => `Điểm phải là bội số của ${show(v.step)}.`,
    en: (v, show) => `The score must be a multiple of ${show(v.step)}.`,
  },
  wrong_kind: {
    vi: () => "Đề xuất phải theo loại của tiêu chí: chọn mức, hoặc nhập số liệu.",
    en: () => "Propose what the criterion asks for: a level, or figures.",
  },
  unknown_level: {
    vi: () => "Mức đề xuất không có trong tiêu chí.",
    en: () => "The criterion has no such level.",
  },
  bad_figures: {
    vi: () => "Số liệu đề xuất không đúng định dạng của tiêu chí.",
    en: () => "The figures do not have the criterion's form.",
  },
  zero_denominator: {
    vi: () => "Mẫu số phải lớn hơn 0.",
    en: () => "The denominator must be greater than 0.",
  },
  unknown_leaf: {
    vi: () => "Không có tiêu chí này trong bộ chỉ số.",
    en: () => "The index set has no such criterion.",
  },
  locked: {
    vi: () => "Tiêu chí đã khóa: điểm đã được thống nhất.",
    en: () => "The criterion is locked: its score has been agreed.",
  },
  author_mismatch: {
    vi: () => "Người đề xuất ghi trong đề xuất không phải người đã gửi.",
    en: () => "The proposal names someone other than its sender.",
  },
  not_a_proposer: {
    vi: () => "Người đề xuất không có quyền điều chỉnh hồ sơ này.",
    en: () => "The proposer may not adjust this dossier.",
  },
  points_only: {
    vi: () => "Tiêu chí này chấm bằng điểm, không theo mức hay số liệu.",
    en: () => "This criterion is scored in points, not by level or figures.",
  },
  malformed: { vi: () => "Đề xuất không đúng định dạng.", en: () => "The proposal is malformed." },
  derived_mismatch: {
    vi: (v, show) => `Điểm đề xuất không khớp: theo mức hoặc số liệu đã chọn là ${show(v.points)}.`,
    en: (v, show) => `The proposed points do not match: the chosen level or figures give ${show(v.points)}.`,
  },
};

/** The message for a refused score, in the reader's language. */
export function scoreProblemMessage(problem: ScoreProblem, vars: ScoreProblemVars, locale: Locale): string {
  const show = (c: Centi | undefined) => (c === undefined ? "?" : trimPoints(formatPoints(c, locale)));
  return MESSAGES[problem][locale](vars, show);
}

/** "2,50" → "2,5", "3,00" → "3": how a range or a step is said. */
const trimPoints = (text: string) => text.replace(/([.,]\d*?)0+$/, "$1").replace(/[.,]$/, "");
