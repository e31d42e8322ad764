import { and, desc, eq, getTableColumns, notExists, sql, type SQL } from "drizzle-orm";
import { alias, type QueryBuilder } from "drizzle-orm/pg-core";
import * as t from "../db/schema";
import type { ItemRow } from "./dossierState";

/** What a score write reads of its leaf. */
export type WriteLeaf = Pick<
  ItemRow,
  "id" | "code" | "method" | "maxPoints" | "step" | "scoringKind" | "levels" | "quantityRule"
>;

/** A row of the query of loadScoreWriteState (queries/scoreWriteState.ts). */
export type StateRow = ReturnType<typeof stateSelect>["_"]["result"][number];

/** Which joins of the query are switched on, and whether it takes the dossier's lock first. */
export interface StateShape {
  byCode: boolean;
  noLeaf: boolean;
  stage?: unknown;
  windowKey?: unknown;
  seatOf?: unknown;
  lock?: boolean;
  /** Also what admitting the request needs: the period's status and who is recused on the dossier. */
  admission?: boolean;
}

/**
 * The query of loadScoreWriteState for one shape, its values as placeholders: dossierId, leaf (code or id),
 * stage, windowKey, seatOf, and `now` when it locks. It returns the dossier's row as this statement's snapshot
 * saw it. With `lock`, a WITH first locks the dossier's row and marks it changed (version + 1, updated_at = now),
 * as lockAndTouchDossier does, and `lockedVersion` is the version it wrote; without, `lockedVersion` is null.
 */
export function stateSelect(qb: QueryBuilder, opts: StateShape) {
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
  const locked = qb.$with("locked", {}).as(
    sql`update ${t.dossiers} set ${sql.identifier(t.dossiers.version.name)} = ${t.dossiers.version} + 1,
      ${sql.identifier(t.dossiers.updatedAt.name)} = ${sql.placeholder("now")}
      where ${t.dossiers.id} = ${sql.placeholder("dossierId")} returning ${sql.identifier(t.dossiers.version.name)}`,
  );
  const lockedVersion = (
    opts.lock ? sql`(select ${sql.identifier("version")} from ${locked})` : sql`null::integer`
  ).as("locked_version") as SQL.Aliased<number | null>;
  // Only the columns the checks read: drizzle maps every selected column on every write.
  const fields = {
    dossier: getTableColumns(t.dossiers),
    lockedVersion,
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
    // The same two reads as findDossier's (queries/dossiers.ts), for a command that admits its request itself.
    periodStatus: (opts.admission
      ? sql`(select ${t.periods.status} from ${t.periods} where ${t.periods.id} = ${t.dossiers.periodId})`
      : sql`null`
    ).as("period_status") as SQL.Aliased<string | null>,
    recused: (opts.admission
      ? sql`(select array_agg(${t.conflicts.userId}::text) from ${t.conflicts}
          where ${t.conflicts.periodId} = ${t.dossiers.periodId} and ${t.conflicts.unitId} = ${t.dossiers.unitId})`
      : sql`null`
    ).as("recused") as SQL.Aliased<string[] | null>,
  };
  return (
    (opts.lock ? qb.with(locked).select(fields) : qb.select(fields))
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

/** What the checks of a score write read, from a row of the query. */
export function stateOf(row: StateRow) {
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
