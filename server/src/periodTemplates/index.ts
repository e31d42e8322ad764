import { FRAMEWORK_2026 } from "./framework2026";
import { PLAN_2023 } from "./plan2023";
import type { PeriodTemplate } from "./types";

/** The period templates the admin starts a period from (GET /api/period-templates), newest first. */
export const PERIOD_TEMPLATES: readonly PeriodTemplate[] = [FRAMEWORK_2026, PLAN_2023];

export function findTemplate(key: string): PeriodTemplate | undefined {
  return PERIOD_TEMPLATES.find((t) => t.key === key);
}
