import { asc, eq, sql } from "drizzle-orm";
import type { DossierResource, DossierStatus } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import { conflicts, dossiers, unitTypes, units } from "../db/schema";
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

/** One dossier with its policy resource, or 404; one query, recusals included (every request checks it, docs/targets.md P7). */
// Every dossier route reads its dossier first, for `can()`: built once per database handle and named, so that
// PostgreSQL plans it once per connection (docs/targets.md P7).
const lookups = new WeakMap<DbOrTx, ReturnType<typeof buildDossierLookup>>();
const buildDossierLookup = (db: DbOrTx) =>
  db
    .select({
      ...columns,
      recused: sql<string[] | null>`(select array_agg(${conflicts.userId}::text) from ${conflicts}
        where ${conflicts.periodId} = ${dossiers.periodId} and ${conflicts.unitId} = ${dossiers.unitId})`,
    })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .innerJoin(unitTypes, eq(unitTypes.id, units.unitTypeId))
    .where(eq(dossiers.id, sql.placeholder("id")))
    .limit(1)
    .prepare("dossier_by_id");
function dossierLookup(db: DbOrTx) {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = buildDossierLookup(db)));
  return lookup;
}

export async function loadDossier(db: DbOrTx, id: string) {
  const [found] = await dossierLookup(db).execute({ id });
  if (!found) throw notFound();
  const { recused, ...row } = found;
  return { row, resource: toDossierResource(row, new Map([[row.unitId, recused ?? []]])) };
}
