import { SAMPLE_PDF, SAMPLE_PDF_SHA256, type t } from "@ca/server/src/seedApi";
import { vnTime } from "./data/periods";

type FileRow = typeof t.files.$inferInsert;

/** A file row of the sample's one PDF (sampleDocument.ts): every sample file shares its stored bytes. */
export const samplePdfRow = (
  dossierId: string,
  purpose: FileRow["purpose"],
  name: string,
  at: Date,
  itemId?: string,
): FileRow => ({
  dossierId,
  itemId: itemId ?? null,
  purpose,
  sha256: SAMPLE_PDF_SHA256,
  originalName: name,
  mime: "application/pdf",
  size: SAMPLE_PDF.length,
  createdAt: at,
});

/**
 * The files a finished 2023 dossier holds, so a read-only dossier shows its evidence and its history: evidence on
 * every self-scored leaf that requires it, the head's signed self-assessment report, and the signed explanation.
 */
export function sampleHistoryFiles(
  dossiers: {
    id: string;
    unitCode: string;
    leaves: { id: string; code: string; method: string; evidenceRequired: boolean }[];
  }[],
): FileRow[] {
  return dossiers.flatMap((d) => [
    ...d.leaves
      .filter((l) => l.method === "self" && l.evidenceRequired)
      .map((l) =>
        samplePdfRow(
          d.id,
          "evidence",
          `minh-chung-${d.unitCode}-${l.code}.pdf`,
          vnTime(2023, 12, 4, 9),
          l.id,
        ),
      ),
    samplePdfRow(
      d.id,
      "signed_self_report",
      `bao-cao-tu-danh-gia-${d.unitCode}-da-ky.pdf`,
      vnTime(2023, 12, 8, 16),
    ),
    samplePdfRow(
      d.id,
      "signed_explanation_report",
      `bao-cao-giai-trinh-${d.unitCode}-da-ky.pdf`,
      vnTime(2023, 12, 18, 10),
    ),
  ]);
}
