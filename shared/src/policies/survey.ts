import { COUNCIL_ROLES } from "../roles";
import { allow } from "./rules";
import type { Actor, PolicyTable } from "./types";

/**
 * A period's sociological survey (DESIGN §3 "Survey points"). Respondents hold no account: their single-use link
 * is their only key, checked by the public routes themselves (token hash), never through `can()`.
 */
export interface SurveyResource {
  type: "survey";
  periodId: string;
  periodStatus: "active" | "archived";
  /** True once the admin locked the period's survey results. */
  locked: boolean;
}

const open = (_a: Actor, r: SurveyResource) => r.periodStatus === "active" && !r.locked;

/**
 * The admin builds questionnaires, keeps respondent lists (names, e-mails: personal data, admin only) and locks the
 * results; staff (admin, working group) type in paper forms; leadership and the council read the aggregated
 * results and their export, which never carry a respondent.
 */
export const surveyPolicy = {
  read: [allow<SurveyResource>(["admin", "working_group"])],
  manage: [allow<SurveyResource>(["admin"], open)],
  readRespondents: [allow<SurveyResource>(["admin"])],
  manageRespondents: [allow<SurveyResource>(["admin"], open)],
  enterPaper: [allow<SurveyResource>(["admin", "working_group"], open)],
  readResults: [allow<SurveyResource>(["admin", "leadership", ...COUNCIL_ROLES])],
  exportResults: [allow<SurveyResource>(["admin", "leadership"])],
  lock: [allow<SurveyResource>(["admin"], open)],
} satisfies PolicyTable<SurveyResource>;
