import { eq, inArray } from "drizzle-orm";
import type { DossierStatus } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";
import { listDossiersOfPeriod } from "./dossiers";
import type { DossierState, ScoreRow } from "./dossierState";

/** What the scoring engine reads of a dossier (services/dossierScoring.ts). */
export type ScoringState = Pick<DossierState, "scores" | "leaves" | "unit" | "notApplicable" | "indexSet">;

/**
 * The scoring inputs of every dossier of a period in a handful of queries (not one load per dossier): the leaves,
 * the stage scores (only the columns the engine reads) and the not-applicable leaves, grouped in one pass instead
 * of one filter per dossier — a 30 × 150-leaf period with every stage is 18,000 score rows (docs/targets.md P10). What the
 * results and exports read; `loadPeriodScoring` adds files and comments for the ranking and the progress monitor.
 * With `only`, those dossiers of the period alone (the ranking reading again the ones that changed).
 */
export async function loadScoringInputs(db: DbOrTx, periodId: string, only?: readonly string[]) {
  const listed = await listDossiersOfPeriod(db, periodId);
  const dossierRows = only ? listed.filter((d) => only.includes(d.row.id)) : listed;
  const links = await db.select().from(t.periodIndexSets).where(eq(t.periodIndexSets.periodId, periodId));
  const setIds = links.map((l) => l.indexSetId);
  const dossierIds = dossierRows.map((d) => d.row.id);
  // One query after another: inside a transaction (publication, the sample loader) they share one connection.
  const sets = setIds.length
    ? await db.select().from(t.indexSets).where(inArray(t.indexSets.id, setIds))
    : [];
  const items = setIds.length
    ? await db.select().from(t.indexItems).where(inArray(t.indexItems.indexSetId, setIds))
    : [];
  const unitIds = [...new Set(dossierRows.map((d) => d.row.unitId))];
  const unitRows = unitIds.length ? await db.select().from(t.units).where(inArray(t.units.id, unitIds)) : [];
  const scoreRows = dossierIds.length
    ? await db
        .select({
          dossierId: t.scores.dossierId,
          itemId: t.scores.itemId,
          stage: t.scores.stage,
          score: t.scores.score,
          confirmed: t.scores.confirmed,
        })
        .from(t.scores)
        .where(inArray(t.scores.dossierId, dossierIds))
    : [];
  const na = dossierIds.length
    ? await db
        .select({ dossierId: t.notApplicable.dossierId, itemId: t.notApplicable.itemId })
        .from(t.notApplicable)
        .where(inArray(t.notApplicable.dossierId, dossierIds))
    : [];
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  // Leaves as every scoring read picks them: items without children, the B and P group items excluded.
  const leavesBySet = new Map<string, (typeof items)[number][]>();
  for (const setId of setIds) {
    const own = items.filter((i) => i.indexSetId === setId).sort((a, b) => a.sortOrder - b.sortOrder);
    const parents = new Set(own.map((i) => i.parentId).filter(Boolean));
    leavesBySet.set(
      setId,
      own.filter((i) => !parents.has(i.id) && i.code !== "B" && i.code !== "P"),
    );
  }
  const scoresOf = new Map<string, ScoreRow[]>();
  // The engine reads itemId, stage, score and confirmed only; the other columns are not loaded.
  for (const s of scoreRows) {
    const list = scoresOf.get(s.dossierId);
    if (list) list.push(s as ScoreRow);
    else scoresOf.set(s.dossierId, [s as ScoreRow]);
  }
  const naOf = new Map<string, Set<string>>();
  for (const n of na) naOf.set(n.dossierId, (naOf.get(n.dossierId) ?? new Set()).add(n.itemId));
  return dossierRows.map(({ row, resource }) => {
    const unit = unitById.get(row.unitId)!;
    const link = links.find((l) => l.unitTypeId === unit.unitTypeId);
    const indexSet = sets.find((s) => s.id === link?.indexSetId);
    const state: ScoringState = {
      unit,
      indexSet: indexSet!,
      leaves: link ? leavesBySet.get(link.indexSetId)! : [],
      scores: scoresOf.get(row.id) ?? [],
      notApplicable: naOf.get(row.id) ?? new Set(),
    };
    return { row, resource, status: row.status as DossierStatus, state, hasIndexSet: Boolean(indexSet) };
  });
}

export type ScoringInput = Awaited<ReturnType<typeof loadScoringInputs>>[number];
