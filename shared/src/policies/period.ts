import { COUNCIL_ROLES } from "../roles";
import { allow } from "./rules";
import type { PeriodResource, PolicyTable } from "./types";

/** Periods and their timelines: everyone signed in reads them; only the admin moves milestones. */
export const periodPolicy = {
  read: [allow<PeriodResource>("any_user")],
  updateMilestone: [allow<PeriodResource>(["admin"])],
  /** Which index set the period applies to each unit type: the admin's configuration. */
  assignIndexSet: [allow<PeriodResource>(["admin"])],
  /** A new period, from a template or from last year's, and the templates to start one from: the admin's. */
  create: [allow<PeriodResource>(["admin"])],
  listAllDossiers: [allow<PeriodResource>(["admin", "leadership", ...COUNCIL_ROLES])],
  /** The provisional ranking is built from council work: not for agencies before publication. */
  readRanking: [allow<PeriodResource>(["admin", "leadership", ...COUNCIL_ROLES])],
  /** The progress monitor and reminders are the admin's. */
  monitorProgress: [allow<PeriodResource>(["admin"])],
  /** Who sits on the council and which areas they appraise: read by the council side, managed by the admin. */
  readCouncil: [allow<PeriodResource>(["admin", "leadership", ...COUNCIL_ROLES])],
  manageCouncil: [allow<PeriodResource>(["admin"])],
  /** The council's agreement on a unit type's ranking (step 9's result): recorded by the chair or the admin. */
  recordAgreement: [allow<PeriodResource>(["admin", "council_chair"])],
  readAgreements: [allow<PeriodResource>(["admin", "leadership", ...COUNCIL_ROLES])],
  /** Quotas, caps and ties at quota cuts: read by the council side, as the ranking is. */
  readClassification: [allow<PeriodResource>(["admin", "leadership", ...COUNCIL_ROLES])],
  /** The period's quotas and tie-break order are configuration: the admin's. */
  configureClassification: [allow<PeriodResource>(["admin"])],
  /** Capping a unit's band and settling a tie at a quota's cut are the council's decisions, recorded by the chair. */
  decideClassification: [allow<PeriodResource>(["council_chair"])],
} satisfies PolicyTable<PeriodResource>;
