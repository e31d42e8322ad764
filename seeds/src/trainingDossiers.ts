import { asc, eq, inArray, sql } from "drizzle-orm";
import { centiToNumber, figuresToView, type Role } from "@ca/shared";
import { type DbOrTx, t } from "@ca/server/src/seedApi";
import { trainingStageOf } from "./data/trainingStages";
import { sampleRecord } from "./sampleKinds";

/*
 * What the training sample (sampleTraining.ts) works on: the dossiers to bring on with their leaves, the council,
 * and the answers people give.
 */

/** A leaf of an index set, as stored. */
export type Leaf = typeof t.indexItems.$inferSelect;
/** Someone the sample acts as. */
export interface Person {
  id: string;
  username: string;
  roles: readonly Role[];
}
/** The demo council as the training sample's reviewers (SAMPLE_COUNCIL's seats). */
export interface TrainingCouncil {
  chair: Person;
  /** Sở Tài chính's member: area 5 (SAMPLE_COUNCIL). */
  finance: Person;
  /** Sở Nội vụ's member: areas 3 and 4. */
  home: Person;
  wg: Person;
}

/** The answer a person gives on a leaf for the points they would type, as the API carries it (decimals). */
export function answerFor(leaf: Leaf, typed: number, draw: number) {
  const r = sampleRecord(leaf, typed, draw);
  if (r.level) return { level: r.level };
  if (r.figures) return { figures: figuresToView(r.figures) };
  return { score: centiToNumber(r.score) };
}

/** The period's dossiers of the units that rehearse (by unit code, in a fixed order) and each one's leaves. */
export async function dossiersToBring(tx: DbOrTx, periodId: string) {
  const rows = await tx
    .select({
      id: t.dossiers.id,
      unitId: t.units.id,
      code: t.units.code,
      name: t.units.name,
      typeId: t.units.unitTypeId,
      // The agenda's order: by unit type, then as the units are listed.
      listed: sql<number>`${t.unitTypes.sortOrder} * 1000 + ${t.units.sortOrder}`,
    })
    .from(t.dossiers)
    .innerJoin(t.units, eq(t.units.id, t.dossiers.unitId))
    .innerJoin(t.unitTypes, eq(t.unitTypes.id, t.units.unitTypeId))
    .where(eq(t.dossiers.periodId, periodId));
  // In code-unit order (not the database's collation): every load runs the same commands in the same order.
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const links = await tx.select().from(t.periodIndexSets).where(eq(t.periodIndexSets.periodId, periodId));
  const items = await tx
    .select()
    .from(t.indexItems)
    .where(
      inArray(
        t.indexItems.indexSetId,
        links.map((l) => l.indexSetId),
      ),
    )
    .orderBy(asc(t.indexItems.sortOrder));
  const parents = new Set(items.map((i) => i.parentId));
  const leavesOf = (typeId: string) => {
    const setId = links.find((l) => l.unitTypeId === typeId)!.indexSetId;
    return items.filter((i) => i.indexSetId === setId && !parents.has(i.id) && i.method !== "survey");
  };
  return rows.flatMap((r) => {
    const stage = trainingStageOf(r.code);
    return stage ? [{ ...r, stage, leaves: leavesOf(r.typeId) }] : [];
  });
}
