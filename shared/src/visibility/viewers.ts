import { isRecused } from "../policies/dossier";
import type { Actor, DossierResource } from "../policies/types";
import { AGENCY_ROLES, COUNCIL_ROLES } from "../roles";

/**
 * Who looks at a dossier, as far as what they may see of it goes (docs/visibility.md). Derived from the actor and
 * the dossier, never stored: the same person is `member` on one dossier and `recused` on their own unit's.
 */
export const VIEWER_CLASSES = [
  "admin",
  "leadership",
  "chair",
  "member",
  "workingGroup",
  /** A council-side user with a conflict of interest on this dossier (their own unit, or a declared conflict). */
  "recused",
  /** An editor or head of the dossier's own unit. */
  "ownAgency",
  /** Anyone signed in with no part in this dossier: another unit's people, an account with no role. */
  "otherAgency",
  /** No session. */
  "public",
] as const;
export type ViewerClass = (typeof VIEWER_CLASSES)[number];

/** The viewer classes that read the council's work (every stage as written, internal notes, authors). */
export const COUNCIL_VIEWERS: readonly ViewerClass[] = [
  "admin",
  "leadership",
  "chair",
  "member",
  "workingGroup",
];

/** The viewer class of an actor (null: the public) for one dossier. */
export function viewerClassOf(
  actor: Actor | null,
  dossier: Pick<DossierResource, "unitId" | "recusedUserIds">,
): ViewerClass {
  if (!actor) return "public";
  if (actor.roles.includes("admin")) return "admin";
  if (actor.roles.includes("leadership")) return "leadership";
  const ownAgency =
    actor.unitId !== null &&
    actor.unitId === dossier.unitId &&
    actor.roles.some((r) => AGENCY_ROLES.includes(r));
  if (actor.roles.some((r) => COUNCIL_ROLES.includes(r))) {
    // A head of the unit who also sits on the council sees their dossier as their unit does, no more.
    if (isRecused(actor, dossier)) return ownAgency ? "ownAgency" : "recused";
    if (actor.roles.includes("council_chair")) return "chair";
    if (actor.roles.includes("council_member")) return "member";
    return "workingGroup";
  }
  return ownAgency ? "ownAgency" : "otherAgency";
}
