import type { TPeriod } from "@ca/shared";

/** The steps in which someone has work to do while their window is open (the preparatory ones are not a dossier's). */
const WORK_STEPS = new Set([
  "survey",
  "self_assessment",
  "round1",
  "explanation",
  "round2",
  "meeting",
  "publication",
]);

/**
 * The default period: a remembered one that still exists; else the period where a working window is open now — an
 * official one first, else a training one (its banner says it is practice); else the official period whose timeline
 * is still running; else the newest active official one. Nobody lands on a closed year while work waits elsewhere.
 */
export function pickDefaultPeriod(
  periods: readonly TPeriod[],
  remembered: string | null,
  now = new Date(),
): string | null {
  if (remembered && periods.some((p) => p.id === remembered)) return remembered;
  const byYear = [...periods].sort((a, b) => b.year - a.year);
  const t = now.getTime();
  const running = (p: TPeriod) => p.milestones.some((m) => Date.parse(m.deadline) > t);
  const openNow = (p: TPeriod) =>
    p.status === "active" &&
    p.milestones.some(
      (m) =>
        WORK_STEPS.has(m.key) &&
        (m.startsAt === null || Date.parse(m.startsAt) <= t) &&
        Date.parse(m.deadline) > t,
    );
  return (
    byYear.find((p) => p.kind === "official" && openNow(p))?.id ??
    byYear.find((p) => p.kind === "training" && openNow(p))?.id ??
    byYear.find((p) => p.kind === "official" && p.status === "active" && running(p))?.id ??
    byYear.find((p) => p.kind === "official" && p.status === "active")?.id ??
    byYear.find((p) => p.status === "active")?.id ??
    byYear[0]?.id ??
    null
  );
}
