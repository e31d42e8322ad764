import type { MilestoneKey } from "@ca/shared";
import { DEFAULT_RULES, MILESTONE_LABELS, PLAN_2023 } from "@ca/server/src/seedApi";

export interface MilestoneSeed {
  key: MilestoneKey;
  label: string;
  labelEn: string;
  startsAt: Date | null;
  deadline: Date;
}

/** An instant given as a wall-clock time in Vietnam (UTC+7, no daylight saving). */
export function vnTime(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh - 7, mm, ss));
}
const endOfDay = (y: number, m: number, d: number) => vnTime(y, m, d, 23, 59, 59);

function milestone(key: MilestoneKey, startsAt: Date | null, deadline: Date): MilestoneSeed {
  return { key, label: MILESTONE_LABELS[key][0], labelEn: MILESTONE_LABELS[key][1], startsAt, deadline };
}

/**
 * The sample 2023 period's timeline: the 2023 plan's own (server/src/periodTemplates/plan2023.ts), each step from
 * the start of its first day to 23:59:59 of its last, Vietnam time.
 */
export function timeline2023(): MilestoneSeed[] {
  return PLAN_2023.timeline.map(({ key, startsAt, deadline }) =>
    milestone(
      key as MilestoneKey,
      startsAt ? vnTime(2023, ...startsAt) : null,
      endOfDay(2023, ...deadline),
    ),
  );
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

/** The period rules of the samples: the 2023 plan's bands and cap, and the defaults of the other rules. */
export function sampleRules() {
  return {
    classificationBands: PLAN_2023.bands.map((b) => ({ ...b })),
    classificationOverrides: (PLAN_2023.overrides ?? []).map((o) => ({ ...o })),
    ...structuredClone(DEFAULT_RULES),
  };
}
