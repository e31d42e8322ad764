import { eq, sql } from "drizzle-orm";
import { appendAudit, type AuditEntry } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { dossiers, scores, surveyLocks, units } from "../db/schema";
import { computeSurveyResults } from "../queries/survey";
import { guardSurveyOpen } from "../rules/surveyGuards";
import type { DomainEvent } from "../events/domainEvents";

/**
 * Locks the period's survey results (docs/domain.md §3): in one transaction, the points of every rated unit's survey leaves
 * are written as "survey" scores of its dossier, where the scoring engine counts them in totals and the ranking.
 * Nothing is accepted after the lock. One audit row per dossier and one for the period, last.
 */
export async function lockSurveyResults({
  db,
  actor,
  periodId,
  reason,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  reason: string;
}) {
  return db.transaction(async (tx) => {
    await guardSurveyOpen(tx, periodId, "update");
    await tx.insert(surveyLocks).values({ periodId, lockedBy: actor.id, reason });
    const results = await computeSurveyResults(tx, periodId);
    const dossierRows = await tx
      .select({ id: dossiers.id, unitId: dossiers.unitId, unitCode: units.code })
      .from(dossiers)
      .innerJoin(units, eq(units.id, dossiers.unitId))
      .where(eq(dossiers.periodId, periodId));
    const dossierOf = new Map(dossierRows.map((d) => [d.unitId, d]));
    const audit: AuditEntry[] = [];
    let written = 0;
    for (const q of results.questionnaires)
      for (const unit of q.units) {
        const dossier = dossierOf.get(unit.unitId);
        if (!dossier || !unit.leaves.length) continue;
        await tx
          .insert(scores)
          .values(
            unit.leaves.map((l) => ({
              dossierId: dossier.id,
              itemId: l.itemId,
              stage: "survey" as const,
              score: l.points,
              confirmed: true,
              authorId: actor.id,
              note: l.flag ? `survey:${l.flag}` : "survey",
            })),
          )
          .onConflictDoUpdate({
            target: [scores.dossierId, scores.itemId, scores.stage],
            set: {
              score: sql`excluded.score`,
              note: sql`excluded.note`,
              authorId: actor.id,
              updatedAt: sql`now()`,
            },
          });
        written += unit.leaves.length;
        audit.push({
          actor,
          action: "survey.points_locked",
          entity: "dossier",
          entityId: dossier.id,
          newValue: {
            unit: dossier.unitCode,
            group: q.questionnaire.respondentGroup,
            responses: unit.responses,
            points: Object.fromEntries(unit.leaves.map((l) => [l.code, l.points])),
          },
        });
      }
    audit.push({
      actor,
      action: "survey.locked",
      entity: "period",
      entityId: periodId,
      newValue: { questionnaires: results.questionnaires.length, scores: written },
      reason,
    });
    await appendAudit(tx, audit);
    const events: DomainEvent[] = [{ type: "rankingChanged", periodId }];
    return { scores: written, events };
  });
}
