import { AGENCY_ROLES, COUNCIL_ROLES, hasAnyRole, type Role } from "@ca/shared";

/**
 * What a person mainly does here, which picks their navigation and landing page. Only the menu depends on
 * it: what they may see and change is answered by the server (`abilities`), never re-derived here.
 */
export type Persona = "admin" | "council" | "leadership" | "agency";

// When someone holds several roles, the broadest duty wins the landing page.
const ROLE_PRIORITY: readonly Role[] = [
  "admin",
  "council_chair",
  "council_member",
  "working_group",
  "leadership",
  "agency_head",
  "agency_editor",
];

/** The role that names the landing page (`data-testid="landing-<role>"`). */
export function primaryRole(roles: readonly Role[]): Role {
  return ROLE_PRIORITY.find((r) => roles.includes(r)) ?? roles[0] ?? "leadership";
}

/** The persona of a set of roles. */
export function personaOf(roles: readonly Role[]): Persona {
  if (roles.includes("admin")) return "admin";
  if (hasAnyRole(roles, COUNCIL_ROLES)) return "council";
  if (roles.includes("leadership")) return "leadership";
  if (hasAnyRole(roles, AGENCY_ROLES)) return "agency";
  return "leadership";
}

export type NavKey =
  | "dossiers"
  | "timeline"
  | "progress"
  | "ranking"
  | "meetings"
  | "dashboard"
  | "survey"
  | "results"
  | "responsibility"
  | "units"
  | "accounts"
  | "indexSets"
  | "classification"
  | "setup";

/** The side navigation of a persona, in order. The provisional ranking is council work: not for agencies. */
export function navOf(persona: Persona): NavKey[] {
  switch (persona) {
    case "admin":
      return [
        "dossiers",
        "timeline",
        "progress",
        "ranking",
        "classification",
        "meetings",
        "dashboard",
        "survey",
        "results",
        "responsibility",
        "setup",
        "units",
        "accounts",
        "indexSets",
      ];
    case "council":
      return [
        "dossiers",
        "timeline",
        "ranking",
        "classification",
        "meetings",
        "dashboard",
        "results",
        "responsibility",
      ];
    case "leadership":
      return ["dashboard", "dossiers", "timeline", "ranking", "meetings", "results", "responsibility"];
    case "agency":
      return ["dossiers", "timeline", "results"];
  }
}

/** Where a nav entry points; period pages need the selected period. */
export function pathOf(key: NavKey, periodId: string | null): string {
  switch (key) {
    case "dossiers":
      return periodId ? `/periods/${periodId}/dossiers` : "/";
    case "timeline":
      return periodId ? `/periods/${periodId}/timeline` : "/";
    case "progress":
      return periodId ? `/periods/${periodId}/progress` : "/";
    case "ranking":
      return periodId ? `/periods/${periodId}/ranking` : "/";
    case "meetings":
      return periodId ? `/periods/${periodId}/meetings` : "/";
    case "dashboard":
      return periodId ? `/periods/${periodId}/dashboard` : "/";
    case "survey":
      return periodId ? `/periods/${periodId}/survey` : "/";
    case "results":
      return periodId ? `/periods/${periodId}/results` : "/";
    case "responsibility":
      return periodId ? `/periods/${periodId}/responsibility` : "/";
    case "units":
      return "/units";
    case "accounts":
      return "/accounts";
    case "indexSets":
      return "/index-sets";
    case "classification":
      return periodId ? `/periods/${periodId}/classification` : "/";
    case "setup":
      return "/setup";
  }
}
