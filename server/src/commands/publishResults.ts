import { eq, sql } from "drizzle-orm";
import { PUBLICATION_STAGES, type TPublicationStage } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { conflict, notFound } from "../http/errors";
import { computePeriodResults, toPublishedResults } from "../services/results/periodResults";
import { publicationBlockers } from "../services/results/publication";
import { assertPeriodWritable } from "../rules/periodGuards";

/**
 * Step 10 (docs/domain.md §2): the admin publishes the agreed results, one audience at a time — leadership, then the
 * units, then the public. The first step freezes the results and moves every dossier from `agreed` to
 * `published`; the later steps only widen the audience. Each step is one transaction, audited.
 */
export async function publishResults({
  db,
  actor,
  periodId,
  stage,
  documentNumber,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  stage: TPublicationStage;
  documentNumber?: string;
}) {
  return db.transaction(async (tx) => {
    const [period] = await tx.select().from(t.periods).where(eq(t.periods.id, periodId)).for("update");
    if (!period) throw notFound();
    assertPeriodWritable(period);
    const [current] = await tx
      .select()
      .from(t.resultPublications)
      .where(eq(t.resultPublications.periodId, periodId));
    const expected = PUBLICATION_STAGES[current ? PUBLICATION_STAGES.indexOf(current.stage) + 1 : 0];
    if (stage !== expected)
      throw conflict(
        { stage: current?.stage ?? null, expected: expected ?? null },
        expected
          ? {
              vi: `Công bố theo thứ tự: bước tiếp theo là "${STAGE_VI[expected]}".`,
              en: `Publication goes in order: the next step is "${expected}".`,
            }
          : { vi: "Kết quả đã được công bố công khai.", en: "The results are already public." },
      );
    const now = new Date();
    if (current) {
      const [row] = await tx
        .update(t.resultPublications)
        .set({ stage, ...(stage === "units" ? { unitsAt: now } : { publicAt: now }) })
        .where(eq(t.resultPublications.periodId, periodId))
        .returning();
      await appendAudit(tx, {
        actor,
        action: "results.publish",
        entity: "period",
        entityId: periodId,
        oldValue: { stage: current.stage },
        newValue: { stage },
      });
      return row;
    }
    const results = await computePeriodResults(tx, periodId);
    const blockers = await publicationBlockers(tx, results);
    if (blockers.length)
      throw conflict(
        { blockers: blockers.map((b) => ({ code: b.code, message: b.message })) },
        { vi: blockers.map((b) => b.message).join(" "), en: blockers.map((b) => b.messageEn).join(" ") },
      );
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(t.resultPublications);
    const [row] = await tx
      .insert(t.resultPublications)
      .values({
        periodId,
        stage,
        results: toPublishedResults(results, now),
        documentNumber: documentNumber ?? `${n + 1}/BC-SNV`,
        leadershipAt: now,
        publishedBy: actor.id,
      })
      .returning();
    await tx
      .update(t.dossiers)
      .set({ status: "published", version: sql`${t.dossiers.version} + 1`, updatedAt: now })
      .where(eq(t.dossiers.periodId, periodId));
    await appendAudit(tx, {
      actor,
      action: "results.publish",
      entity: "period",
      entityId: periodId,
      oldValue: { stage: null },
      newValue: {
        stage,
        documentNumber: row.documentNumber,
        ranking: results.unitTypes.map((u) => [
          u.code,
          u.rows.map((r) => [r.unit.code, r.rank, r.totals.total]),
        ]),
      },
    });
    return row;
  });
}

const STAGE_VI: Record<TPublicationStage, string> = {
  leadership: "gửi Lãnh đạo UBND tỉnh",
  units: "gửi các đơn vị",
  public: "công bố công khai",
};
