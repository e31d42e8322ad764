import { centiToNumber, type TMilestone, type TPeriod } from "@ca/shared";
import type { milestones, periods } from "../db/schema";
import type { PeriodRules } from "../queries/periods";

type PeriodRow = typeof periods.$inferSelect;
type MilestoneRow = typeof milestones.$inferSelect;

/** A milestone with its window as ISO instants. */
export function presentMilestone(m: MilestoneRow): TMilestone {
  return {
    key: m.key as TMilestone["key"],
    label: m.label,
    labelEn: m.labelEn,
    startsAt: m.startsAt ? m.startsAt.toISOString() : null,
    deadline: m.deadline.toISOString(),
    order: m.sortOrder,
  };
}

/** A period with its timeline and classification bands. */
export function presentPeriod(p: PeriodRow, ms: MilestoneRow[]): TPeriod {
  const rules = p.rules as PeriodRules;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    year: p.year,
    kind: p.kind,
    timezone: p.timezone,
    status: p.status,
    milestones: [...ms].sort((a, b) => a.sortOrder - b.sortOrder).map(presentMilestone),
    classificationBands: rules.classificationBands.map((b) => ({
      code: b.code,
      label: b.label,
      labelEn: b.labelEn,
      // A percentage like every index of the API (stored in hundredths of a percent, as the engine computes).
      minIndex: centiToNumber(b.minIndex),
    })),
  };
}
