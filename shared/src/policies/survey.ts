import { COUNCIL_ROLES } from "../roles";
import { allow } from "./rules";
import type { Actor, PolicyTable, SurveyResource } from "./types";

export type { SurveyResource } from "./types";

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
