import JSZip from "jszip";
import { eq, inArray } from "drizzle-orm";
import * as t from "@ca/server/src/db/schema";
import { computePeriodResults, toAgreementRanking } from "@ca/server/src/services/results/periodResults";
import type { TestApp } from "./testApp";

/** The text of a .docx: word/document.xml unzipped, one line per paragraph, tags dropped, entities decoded. */
export async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  // A table row reads "cell | cell | " on one line; a paragraph elsewhere is a line of its own.
  return xml
    .replace(/<\/w:p>\s*<\/w:tc>/g, "</w:tc>")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<\/w:tc>/g, " | ")
    .replace(/<\/w:tr>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A binary response body as a Buffer (supertest). */
export function binary(
  res: { on: (e: string, cb: (chunk?: Buffer) => void) => void },
  cb: (e: null, b: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on("data", (c) => chunks.push(c!));
  res.on("end", () => cb(null, Buffer.concat(chunks)));
}

/**
 * Makes the training period look like a period at the end of its meeting: the 2023 sample's scores copied onto its
 * dossiers (same index sets, same units), every dossier `agreed`, and — unless told otherwise — the council's
 * agreement recorded for each unit type. Directly in the database: the publication is what is under test.
 */
export async function agreeTrainingPeriod(app: TestApp, o: { agreements?: boolean } = {}) {
  const db = app.ctx.database.db;
  const periods = await db.select().from(t.periods);
  const from = periods.find((p) => p.code === "2023")!;
  const to = periods.find((p) => p.kind === "training")!;
  const dossiersOf = (periodId: string) =>
    db.select().from(t.dossiers).where(eq(t.dossiers.periodId, periodId));
  const [source, target] = await Promise.all([dossiersOf(from.id), dossiersOf(to.id)]);
  const targetOf = new Map(target.map((d) => [d.unitId, d.id]));
  const scores = await db
    .select()
    .from(t.scores)
    .where(
      inArray(
        t.scores.dossierId,
        source.map((d) => d.id),
      ),
    );
  const bySource = new Map(source.map((d) => [d.id, targetOf.get(d.unitId)!]));
  // The training sample's own scores (its dossiers at every stage) give way to the copied ones.
  await db.delete(t.scores).where(
    inArray(
      t.scores.dossierId,
      target.map((d) => d.id),
    ),
  );
  await db.insert(t.scores).values(
    scores.map((s) => ({
      dossierId: bySource.get(s.dossierId)!,
      itemId: s.itemId,
      stage: s.stage,
      score: s.score,
      confirmed: s.confirmed,
      authorId: s.authorId,
    })),
  );
  await db.update(t.dossiers).set({ status: "agreed" }).where(eq(t.dossiers.periodId, to.id));
  if (o.agreements !== false) {
    const chair = (await db.select().from(t.users).where(eq(t.users.username, "chair")))[0];
    const results = await computePeriodResults(db, to.id);
    await db.insert(t.councilAgreements).values(
      results.unitTypes.map((u) => ({
        periodId: to.id,
        unitTypeId: u.id,
        minutes: `Biên bản thử nghiệm ${u.code}`,
        ranking: toAgreementRanking(u),
        agreedBy: chair.id,
      })),
    );
  }
  return { period: to, source: from };
}
