import { AGENCY_ROLES, COUNCIL_ROLES } from "../roles";
import { allow } from "./rules";
import type { Actor, DossierResource, PolicyTable } from "./types";

const ownUnit = (actor: Actor, d: DossierResource) => actor.unitId !== null && actor.unitId === d.unitId;
// A council member from the appraised unit, or one declared in conflict, is recused (DESIGN §1).
const notRecused = (actor: Actor, d: DossierResource) => !isRecused(actor, d);

/** True when the actor is a council-side user with a conflict of interest on this dossier. */
export function isRecused(actor: Actor, d: DossierResource): boolean {
  const councilSide = actor.roles.some((r) => COUNCIL_ROLES.includes(r));
  return councilSide && (d.recusedUserIds.includes(actor.id) || ownUnit(actor, d));
}

/** Dossiers: the unit's own people, the council (unless recused), leadership and the admin. */
export const dossierPolicy = {
  read: [
    allow<DossierResource>(["admin", "leadership"]),
    allow<DossierResource>(AGENCY_ROLES, ownUnit),
    allow<DossierResource>(COUNCIL_ROLES, notRecused),
  ],
  /** Seeing the council's internal work (round scores, notes) on the dossier. */
  readCouncilWork: [
    allow<DossierResource>(["admin", "leadership"]),
    allow<DossierResource>(COUNCIL_ROLES, notRecused),
  ],
} satisfies PolicyTable<DossierResource>;
