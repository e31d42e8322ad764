import type { DossierStatus, MilestoneKey } from "./workflow";

/**
 * A unit's deadlines (docs/domain.md §2 "Extensions"): the one rule every screen, list, check and message uses.
 * A step's deadline for a unit is the latest extension the admin granted that unit for the step, when it is later
 * than the period's milestone; otherwise the milestone's own deadline. Instants are `Date` on the server and ISO
 * strings in the client; the rule reads both.
 */
type Instant = Date | string;

const time = (i: Instant) => (typeof i === "string" ? Date.parse(i) : i.getTime());

export interface UnitExtension<I extends Instant = Instant> {
  milestoneKey: string;
  until: I;
}

/** The step a dossier in each status is waiting for (whose deadline concerns it now); none once published. */
export const STEP_OF_STATUS: Readonly<Record<DossierStatus, MilestoneKey | null>> = {
  draft: "self_assessment",
  self_submitted: "round1",
  round1_done: "explanation",
  explained: "round2",
  round2_done: "meeting",
  agreed: "publication",
  published: null,
};

/** The unit's deadline for a milestone, and the milestone's own when an extension pushed it back. */
export function unitDeadline<I extends Instant>(
  milestone: { key: string; deadline: I },
  extensions: readonly UnitExtension<I>[],
): { deadline: I; extendedFrom: I | null } {
  let deadline = milestone.deadline;
  for (const e of extensions)
    if (e.milestoneKey === milestone.key && time(e.until) > time(deadline)) deadline = e.until;
  return { deadline, extendedFrom: deadline === milestone.deadline ? null : milestone.deadline };
}

/** The period's milestones as one unit lives them: each deadline is the unit's (`extendedFrom`: the period's). */
export function unitMilestones<I extends Instant, M extends { key: string; deadline: I }>(
  milestones: readonly M[],
  extensions: readonly UnitExtension<I>[],
): (M & { extendedFrom: I | null })[] {
  return milestones.map((m) => ({ ...m, ...unitDeadline(m, extensions) }));
}

/** The milestone whose deadline comes next (the soonest still ahead of `now`), if any. */
export function nextDeadline<M extends { deadline: Instant }>(milestones: readonly M[], now: Date): M | null {
  const t = now.getTime();
  return (
    [...milestones]
      .filter((m) => time(m.deadline) > t)
      .sort((a, b) => time(a.deadline) - time(b.deadline))[0] ?? null
  );
}

/** The deadline of the step a dossier is waiting for, for its unit; null when it waits for nothing dated. */
export function dossierDeadline<I extends Instant, M extends { key: string; deadline: I }>(
  status: DossierStatus,
  milestones: readonly M[],
  extensions: readonly UnitExtension<I>[],
): { key: MilestoneKey; deadline: I; extendedFrom: I | null } | null {
  const key = STEP_OF_STATUS[status];
  const milestone = key ? milestones.find((m) => m.key === key) : undefined;
  return key && milestone ? { key, ...unitDeadline(milestone, extensions) } : null;
}

/** dd/mm/yyyy hh:mm in Vietnam time (UTC+7 all year), for messages written on the server. */
export function formatVnDateTime(i: Instant): string {
  const vn = new Date(time(i) + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(vn.getUTCDate())}/${p(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()} ${p(vn.getUTCHours())}:${p(vn.getUTCMinutes())}`;
}
