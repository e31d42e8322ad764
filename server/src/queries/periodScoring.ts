import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";
import { loadScoringInputs } from "./scoringInputs";

/**
 * The scoring inputs of every dossier of a period (`loadScoringInputs`) with their live files and their comments:
 * what the ranking, the dashboard and the progress monitor read; `only` these dossiers of it when given.
 */
export async function loadPeriodScoring(db: DbOrTx, periodId: string, only?: readonly string[]) {
  const inputs = await loadScoringInputs(db, periodId, only);
  const dossierIds = inputs.map((d) => d.row.id);
  // One query after another: callers pass transactions too, whose one connection runs one query at a time.
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
  const filesOf = groupBy(
    files.filter((f) => !f.deletedAt),
    (f) => f.dossierId,
  );
  const commentsOf = groupBy(comments, (c) => c.dossierId);
  return inputs.map((d) => ({
    ...d,
    files: filesOf.get(d.row.id) ?? [],
    comments: commentsOf.get(d.row.id) ?? [],
  }));
}

function groupBy<T>(items: T[], keyOf: (item: T) => string | null): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
