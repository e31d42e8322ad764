import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { DossierResource, DossierStatus } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import { comments, conflicts, dossiers, periods, unitTypes, units } from "../db/schema";
import { notFound } from "../http/errors";

export interface DossierListRow {
  id: string;
  periodId: string;
  unitId: string;
  status: string;
  version: number;
  updatedAt: Date;
  unitCode: string;
  unitName: string;
  unitTypeCode: string;
  unitSort: number;
}

const columns = {
  id: dossiers.id,
  periodId: dossiers.periodId,
  unitId: dossiers.unitId,
  status: dossiers.status,
  version: dossiers.version,
  updatedAt: dossiers.updatedAt,
  unitCode: units.code,
  unitName: units.name,
  unitTypeCode: unitTypes.code,
  unitSort: units.sortOrder,
};

/** Declared conflicts of a period, as unit id → recused user ids. */
async function recusalsOf(db: DbOrTx, periodId: string): Promise<Map<string, string[]>> {
  const rows = await db.select().from(conflicts).where(eq(conflicts.periodId, periodId));
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.unitId, [...(map.get(r.unitId) ?? []), r.userId]);
  return map;
}

/** The policy's view of a dossier row: who owns it and who is recused on it. */
export function toDossierResource(row: DossierListRow, recused: Map<string, string[]>): DossierResource {
  return {
    type: "dossier",
    id: row.id,
    unitId: row.unitId,
    periodId: row.periodId,
    status: row.status as DossierStatus,
    recusedUserIds: recused.get(row.unitId) ?? [],
  };
}

/** Every dossier of a period with its policy resource; callers filter with `can()`, never in SQL. */
export async function listDossiersOfPeriod(db: DbOrTx, periodId: string) {
  const rows = await db
    .select(columns)
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .innerJoin(unitTypes, eq(unitTypes.id, units.unitTypeId))
    .where(eq(dossiers.periodId, periodId))
    .orderBy(asc(unitTypes.sortOrder), asc(units.sortOrder), asc(units.name));
  const recused = await recusalsOf(db, periodId);
  return rows.map((row) => ({ row, resource: toDossierResource(row, recused) }));
}

// Every dossier route reads its dossier first, for `can()`, by its id or by one of its comments: built once per
// database handle and named, so that PostgreSQL plans it once per connection (docs/targets.md P7).
const lookups = new WeakMap<DbOrTx, ReturnType<typeof buildDossierLookups>>();
const buildDossierLookups = (db: DbOrTx) => {
  const lookup = (where: SQL) =>
    db
      .select({
        ...columns,
        recused: sql<string[] | null>`(select array_agg(${conflicts.userId}::text) from ${conflicts}
          where ${conflicts.periodId} = ${dossiers.periodId} and ${conflicts.unitId} = ${dossiers.unitId})`,
        periodStatus: periods.status,
      })
      .from(dossiers)
      .innerJoin(units, eq(units.id, dossiers.unitId))
      .innerJoin(unitTypes, eq(unitTypes.id, units.unitTypeId))
      .innerJoin(periods, eq(periods.id, dossiers.periodId))
      .where(where)
      .limit(1);
  return {
    byId: lookup(eq(dossiers.id, sql.placeholder("id"))).prepare("dossier_by_id"),
    byComment: lookup(
      eq(
        dossiers.id,
        sql`(select ${comments.dossierId} from ${comments} where ${comments.id} = ${sql.placeholder("id")})`,
      ),
    ).prepare("dossier_by_comment"),
  };
};
function dossierLookups(db: DbOrTx) {
  let found = lookups.get(db);
  if (!found) lookups.set(db, (found = buildDossierLookups(db)));
  return found;
}

/**
 * One dossier with its policy resource and its period's status (the archived guard's question), or null: by its
 * id, or by the id of one of its comments. One query, recusals included (every request on a dossier reads it,
 * docs/targets.md P7).
 */
export async function findDossier(db: DbOrTx, id: string, by: "id" | "comment" = "id") {
  const lookup = dossierLookups(db);
  const [found] = await (by === "id" ? lookup.byId : lookup.byComment).execute({ id });
  if (!found) return null;
  const { recused, periodStatus, ...row } = found;
  return {
    row,
    resource: toDossierResource(row, new Map([[row.unitId, recused ?? []]])),
    period: { id: row.periodId, status: periodStatus },
  };
}

export type FoundDossier = NonNullable<Awaited<ReturnType<typeof findDossier>>>;

/** One dossier with its policy resource, or 404 (findDossier). */
export async function loadDossier(db: DbOrTx, id: string): Promise<FoundDossier> {
  const found = await findDossier(db, id);
  if (!found) throw notFound();
  return found;
}
