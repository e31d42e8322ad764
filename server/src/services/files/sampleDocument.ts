import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { files } from "../../db/schema";
import { FileStore } from "./fileStore";

/**
 * The one document behind every file of the 2023 sample (evidence and signed reports, written by
 * seeds/src/sampleFiles.ts): a small valid PDF. Files are stored by content (fileStore.ts), so every row shares it;
 * `ensureSampleFiles` puts it in the store wherever a database holds such rows, and a download gives this page.
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

/** Puts the sample's document in a file store when the database's files point at it (a no-op otherwise). */
export async function ensureSampleFiles(db: DbOrTx, store: { put: (bytes: Buffer) => Promise<unknown> }) {
  const [used] = await db
    .select({ id: files.id })
    .from(files)
    .where(eq(files.sha256, SAMPLE_PDF_SHA256))
    .limit(1);
  if (used) await store.put(SAMPLE_PDF);
}

/**
 * The store the sample's commands upload through (seeds/src/sampleTraining.ts): it takes the sample document only
 * and writes nothing, since the sample loads where no store may exist yet (the build's snapshot, the tests'
 * templates); `ensureSampleFiles` puts the document in the real store when the server starts.
 */
export class SampleDocumentStore extends FileStore {
  constructor() {
    super("");
  }

  override async put(bytes: Buffer): Promise<{ sha256: string; created: boolean }> {
    if (!bytes.equals(SAMPLE_PDF)) throw new Error("the sample uploads the sample document only");
    return { sha256: SAMPLE_PDF_SHA256, created: false };
  }

  override async discard(): Promise<void> {}

  override async read(): Promise<Buffer> {
    return SAMPLE_PDF;
  }
}
