import { eq, inArray } from "drizzle-orm";
import type { DossierStatus } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";
import type { ScoringState } from "../services/dossierScoring";
import { listDossiersOfPeriod } from "./dossiers";

/**
 * The scoring inputs of every dossier of a period in a handful of queries (not one load per dossier): what the
 * ranking, the progress monitor and the exports read.
 */
export async function loadPeriodScoring(db: DbOrTx, periodId: string) {
  const dossierRows = await listDossiersOfPeriod(db, periodId);
  const links = await db.select().from(t.periodIndexSets).where(eq(t.periodIndexSets.periodId, periodId));
  const setIds = links.map((l) => l.indexSetId);
  const dossierIds = dossierRows.map((d) => d.row.id);
  // One query after another: callers pass transactions too (publication, the sample loader), whose one connection
  // runs one query at a time; on the pool this also leaves connections to the official writes (TARGETS P7).
  const sets = setIds.length
    ? await db.select().from(t.indexSets).where(inArray(t.indexSets.id, setIds))
    : [];
  const items = setIds.length
    ? await db.select().from(t.indexItems).where(inArray(t.indexItems.indexSetId, setIds))
    : [];
  const unitRows = await db.select().from(t.units);
  const scores = dossierIds.length
    ? await db.select().from(t.scores).where(inArray(t.scores.dossierId, dossierIds))
    : [];
  const na = dossierIds.length
    ? await db.select().from(t.notApplicable).where(inArray(t.notApplicable.dossierId, dossierIds))
    : [];
  const files = dossierIds.length
    ? await db
        .select({
          dossierId: t.files.dossierId,
          itemId: t.files.itemId,
          purpose: t.files.purpose,
          deletedAt: t.files.deletedAt,
        })
        .from(t.files)
        .where(inArray(t.files.dossierId, dossierIds))
    : [];
  const comments = dossierIds.length
    ? await db
        .select({ dossierId: t.comments.dossierId, kind: t.comments.kind, status: t.comments.status })
        .from(t.comments)
        .where(inArray(t.comments.dossierId, dossierIds))
    : [];
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const leavesBySet = new Map<string, (typeof items)[number][]>();
  for (const setId of setIds) {
    const own = items.filter((i) => i.indexSetId === setId).sort((a, b) => a.sortOrder - b.sortOrder);
    const parents = new Set(own.map((i) => i.parentId).filter(Boolean));
    leavesBySet.set(
      setId,
      own.filter((i) => !parents.has(i.id) && i.code !== "B" && i.code !== "P"),
    );
  }
  return dossierRows.map(({ row, resource }) => {
    const unit = unitById.get(row.unitId)!;
    const link = links.find((l) => l.unitTypeId === unit.unitTypeId);
    const indexSet = sets.find((s) => s.id === link?.indexSetId);
    const state: ScoringState = {
      unit,
      indexSet: indexSet!,
      leaves: link ? leavesBySet.get(link.indexSetId)! : [],
      scores: scores.filter((s) => s.dossierId === row.id),
      notApplicable: new Set(na.filter((n) => n.dossierId === row.id).map((n) => n.itemId)),
    };
    return {
      row,
      resource,
      status: row.status as DossierStatus,
      state,
      hasIndexSet: Boolean(indexSet),
      files: files.filter((f) => f.dossierId === row.id && !f.deletedAt),
      comments: comments.filter((c) => c.dossierId === row.id),
    };
  });
}
