import { eq } from "drizzle-orm";
import type { TAgreement, TPublishedResults } from "@ca/shared";
import type { DbOrTx } from "../../db/client";
import * as t from "../../db/schema";
import { computePeriodResults, toPublishedResults, type PeriodResults } from "../results/periodResults";
import { loadPublication, publishedResultsOf } from "../results/publication";

export interface ExportData {
  live: PeriodResults;
  /** The published results once published (frozen); before that, the current results, marked as a draft. */
  results: TPublishedResults;
  final: boolean;
  documentNumber: string | null;
  issuedAt: Date;
  agreements: {
    unitTypeCode: string;
    unitTypeName: string;
    minutes: string;
    agreedAt: Date;
    agreedBy: string;
    ranking: TAgreement["ranking"];
  }[];
}

/**
 * What every export of a period reads: the same results the API serves (the published ones when published, so a
 * report printed later carries the published figures), the council's agreements, and the live data of each leaf.
 */
export async function loadExportData(db: DbOrTx, periodId: string): Promise<ExportData> {
  const [live, publication, agreements] = await Promise.all([
    computePeriodResults(db, periodId),
    loadPublication(db, periodId),
    db
      .select({
        unitTypeId: t.councilAgreements.unitTypeId,
        minutes: t.councilAgreements.minutes,
        ranking: t.councilAgreements.ranking,
        agreedAt: t.councilAgreements.agreedAt,
        agreedBy: t.users.fullName,
        unitTypeCode: t.unitTypes.code,
        unitTypeName: t.unitTypes.name,
        sortOrder: t.unitTypes.sortOrder,
      })
      .from(t.councilAgreements)
      .innerJoin(t.users, eq(t.users.id, t.councilAgreements.agreedBy))
      .innerJoin(t.unitTypes, eq(t.unitTypes.id, t.councilAgreements.unitTypeId))
      .where(eq(t.councilAgreements.periodId, periodId)),
  ]);
  return {
    live,
    results: publication ? publishedResultsOf(publication) : toPublishedResults(live, new Date()),
    final: Boolean(publication),
    documentNumber: publication?.documentNumber ?? null,
    issuedAt: publication?.leadershipAt ?? new Date(),
    agreements: agreements
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((a) => ({
        unitTypeCode: a.unitTypeCode,
        unitTypeName: a.unitTypeName,
        minutes: a.minutes,
        agreedAt: a.agreedAt,
        agreedBy: a.agreedBy,
        ranking: a.ranking as TAgreement["ranking"],
      })),
  };
}

/** A file name safe everywhere: the period code and the export's name. */
export function exportFileName(periodCode: string, name: string): string {
  return `${periodCode.replace(/[^a-zA-Z0-9-]/g, "_")}-${name}`;
}
