import { and, desc, eq, notExists, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";
import { notFound } from "../http/errors";
import type { ItemRow, ScoreRow } from "./dossierState";

type DossierRow = typeof t.dossiers.$inferSelect;
/** What a score write reads of its leaf. */
export type WriteLeaf = Pick<
  ItemRow,
  "id" | "code" | "method" | "maxPoints" | "step" | "scoringKind" | "levels" | "quantityRule"
>;

/**
 * Locks the dossier's row for the rest of the transaction and marks it changed (version + 1) in one statement; returns
 * the new row, or 404. The first statement of an official write (TARGETS P7): commands on one dossier then run one
 * after another, and the statements after it see what the writer before committed (READ COMMITTED takes a new
 * snapshot per statement). If the command then refuses, the transaction rolls back and the version with it.
 */
export async function lockAndTouchDossier(tx: DbOrTx, dossierId: string): Promise<DossierRow> {
  const [row] = await tx
    .update(t.dossiers)
    .set({ version: sql`${t.dossiers.version} + 1`, updatedAt: new Date() })
    .where(eq(t.dossiers.id, dossierId))
    .returning()
    .prepare("lock_and_touch_dossier")
    .execute();
  if (!row) throw notFound();
  return row;
}

/**
 * What one official write to one leaf of a dossier needs, in one query (TARGETS P7), instead of the whole dossier
 * state: the leaf (by code, or by id for answers) among the scorable leaves of the period's index set for the
 * unit's type, whether it is not applicable, its score at `stage`, the milestone `windowKey` with the dossier's
 * latest extension of it, and the actor's council seat in the period. Run it after `lockAndTouchDossier`.
 */
export async function loadScoreWriteState(
  tx: DbOrTx,
  {
    dossierId,
    leaf: leafKey,
    stage,
    windowKey,
    seatOf,
  }: {
    dossierId: string;
    leaf: { code: string } | { id: string };
    stage?: ScoreRow["stage"];
    windowKey?: string;
    seatOf?: string;
  },
) {
  const child = alias(t.indexItems, "child");
  const latest = alias(t.extensions, "latest");
  const none = sql`false`;
  // The same rule as loadDossierState's leaves: items without children, the bonus/penalty groups excluded.
  const leafOn = and(
    eq(t.indexItems.indexSetId, t.periodIndexSets.indexSetId),
    // A code PostgreSQL cannot hold (NUL) names no leaf: 404 where the leaf is checked, as before (TARGETS S6).
    "code" in leafKey
      ? leafKey.code.includes("\u0000")
        ? none
        : eq(t.indexItems.code, leafKey.code)
      : eq(t.indexItems.id, leafKey.id),
    sql`${t.indexItems.code} not in ('B', 'P')`,
    notExists(
      tx
        .select({ one: sql`1` })
        .from(child)
        .where(eq(child.parentId, t.indexItems.id)),
    ),
  );
  const on = (cond: SQL | undefined, enabled: unknown) => (enabled ? cond : none);
  // A named statement, one per shape of the query (which joins are switched off): PostgreSQL then plans it once
  // per connection instead of on every write (planning this join costs ~0.6 ms, executing it ~0.06 ms; P7).
  const shape = [
    "code" in leafKey ? (leafKey.code.includes("\u0000") ? "none" : "code") : "id",
    stage ? "stage" : "",
    windowKey ? "window" : "",
    seatOf ? "seat" : "",
  ].join("_");
  // Only the columns the checks read: drizzle builds and maps every selected column on every write.
  const [row] = await tx
    .select({
      periodId: t.dossiers.periodId,
      leafId: t.indexItems.id,
      leafCode: t.indexItems.code,
      leafMethod: t.indexItems.method,
      leafMax: t.indexItems.maxPoints,
      leafStep: t.indexItems.step,
      leafKind: t.indexItems.scoringKind,
      leafLevels: t.indexItems.levels,
      leafRule: t.indexItems.quantityRule,
      notApplicable: t.notApplicable.itemId,
      scoreValue: t.scores.score,
      scoreNote: t.scores.note,
      scoreLevel: t.scores.level,
      scoreFigures: t.scores.figures,
      scoreConfirmed: t.scores.confirmed,
      milestoneKey: t.milestones.key,
      milestoneStartsAt: t.milestones.startsAt,
      milestoneDeadline: t.milestones.deadline,
      extensionKey: t.extensions.milestoneKey,
      extensionUntil: t.extensions.until,
      seatRole: t.councilMembers.role,
      seatAreas: t.councilMembers.areaCodes,
    })
    .from(t.dossiers)
    .innerJoin(t.units, eq(t.units.id, t.dossiers.unitId))
    .innerJoin(
      t.periodIndexSets,
      and(
        eq(t.periodIndexSets.periodId, t.dossiers.periodId),
        eq(t.periodIndexSets.unitTypeId, t.units.unitTypeId),
      ),
    )
    .leftJoin(t.indexItems, leafOn)
    .leftJoin(
      t.notApplicable,
      and(eq(t.notApplicable.dossierId, t.dossiers.id), eq(t.notApplicable.itemId, t.indexItems.id)),
    )
    .leftJoin(
      t.scores,
      on(
        and(
          eq(t.scores.dossierId, t.dossiers.id),
          eq(t.scores.itemId, t.indexItems.id),
          eq(t.scores.stage, stage ?? "self"),
        ),
        stage,
      ),
    )
    .leftJoin(
      t.milestones,
      on(
        and(eq(t.milestones.periodId, t.dossiers.periodId), eq(t.milestones.key, windowKey ?? "")),
        windowKey,
      ),
    )
    // The latest extension of that milestone for this dossier (windowOf reads the first of them by `until` desc).
    .leftJoin(
      t.extensions,
      on(
        eq(
          t.extensions.id,
          sql`(${tx
            .select({ id: latest.id })
            .from(latest)
            .where(and(eq(latest.dossierId, t.dossiers.id), eq(latest.milestoneKey, windowKey ?? "")))
            .orderBy(desc(latest.until))
            .limit(1)})`,
        ),
        windowKey,
      ),
    )
    .leftJoin(
      t.councilMembers,
      on(
        and(eq(t.councilMembers.periodId, t.dossiers.periodId), eq(t.councilMembers.userId, seatOf ?? "")),
        seatOf,
      ),
    )
    .where(eq(t.dossiers.id, dossierId))
    .limit(1)
    .prepare(`score_write_state_${shape}`)
    .execute();
  if (!row) throw notFound({ reason: "no index set for this unit type in the period" });
  const leaf: WriteLeaf | null =
    row.leafId === null
      ? null
      : {
          id: row.leafId,
          code: row.leafCode!,
          method: row.leafMethod!,
          maxPoints: row.leafMax!,
          step: row.leafStep!,
          scoringKind: row.leafKind!,
          levels: row.leafLevels,
          quantityRule: row.leafRule,
        };
  return {
    periodId: row.periodId,
    leaf,
    notApplicable: row.notApplicable !== null,
    score:
      row.scoreValue === null
        ? null
        : {
            score: row.scoreValue,
            level: row.scoreLevel,
            figures: row.scoreFigures,
            note: row.scoreNote!,
            confirmed: row.scoreConfirmed!,
          },
    milestones:
      row.milestoneKey === null
        ? []
        : [{ key: row.milestoneKey, startsAt: row.milestoneStartsAt, deadline: row.milestoneDeadline! }],
    extensions:
      row.extensionKey === null ? [] : [{ milestoneKey: row.extensionKey, until: row.extensionUntil! }],
    seat: row.seatRole === null ? null : { role: row.seatRole, areaCodes: row.seatAreas! },
  };
}

export type ScoreWriteState = Awaited<ReturnType<typeof loadScoreWriteState>>;

/** The leaf of a score write, or 404 (as `leafByCode`). */
export function writeLeaf(state: ScoreWriteState, code: string): WriteLeaf {
  if (!state.leaf) throw notFound({ code });
  return state.leaf;
}
