import { AGENCY_ROLES, COUNCIL_ROLES } from "../roles";
import { allow } from "./rules";
import type { Actor, PolicyTable, ResultsResource } from "./types";

export type { ResultsResource } from "./types";

/** A period's results: their publication, exports, the heads' and deputies' report, and the period's lifecycle. */

const STAGE_ORDER = { leadership: 1, units: 2, public: 3 } as const;
const reached =
  (stage: keyof typeof STAGE_ORDER) =>
  (_actor: Actor, r: ResultsResource): boolean =>
    r.publicationStage !== null && STAGE_ORDER[r.publicationStage] >= STAGE_ORDER[stage];
const active = (_actor: Actor, r: ResultsResource) => r.periodStatus === "active";

/**
 * The public (no session) sees a period's results only once the admin published them to everyone; `can()` holds
 * no rule for a null actor, so the public route asks this one question instead.
 */
export function isPublishedToPublic(r: ResultsResource): boolean {
  return r.publicationStage === "public";
}

/**
 * Results (docs/domain.md §1, §2 step 10): the admin publishes in stages; leadership and the council read the published
 * results from the first stage, the appraised units from the second, everyone from the third. The exports carry
 * every stage of every unit (council work included), so they are the admin's and leadership's only: a recused
 * council member must not get the conflicted unit's council work through a spreadsheet (docs/targets.md S3).
 */
export const resultsPolicy = {
  /** Where the publication stands (stage and dates) is no secret to anyone signed in; what blocks it is the admin's. */
  readPublication: [allow<ResultsResource>("any_user")],
  publish: [allow<ResultsResource>(["admin"], active)],
  readPublished: [
    allow<ResultsResource>(["admin"]),
    allow<ResultsResource>(["leadership", ...COUNCIL_ROLES], reached("leadership")),
    allow<ResultsResource>(AGENCY_ROLES, reached("units")),
  ],
  export: [allow<ResultsResource>(["admin", "leadership"])],
  /** The heads' and deputies' report of the whole period, for the meeting and for emulation and rewards. */
  readResponsibility: [allow<ResultsResource>(["admin", "leadership", ...COUNCIL_ROLES])],
  /** Exported with every unit's leaders: same audience as the other exports. */
  exportResponsibility: [allow<ResultsResource>(["admin", "leadership"])],
  updateRules: [allow<ResultsResource>(["admin"], active)],
  clone: [allow<ResultsResource>(["admin"])],
  archive: [allow<ResultsResource>(["admin"], active)],
} satisfies PolicyTable<ResultsResource>;
