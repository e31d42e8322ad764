import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@ca/server/src/db/client";
import * as t from "@ca/server/src/db/schema";
import { vnTime } from "./data/periods";

/**
 * The one document behind every file of the 2023 sample (evidence and signed reports): a small valid PDF. Files
 * are stored by content (server/src/services/files/fileStore.ts), so every row shares it; `ensureSampleFiles` puts it in
 * the store wherever a database holds the sample, and a download then gives this page.
 */
export const SAMPLE_PDF = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj",
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj",
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj",
    "4 0 obj<</Length 62>>stream",
    "BT /F1 14 Tf 72 760 Td (Tai lieu mau - du lieu mau nam 2023) Tj ET",
    "endstream endobj",
    "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj",
    "trailer<</Root 1 0 R>>",
    "%%EOF",
    "",
  ].join("\n"),
);
export const SAMPLE_PDF_SHA256 = createHash("sha256").update(SAMPLE_PDF).digest("hex");

type FileRow = typeof t.files.$inferInsert;

const pdf = (dossierId: string, purpose: FileRow["purpose"], name: string, at: Date, itemId?: string) => ({
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
        pdf(d.id, "evidence", `minh-chung-${d.unitCode}-${l.code}.pdf`, vnTime(2023, 12, 4, 9), l.id),
      ),
    pdf(d.id, "signed_self_report", `bao-cao-tu-danh-gia-${d.unitCode}-da-ky.pdf`, vnTime(2023, 12, 8, 16)),
    pdf(
      d.id,
      "signed_explanation_report",
      `bao-cao-giai-trinh-${d.unitCode}-da-ky.pdf`,
      vnTime(2023, 12, 18, 10),
    ),
  ]);
}

/** Puts the sample's document in a file store when the database's files point at it (a no-op otherwise). */
export async function ensureSampleFiles(db: DbOrTx, store: { put: (bytes: Buffer) => Promise<unknown> }) {
  const [used] = await db
    .select({ id: t.files.id })
    .from(t.files)
    .where(eq(t.files.sha256, SAMPLE_PDF_SHA256))
    .limit(1);
  if (used) await store.put(SAMPLE_PDF);
}
