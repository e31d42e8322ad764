import { allow } from "./rules";
import type { PeriodResource, PolicyTable } from "./types";

/** Periods and their timelines: everyone signed in reads them; only the admin moves milestones. */
export const periodPolicy = {
  read: [allow<PeriodResource>("any_user")],
  updateMilestone: [allow<PeriodResource>(["admin"])],
  listAllDossiers: [allow<PeriodResource>(["admin", "leadership", "council_chair", "council_member", "working_group"])],
} satisfies PolicyTable<PeriodResource>;
