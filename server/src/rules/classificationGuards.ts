import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";
import { conflict, validationFailed } from "../http/errors";
import type { PeriodRules } from "../queries/periods";

const CLASSIFICATION_FROZEN = {
  vi: "Kết quả của kỳ đã được công bố nên không thể thay đổi xếp loại.",
  en: "The period's results are published: classification can no longer change.",
};

/**
 * Published results are frozen: classification (or what `message` names) can no longer change under them (409,
 * in both languages).
 */
export async function assertNotPublished(
  tx: DbOrTx,
  periodId: string,
  message: { vi: string; en: string } = CLASSIFICATION_FROZEN,
): Promise<void> {
  const [published] = await tx
    .select({ stage: t.resultPublications.stage })
    .from(t.resultPublications)
    .where(eq(t.resultPublications.periodId, periodId));
  if (published) throw conflict({ reason: "results_published" }, message);
}

/** A band code the period's scheme knows, or a 422 naming the field and the bands there are. */
export function assertKnownBand(rules: PeriodRules, band: string, path: string): void {
  const codes = rules.classificationBands.map((b) => b.code);
  if (!codes.includes(band))
    throw validationFailed([
      {
        path,
        message: `Mức xếp loại "${band}" không có trong kỳ này (có: ${codes.join(", ")}). / Unknown band.`,
      },
    ]);
}

/** The worst band of the period: a quota on it could move nobody down, so it is refused. */
export function worstBand(rules: PeriodRules): string {
  return [...rules.classificationBands].sort((a, b) => a.minIndex - b.minIndex)[0].code;
}
