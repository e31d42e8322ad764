import { AGENCY_ROLES, COUNCIL_ROLES } from "../roles";
import type { DossierStatus } from "../workflow";
import { allow } from "./rules";
import type { Actor, DossierResource, PolicyTable } from "./types";

const ownUnit = (actor: Actor, d: Pick<DossierResource, "unitId">) =>
  actor.unitId !== null && actor.unitId === d.unitId;
// A council member from the appraised unit, or one declared in conflict, is recused (docs/domain.md §1).
const notRecused = (actor: Actor, d: DossierResource) => !isRecused(actor, d);
const inStatus =
  (...statuses: DossierStatus[]) =>
  (_actor: Actor, d: DossierResource) =>
    statuses.includes(d.status);
const both =
  (...preds: ((a: Actor, d: DossierResource) => boolean)[]) =>
  (a: Actor, d: DossierResource) =>
    preds.every((p) => p(a, d));

/** True when the actor is a council-side user with a conflict of interest on this dossier. */
export function isRecused(actor: Actor, d: Pick<DossierResource, "unitId" | "recusedUserIds">): boolean {
  const councilSide = actor.roles.some((r) => COUNCIL_ROLES.includes(r));
  return councilSide && (d.recusedUserIds.includes(actor.id) || ownUnit(actor, d));
}

/**
 * Dossiers: the unit's own people, the council (unless recused), leadership and the admin read them; each step of
 * the workflow (docs/domain.md §2) belongs to one role at one state. Time windows are checked by the commands, which give
 * a clearer error ("window closed") than a refusal would.
 */
export const dossierPolicy = {
  read: [
    allow<DossierResource>(["admin", "leadership"]),
    allow<DossierResource>(AGENCY_ROLES, ownUnit),
    allow<DossierResource>(COUNCIL_ROLES, notRecused),
  ],
  /** Seeing the council's internal work (round scores before release, internal notes). */
  readCouncilWork: [
    allow<DossierResource>(["admin", "leadership"]),
    allow<DossierResource>(COUNCIL_ROLES, notRecused),
  ],
  /** Step 6: score the leaves and upload evidence. The head holds every right of the editor. */
  editSelf: [allow<DossierResource>(AGENCY_ROLES, both(ownUnit, inStatus("draft")))],
  /** Step 6: submit (chốt) the self-assessment with the signed report. */
  submitSelf: [allow<DossierResource>(["agency_head"], both(ownUnit, inStatus("draft")))],
  /** Steps 7 and 9: appraise leaves (round 1 after submission, round 2 after the explanation). */
  review: [allow<DossierResource>(COUNCIL_ROLES, both(notRecused, inStatus("self_submitted", "explained")))],
  /** Closes round 1 or round 2 of the dossier. */
  closeRound: [
    allow<DossierResource>(["admin"], inStatus("self_submitted", "explained")),
    allow<DossierResource>(["council_chair"], both(notRecused, inStatus("self_submitted", "explained"))),
  ],
  /** Step 8: answer the council's requests for explanation. */
  answer: [allow<DossierResource>(AGENCY_ROLES, both(ownUnit, inStatus("round1_done")))],
  /** Step 8: submit the explanation with the signed explanation report. */
  submitExplanation: [allow<DossierResource>(["agency_head"], both(ownUnit, inStatus("round1_done")))],
  /** Step 9: mark a request for explanation resolved (a council decision; the working group only drafts). */
  resolve: [
    allow<DossierResource>(["council_chair", "council_member"], both(notRecused, inStatus("explained"))),
  ],
  /** Marks a leaf not applicable to this unit, or applicable again (its maximum leaves the index), before the meeting. */
  setApplicability: [
    allow<DossierResource>(["admin"], inStatus("draft", "self_submitted", "round1_done", "explained")),
    allow<DossierResource>(
      ["council_chair"],
      both(notRecused, inStatus("draft", "self_submitted", "round1_done", "explained")),
    ),
  ],
  /** Extends this unit's window (audited, with a reason). */
  grantExtension: [allow<DossierResource>(["admin"])],
} satisfies PolicyTable<DossierResource>;
