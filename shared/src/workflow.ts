/** Dossier states in their only order (docs/domain.md §2). */
export const DOSSIER_STATUSES = [
  "draft",
  "self_submitted",
  "round1_done",
  "explained",
  "round2_done",
  "agreed",
  "published",
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Milestone keys of a period's timeline; the first four are the plan's preparatory steps 1–4. */
export const MILESTONE_KEYS = [
  "plan",
  "guidance",
  "council_setup",
  "training",
  "survey",
  "self_assessment",
  "round1",
  "explanation",
  "round2",
  "meeting",
  "publication",
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

/**
 * The step of the plan each milestone belongs to: the plan numbers ten steps, and the council meeting that agrees
 * the results is part of step 9 with round 2 (docs/domain.md §2). A timeline shows these numbers, not its row count.
 */
export const PLAN_STEP: Readonly<Record<MilestoneKey, number>> = {
  plan: 1,
  guidance: 2,
  council_setup: 3,
  training: 4,
  survey: 5,
  self_assessment: 6,
  round1: 7,
  explanation: 8,
  round2: 9,
  meeting: 9,
  publication: 10,
};

export const UNIT_TYPE_CODES_SAMPLE = ["provincial_agency", "district_committee"] as const;

/** The period's time zone; every deadline is a wall-clock time in Vietnam. */
export const PERIOD_TIMEZONE = "Asia/Ho_Chi_Minh";

export interface MilestoneWindow {
  startsAt: string | null;
  deadline: string;
}

/** Where `now` falls against a milestone window: before it opens, open, or past its deadline. */
export function windowState(w: MilestoneWindow, now: Date): "upcoming" | "open" | "closed" {
  const t = now.getTime();
  if (w.startsAt && t < Date.parse(w.startsAt)) return "upcoming";
  return t < Date.parse(w.deadline) ? "open" : "closed";
}
