import { arrayOverlaps, and, isNull } from "drizzle-orm";
import { COUNCIL_ROLES, isRecused, type KindedLeaf } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import { users } from "../db/schema";
import { loadDossierState, type DossierState } from "./dossierState";

/** A leaf as the meeting judges proposals for it (with its scoring kind, rubric or rule). */
export interface MeetingLeaf extends KindedLeaf {
  id: string;
  code: string;
  area: string;
  title: string;
  maxPoints: number;
  step: number;
  method: string;
  kind: string;
  applicable: boolean;
}

/** What judging a dossier's proposals needs, loaded once per document (see loadProjectionContext). */
export interface ProjectionContext {
  meetingId: string;
  dossierId: string;
  periodId: string;
  leaves: Map<string, MeetingLeaf>;
  /** Locked leaves and their agreed scores (hundredths). */
  locked: Map<string, number>;
  /** Council-side users who may propose on this dossier (not recused): judges proposals loaded from storage. */
  proposers: Set<string>;
}

/** The leaves of a dossier as the meeting sees them, with each leaf's area code. */
export function meetingLeavesOf(state: DossierState): Map<string, MeetingLeaf> {
  return new Map(
    state.leaves.map((l) => [
      l.code,
      {
        id: l.id,
        code: l.code,
        area: l.code.split(".")[0],
        title: l.title,
        maxPoints: l.maxPoints,
        step: l.step,
        method: l.method,
        kind: l.kind,
        scoringKind: l.scoringKind,
        levels: l.levels,
        quantityRule: l.quantityRule,
        applicable: !state.notApplicable.has(l.id),
      },
    ]),
  );
}

/** The agreed scores of a dossier, by leaf code: its locked leaves. */
export function agreedOf(state: DossierState): Map<string, number> {
  const codeOf = new Map(state.leaves.map((l) => [l.id, l.code]));
  const out = new Map<string, number>();
  for (const s of state.scores)
    if (s.stage === "agreed" && codeOf.has(s.itemId)) out.set(codeOf.get(s.itemId)!, s.score);
  return out;
}

/** Everything judging one dossier's proposals in one meeting needs (see judgeAdjustment). */
export async function loadProjectionContext(
  db: DbOrTx,
  meetingId: string,
  dossierId: string,
): Promise<{ ctx: ProjectionContext; state: DossierState }> {
  const state = await loadDossierState(db, dossierId);
  const council = await db
    .select({ id: users.id, roles: users.roles, unitId: users.unitId })
    .from(users)
    .where(and(arrayOverlaps(users.roles, [...COUNCIL_ROLES]), isNull(users.disabledAt)));
  const proposers = new Set(
    council
      .filter((u) => !isRecused({ id: u.id, roles: u.roles as never, unitId: u.unitId }, state.resource))
      .map((u) => u.id),
  );
  return {
    state,
    ctx: {
      meetingId,
      dossierId,
      periodId: state.dossier.periodId,
      leaves: meetingLeavesOf(state),
      locked: agreedOf(state),
      proposers,
    },
  };
}
