import { and, inArray, isNotNull, or } from "drizzle-orm";
import type { Figures } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";

/** A stage's level or figures (docs/scoring-kinds.md), keyed `dossierId|itemId|stage`. */
export type StageAnswers = Map<string, { level: string | null; figures: Figures | null }>;
export const answerKey = (dossierId: string, itemId: string, stage: string) =>
  `${dossierId}|${itemId}|${stage}`;

/**
 * The levels and figures of the given dossiers' stages, for the exports that show them beside the points; read
 * apart from the scoring inputs, which the live ranking reads on every change and which need only the points.
 */
export async function loadStageAnswers(db: DbOrTx, dossierIds: readonly string[]): Promise<StageAnswers> {
  if (!dossierIds.length) return new Map();
  const rows = await db
    .select({
      dossierId: t.scores.dossierId,
      itemId: t.scores.itemId,
      stage: t.scores.stage,
      level: t.scores.level,
      figures: t.scores.figures,
    })
    .from(t.scores)
    .where(
      and(
        inArray(t.scores.dossierId, [...dossierIds]),
        or(isNotNull(t.scores.level), isNotNull(t.scores.figures)),
      ),
    );
  return new Map(rows.map((r) => [answerKey(r.dossierId, r.itemId, r.stage), r]));
}
