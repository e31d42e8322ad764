import type { MilestoneKey } from "@ca/shared";
import type { PeriodRules } from "../queries/periods";

/** The plan's steps as a period's timeline names them (Vietnamese, English), whichever template it starts from. */
export const MILESTONE_LABELS: Readonly<Record<MilestoneKey, readonly [vi: string, en: string]>> = {
  plan: ["Ban hành Kế hoạch triển khai", "Implementation plan issued"],
  guidance: ["Hướng dẫn triển khai", "Guidance issued"],
  council_setup: ["Thành lập Hội đồng thẩm định và Tổ công tác", "Council and working group set up"],
  training: ["Hội nghị triển khai, tập huấn phần mềm", "Launch conference and software training"],
  survey: ["Điều tra xã hội học", "Sociological survey"],
  self_assessment: ["Tự đánh giá, chấm điểm (kèm báo cáo ký)", "Self-assessment with the signed report"],
  round1: ["Thẩm định lần 1", "Appraisal round 1"],
  explanation: ["Giải trình theo ý kiến Hội đồng", "Explanation of the council's comments"],
  round2: ["Thẩm định lần 2, tổng hợp báo cáo", "Appraisal round 2 and report"],
  meeting: ["Họp Hội đồng thống nhất kết quả", "Council meeting agreeing the results"],
  publication: ["Công bố kết quả", "Publication of the results"],
};

/** The defaults of a period's rules beside its bands (docs/periods-and-classification.md, docs/domain.md §3). */
export const DEFAULT_RULES = {
  tieBreak: ["appraisedPoints", "surveyPoints", "fewerPenalty"],
  responsibility: { deputyAreaWeight: 70, unitWeight: 30, headCappedByUnit: true },
  survey: { minResponses: 10, weights: { A: 100, B: 60, C: 20, D: 0 } },
} satisfies Partial<PeriodRules>;
