import type { Role } from "../roles";
import type { DossierStatus } from "../workflow";

/** Whoever asks: a signed-in user, or null for the public. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  unitId: string | null;
}

export interface PeriodResource {
  type: "period";
  id?: string;
}
export interface DossierResource {
  type: "dossier";
  id: string;
  unitId: string;
  periodId: string;
  status: DossierStatus;
  /** Council members with a conflict of interest on this unit (docs/domain.md §1). */
  recusedUserIds: readonly string[];
}
export interface UnitResource {
  type: "unit";
  id?: string;
}
export interface UserResource {
  type: "user";
  id?: string;
}
export interface IndexSetResource {
  type: "indexSet";
  id?: string;
}

/** A council meeting (docs/architecture.md); `dossier` is the agenda item in question, for per-dossier actions. */
export interface MeetingResource {
  type: "meeting";
  /** Absent when the meeting is yet to be created. */
  id?: string;
  periodId: string;
  status: "planned" | "running" | "ended" | null;
  dossier?: DossierResource;
}

export type Resource =
  | PeriodResource
  | DossierResource
  | UnitResource
  | UserResource
  | IndexSetResource
  | MeetingResource
  | ResultsResource
  | SurveyResource;

/** A rule grants an action to the holders of any listed role, when its predicate (if any) holds. */
export interface Rule<R> {
  roles: readonly Role[] | "any_user";
  when?: (actor: Actor, resource: R) => boolean;
}

export type PolicyTable<R> = Record<string, readonly Rule<R>[]>;

export interface ResultsResource {
  type: "results";
  periodId: string;
  periodStatus: "active" | "archived";
  /** How far the results are published; null before publication. */
  publicationStage: "leadership" | "units" | "public" | null;
}

/**
 * A period's sociological survey (docs/domain.md §3 "Survey points"). Respondents hold no account: their single-use link
 * is their only key, checked by the public routes themselves (token hash), never through `can()`.
 */
export interface SurveyResource {
  type: "survey";
  periodId: string;
  periodStatus: "active" | "archived";
  /** True once the admin locked the period's survey results. */
  locked: boolean;
}
