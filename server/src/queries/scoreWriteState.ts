import { and, desc, eq, getTableColumns, notExists, sql, type SQL } from "drizzle-orm";
import { alias, type QueryBuilder } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";
import { reusedSelect, reusedStatement } from "../db/reusedQuery";
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
 * the new row, or 404. The first statement of an official write (docs/targets.md P7): commands on one dossier then run one
 * after another, and the statements after it see what the writer before committed (READ COMMITTED takes a new
 * snapshot per statement). If the command then refuses, the transaction rolls back and the version with it.
 */
export async function lockAndTouchDossier(tx: DbOrTx, dossierId: string): Promise<DossierRow> {
  const [row] = await lockAndTouch(tx, { id: dossierId, now: new Date().toISOString() });
  if (!row) throw notFound();
  return row;
}

// Built once (db/reusedQuery.ts): drizzle's builders cost more than PostgreSQL's work on these two statements.
const lockAndTouch = reusedStatement<DossierRow>(
  "lock_and_touch_dossier",
  getTableColumns(t.dossiers),
  (returning) =>
    sql`update ${t.dossiers} set ${sql.identifier(t.dossiers.version.name)} = ${t.dossiers.version} + 1,
      ${sql.identifier(t.dossiers.updatedAt.name)} = ${sql.placeholder("now")}
      where ${t.dossiers.id} = ${sql.placeholder("id")} returning ${returning}`,
);

/**
 * What one official write to one leaf of a dossier needs, in one query (docs/targets.md P7), instead of the whole dossier
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
  const shape = [
    "code" in leafKey ? (leafKey.code.includes("\u0000") ? "none" : "code") : "id",
    stage ? "stage" : "",
    windowKey ? "window" : "",
    seatOf ? "seat" : "",
  ].join("_");
  let query = stateQueries.get(shape);
  if (!query)
    stateQueries.set(
      shape,
      (query = reusedSelect(`score_write_state_${shape}`, (qb) =>
        stateSelect(qb, {
          byCode: "code" in leafKey,
          noLeaf: shape.startsWith("none"),
          stage,
          windowKey,
          seatOf,
        }),
      )),
    );
  const [row] = await query(tx, {
    dossierId,
    leaf: "code" in leafKey ? leafKey.code : leafKey.id,
    stage: stage ?? "self",
    windowKey: windowKey ?? "",
    seatOf: seatOf ?? "",
  });
  if (!row) throw notFound({ reason: "no index set for this unit type in the period" });
  return stateOf(row);
}

/** One reused statement per shape of the query (which joins are switched off). */
const stateQueries = new Map<string, ReturnType<typeof reusedSelect<StateRow>>>();
type StateRow = ReturnType<typeof stateSelect>["_"]["result"][number];

/**
 * The query of loadScoreWriteState for one shape, its values as placeholders: dossierId, leaf (code or id),
 * stage, windowKey, seatOf.
 */
function stateSelect(
  qb: QueryBuilder,
  opts: { byCode: boolean; noLeaf: boolean; stage?: unknown; windowKey?: unknown; seatOf?: unknown },
) {
  const { stage, windowKey, seatOf } = opts;
  const child = alias(t.indexItems, "child");
  const latest = alias(t.extensions, "latest");
  const none = sql`false`;
  // The same rule as loadDossierState's leaves: items without children, the bonus/penalty groups excluded.
  const leafOn = and(
    eq(t.indexItems.indexSetId, t.periodIndexSets.indexSetId),
    // A code PostgreSQL cannot hold (NUL) names no leaf: 404 where the leaf is checked, as before (docs/targets.md S6).
    opts.byCode
      ? opts.noLeaf
        ? none
        : eq(t.indexItems.code, sql.placeholder("leaf"))
      : eq(t.indexItems.id, sql.placeholder("leaf")),
    sql`${t.indexItems.code} not in ('B', 'P')`,
    notExists(
      qb
        .select({ one: sql`1` })
        .from(child)
        .where(eq(child.parentId, t.indexItems.id)),
    ),
  );
  const on = (cond: SQL | undefined, enabled: unknown) => (enabled ? cond : none);
  // Only the columns the checks read: drizzle builds and maps every selected column on every write.
  return (
    qb
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
            eq(t.scores.stage, sql.placeholder("stage")),
          ),
          stage,
        ),
      )
      .leftJoin(
        t.milestones,
        on(
          and(
            eq(t.milestones.periodId, t.dossiers.periodId),
            eq(t.milestones.key, sql.placeholder("windowKey")),
          ),
          windowKey,
        ),
      )
      // The latest extension of that milestone for this dossier (windowOf reads the first of them by `until` desc).
      .leftJoin(
        t.extensions,
        on(
          eq(
            t.extensions.id,
            sql`(${qb
              .select({ id: latest.id })
              .from(latest)
              .where(
                and(
                  eq(latest.dossierId, t.dossiers.id),
                  eq(latest.milestoneKey, sql.placeholder("windowKey")),
                ),
              )
              .orderBy(desc(latest.until))
              .limit(1)})`,
          ),
          windowKey,
        ),
      )
      .leftJoin(
        t.councilMembers,
        on(
          and(
            eq(t.councilMembers.periodId, t.dossiers.periodId),
            eq(t.councilMembers.userId, sql.placeholder("seatOf")),
          ),
          seatOf,
        ),
      )
      .where(eq(t.dossiers.id, sql.placeholder("dossierId")))
      .limit(1)
  );
}

function stateOf(row: StateRow) {
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
