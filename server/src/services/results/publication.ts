import { eq } from "drizzle-orm";
import {
  rankingDifferences,
  type ResultsResource,
  type TAgreementRow,
  type TPublication,
  type TPublishedResults,
} from "@ca/shared";
import type { DbOrTx } from "../../db/client";
import * as t from "../../db/schema";
import { notFound } from "../../http/errors";
import { toAgreementRanking, type PeriodResults } from "./periodResults";

export type PublicationRow = typeof t.resultPublications.$inferSelect;

/** The publication record of a period, or null before the first step. */
export async function loadPublication(db: DbOrTx, periodId: string): Promise<PublicationRow | null> {
  const [row] = await db
    .select()
    .from(t.resultPublications)
    .where(eq(t.resultPublications.periodId, periodId))
    .limit(1);
  return row ?? null;
}

/** The policy's view of a period's results, or 404: one statement (the period with its publication record). */
export async function loadResultsResource(db: DbOrTx, periodId: string) {
  const [row] = await db
    .select({ period: t.periods, publication: t.resultPublications })
    .from(t.periods)
    .leftJoin(t.resultPublications, eq(t.resultPublications.periodId, t.periods.id))
    .where(eq(t.periods.id, periodId))
    .limit(1);
  if (!row) throw notFound();
  const { period, publication } = row;
  const resource: ResultsResource = {
    type: "results",
    periodId,
    periodStatus: period.status,
    publicationStage: publication?.stage ?? null,
  };
  return { period, publication, resource };
}

export interface Blocker {
  code: "no_dossiers" | "not_agreed" | "no_agreement" | "agreement_differs";
  message: string;
  messageEn: string;
}

/**
 * Why the period's results cannot be published yet (docs/domain.md §2: only agreed results are published): every dossier
 * agreed, the council's agreement recorded for every unit type, and its frozen ranking still the computed one.
 */
export async function publicationBlockers(db: DbOrTx, results: PeriodResults): Promise<Blocker[]> {
  const blockers: Blocker[] = [];
  const rows = results.unitTypes.flatMap((u) => u.rows);
  if (!rows.length)
    blockers.push({
      code: "no_dossiers",
      message: "Kỳ đánh giá chưa có hồ sơ nào.",
      messageEn: "The period has no dossier.",
    });
  const pending = rows.filter((r) => r.status !== "agreed");
  if (pending.length)
    blockers.push({
      code: "not_agreed",
      message: `Chưa thống nhất kết quả của ${pending.length} đơn vị: ${pending
        .slice(0, 5)
        .map((r) => r.unit.name)
        .join(", ")}${pending.length > 5 ? "…" : ""}.`,
      messageEn: `${pending.length} dossiers are not agreed yet.`,
    });
  const agreements = await db
    .select()
    .from(t.councilAgreements)
    .where(eq(t.councilAgreements.periodId, results.period.id));
  for (const type of results.unitTypes) {
    const agreement = agreements.find((a) => a.unitTypeId === type.id);
    if (!agreement) {
      blockers.push({
        code: "no_agreement",
        message: `Hội đồng chưa thống nhất bảng xếp hạng nhóm "${type.name}".`,
        messageEn: `The council has not agreed the ranking of "${type.nameEn}".`,
      });
      continue;
    }
    // Each unit's rank, total, index and class, never the order of the rows: tied units may be listed either way.
    const figures = (rows: TAgreementRow[]) => rows.map((r) => ({ key: r.dossierId, ...r }));
    const differs = rankingDifferences(
      figures(agreement.ranking as TAgreementRow[]),
      figures(toAgreementRanking(type)),
    );
    if (differs.length)
      blockers.push({
        code: "agreement_differs",
        message: `Kết quả nhóm "${type.name}" khác bảng xếp hạng Hội đồng đã thống nhất.`,
        messageEn: `The results of "${type.nameEn}" differ from the ranking the council agreed.`,
      });
  }
  return blockers;
}

/** A period's publication as the API carries it. */
export function presentPublication(
  periodId: string,
  row: PublicationRow | null,
  blockers: Blocker[],
  locale: "vi" | "en",
): TPublication {
  return {
    periodId,
    stage: row?.stage ?? null,
    documentNumber: row?.documentNumber ?? null,
    leadershipAt: row?.leadershipAt.toISOString() ?? null,
    unitsAt: row?.unitsAt?.toISOString() ?? null,
    publicAt: row?.publicAt?.toISOString() ?? null,
    blockers: blockers.map((b) => ({ code: b.code, message: locale === "vi" ? b.message : b.messageEn })),
  };
}

/** The frozen published results of a row. */
export function publishedResultsOf(row: PublicationRow): TPublishedResults {
  return row.results as TPublishedResults;
}
