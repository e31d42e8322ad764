import { getTableColumns, sql } from "drizzle-orm";
import type { DossierResource, DossierStatus } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";
import { reusedSelect, reusedStatement } from "../db/reusedQuery";
import { notFound } from "../http/errors";
import type { ScoreRow } from "./dossierState";
import { stateOf, stateSelect, type StateRow, type WriteLeaf } from "./scoreWriteStateQuery";

export type { WriteLeaf } from "./scoreWriteStateQuery";
type DossierRow = typeof t.dossiers.$inferSelect;

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

/** Which leaf, score, window and seat a score write reads (loadScoreWriteState). */
export interface ScoreWriteKey {
  dossierId: string;
  leaf: { code: string } | { id: string };
  stage?: ScoreRow["stage"];
  windowKey?: string;
  seatOf?: string;
  /** Also read what admitting the request needs (`admissionOf`). */
  admission?: boolean;
}

/** What a request on a locked dossier is admitted against: its period (the archived guard) and `can()`'s resource. */
export interface Admission {
  period: { id: string; status: string };
  resource: DossierResource;
}

const NO_INDEX_SET = { reason: "no index set for this unit type in the period" };

/**
 * What one official write to one leaf of a dossier needs, in one query (docs/targets.md P7), instead of the whole dossier
 * state: the leaf (by code, or by id for answers) among the scorable leaves of the period's index set for the
 * unit's type, whether it is not applicable, its score at `stage`, the milestone `windowKey` with the dossier's
 * latest extension of it, and the actor's council seat in the period. Run it after `lockAndTouchDossier`.
 */
export async function loadScoreWriteState(tx: DbOrTx, key: ScoreWriteKey) {
  const [row] = await stateQuery(key, false)(tx, valuesOf(key));
  if (!row) throw notFound(NO_INDEX_SET);
  return stateOf(row);
}

/**
 * lockAndTouchDossier and then loadScoreWriteState, in one round trip when it can (docs/performance.md, P7): one
 * statement locks and touches the dossier's row in a WITH and reads the state. All of it reads the snapshot taken
 * when the statement started, so when the lock had to wait for another writer of the dossier, what that writer
 * committed is not in the state read. That writer changed the row (every command that takes the lock touches it
 * before it commits), so the version written is then more than one above the version read: the state is read
 * again, after the lock, as the two statements did. Returns the locked row and the state.
 */
export async function lockAndLoadScoreWriteState(tx: DbOrTx, key: ScoreWriteKey) {
  const now = new Date();
  const [row] = await stateQuery(key, true)(tx, { ...valuesOf(key), now: now.toISOString() });
  if (row && row.lockedVersion === row.dossier.version + 1) {
    const dossier = { ...row.dossier, version: row.lockedVersion, updatedAt: now };
    return { dossier, state: stateOf(row), admission: admissionOf(row) };
  }
  const [fresh] = await stateQuery(key, false)(tx, valuesOf(key));
  if (fresh) return { dossier: fresh.dossier, state: stateOf(fresh), admission: admissionOf(fresh) };
  // No such dossier (404 from the lock), or no index set for its unit type: the transaction rolls back either way.
  await lockAndTouchDossier(tx, key.dossierId);
  throw notFound(NO_INDEX_SET);
}

function admissionOf(row: StateRow): Admission {
  const d = row.dossier;
  return {
    period: { id: d.periodId, status: row.periodStatus ?? "" },
    resource: {
      type: "dossier",
      id: d.id,
      unitId: d.unitId,
      periodId: d.periodId,
      status: d.status as DossierStatus,
      recusedUserIds: row.recused ?? [],
    },
  };
}

function valuesOf({ dossierId, leaf, stage, windowKey, seatOf }: ScoreWriteKey) {
  return {
    dossierId,
    leaf: "code" in leaf ? leaf.code : leaf.id,
    stage: stage ?? "self",
    windowKey: windowKey ?? "",
    seatOf: seatOf ?? "",
  };
}

/** One reused statement per shape of the query (which joins are switched off, whether it locks). */
const stateQueries = new Map<string, ReturnType<typeof reusedSelect<StateRow>>>();

function stateQuery({ leaf, stage, windowKey, seatOf, admission }: ScoreWriteKey, lock: boolean) {
  const shape = [
    "code" in leaf ? (leaf.code.includes("\u0000") ? "none" : "code") : "id",
    stage ? "stage" : "",
    windowKey ? "window" : "",
    seatOf ? "seat" : "",
    lock ? "lock" : "",
    admission ? "admit" : "",
  ].join("_");
  let query = stateQueries.get(shape);
  if (!query)
    stateQueries.set(
      shape,
      (query = reusedSelect(`score_write_state_${shape}`, (qb) =>
        stateSelect(qb, {
          byCode: "code" in leaf,
          noLeaf: shape.startsWith("none"),
          stage,
          windowKey,
          seatOf,
          lock,
          admission,
        }),
      )),
    );
  return query;
}

export type ScoreWriteState = ReturnType<typeof stateOf>;

/** The leaf of a score write, or 404 (as `leafByCode`). */
export function writeLeaf(state: ScoreWriteState, code: string): WriteLeaf {
  if (!state.leaf) throw notFound({ code });
  return state.leaf;
}
