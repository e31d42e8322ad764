/** Every role the platform knows (docs/domain.md §1). A user may hold several. */
export const ROLES = [
  "admin",
  "council_chair",
  "council_member",
  "working_group",
  "agency_editor",
  "agency_head",
  "leadership",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work on behalf of the appraisal council (they see council work). */
export const COUNCIL_ROLES: readonly Role[] = ["council_chair", "council_member", "working_group"];
/** Roles that belong to an appraised unit (they see only their own unit's dossier). */
export const AGENCY_ROLES: readonly Role[] = ["agency_editor", "agency_head"];

/** True when the role list contains any of the wanted roles. */
export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}
