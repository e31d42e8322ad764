import { windowState, type TMilestone } from "@ca/shared";
import type { Lang } from "../i18n";

export type MilestoneState = "done" | "open" | "upcoming";

export interface MilestoneView {
  milestone: TMilestone;
  /** When the step effectively opens: its own start, else the previous step's deadline, else null. */
  opensAt: string | null;
  state: MilestoneState;
}

/**
 * The timeline in the plan's order with each step's state now. A step without its own start (the plan
 * gives only "before 16/12" for round 1) opens when the step before it closes, which is how the plan reads.
 */
export function milestoneViews(milestones: readonly TMilestone[], now: Date): MilestoneView[] {
  const ordered = [...milestones].sort((a, b) => a.order - b.order);
  return ordered.map((m, i) => {
    const opensAt = m.startsAt ?? (i > 0 ? ordered[i - 1].deadline : null);
    const w = windowState({ startsAt: opensAt, deadline: m.deadline }, now);
    return { milestone: m, opensAt, state: w === "closed" ? "done" : w };
  });
}

/** Index in `views` before which "today" falls: the first step not yet done. */
export function todayIndex(views: readonly MilestoneView[]): number {
  const i = views.findIndex((v) => v.state !== "done");
  return i === -1 ? views.length : i;
}

/** A milestone's label in the interface language. */
export function milestoneLabel(m: Pick<TMilestone, "label" | "labelEn">, lang: Lang): string {
  return lang === "en" && m.labelEn ? m.labelEn : m.label;
}
