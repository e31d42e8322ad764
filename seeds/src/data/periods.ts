import type { MilestoneKey } from "@ca/shared";

export interface MilestoneSeed {
  key: MilestoneKey;
  label: string;
  labelEn: string;
  startsAt: Date | null;
  deadline: Date;
}

export const MILESTONE_LABELS: Record<MilestoneKey, [vi: string, en: string]> = {
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

/** An instant given as a wall-clock time in Vietnam (UTC+7, no daylight saving). */
export function vnTime(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh - 7, mm, ss));
}
const endOfDay = (y: number, m: number, d: number) => vnTime(y, m, d, 23, 59, 59);

function milestone(key: MilestoneKey, startsAt: Date | null, deadline: Date): MilestoneSeed {
  return { key, label: MILESTONE_LABELS[key][0], labelEn: MILESTONE_LABELS[key][1], startsAt, deadline };
}

/**
 * The 2023 timeline, straight from section II of the plan. "Before 10/12" means the 9th is the last day, so each
 * deadline is 23:59:59 Vietnam time on the day before the date the plan names.
 */
export function timeline2023(): MilestoneSeed[] {
  return [
    milestone("plan", vnTime(2023, 9, 20), endOfDay(2023, 10, 9)),
    milestone("guidance", vnTime(2023, 10, 1), endOfDay(2023, 10, 31)),
    milestone("council_setup", vnTime(2023, 10, 1), endOfDay(2023, 10, 31)),
    milestone("training", vnTime(2023, 10, 1), endOfDay(2023, 10, 31)),
    // The plan says November–December; the survey closes before round 2 so its points count in the results.
    milestone("survey", vnTime(2023, 11, 1), endOfDay(2023, 12, 20)),
    milestone("self_assessment", vnTime(2023, 11, 1), endOfDay(2023, 12, 9)),
    milestone("round1", vnTime(2023, 12, 10), endOfDay(2023, 12, 15)),
    milestone("explanation", vnTime(2023, 12, 16), endOfDay(2023, 12, 17)),
    milestone("round2", vnTime(2023, 12, 18), endOfDay(2023, 12, 24)),
    milestone("meeting", vnTime(2023, 12, 18), endOfDay(2023, 12, 24)),
    milestone("publication", vnTime(2023, 12, 25), endOfDay(2023, 12, 31)),
  ];
}

/**
 * The training period's timeline, placed relative to the day it is loaded: the preparatory steps are done and
 * every working step is open now (a week in), so that each role can rehearse its step of the whole plan on the day
 * the sample loads — the agency its self-assessment and explanation, the council both rounds and the meeting
 * (docs/domain.md §2 "Training period"). The deadlines keep the plan's order and intervals (three weeks for the
 * self-assessment, then 6 days for round 1, 2 for the explanation, 7 for round 2 and the meeting).
 */
export function trainingTimeline(now: Date): MilestoneSeed[] {
  const vnNow = new Date(now.getTime() + 7 * 3_600_000);
  const [y, m, d] = [vnNow.getUTCFullYear(), vnNow.getUTCMonth() + 1, vnNow.getUTCDate()];
  const day = (offset: number) => vnTime(y, m, d + offset);
  const end = (offset: number) => endOfDay(y, m, d + offset);
  return [
    milestone("plan", day(-40), end(-35)),
    milestone("guidance", day(-35), end(-25)),
    milestone("council_setup", day(-35), end(-25)),
    milestone("training", day(-25), end(-10)),
    milestone("survey", day(-7), end(34)),
    milestone("self_assessment", day(-7), end(21)),
    milestone("round1", day(-7), end(27)),
    milestone("explanation", day(-7), end(29)),
    milestone("round2", day(-7), end(36)),
    milestone("meeting", day(-7), end(36)),
    milestone("publication", day(37), end(43)),
  ];
}

/** The 2023 classification bands (index in hundredths of a percent). */
export const BANDS_2023 = [
  { code: "xuat_sac", label: "Xuất sắc", labelEn: "Excellent", minIndex: 9000 },
  { code: "tot", label: "Tốt", labelEn: "Good", minIndex: 8000 },
  { code: "kha", label: "Khá", labelEn: "Fair", minIndex: 7000 },
  { code: "trung_binh", label: "Trung bình", labelEn: "Average", minIndex: 5000 },
  { code: "yeu", label: "Yếu", labelEn: "Weak", minIndex: 0 },
];

/** The period rules of the samples (docs/domain.md §3 defaults). */
export function sampleRules() {
  return {
    classificationBands: BANDS_2023,
    classificationOverrides: [{ kind: "maxBandIfAreaBelow", band: "tot", areaIndexBelow: 7000 }],
    tieBreak: ["appraisedPoints", "surveyPoints", "fewerPenalty"] as ("appraisedPoints" | "surveyPoints" | "fewerPenalty")[],
    responsibility: { deputyAreaWeight: 70, unitWeight: 30, headCappedByUnit: true },
    survey: { minResponses: 10, weights: { A: 100, B: 60, C: 20, D: 0 } },
  };
}
