import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { Router, type Response } from "express";
import { isPublishedToPublic, type TPublishedResults } from "@ca/shared";
import type { AppContext } from "../context";
import * as t from "../db/schema";
import { AppError } from "../http/errors";
import { idParam } from "../http/validate";
import { loadResultsResource, publishedResultsOf } from "../services/results/publication";

// Published results are frozen, so a response once built never changes: kept per period (and publication time)
// in memory, served with a strong ETag and a public cache lifetime. Before publication nothing is cached.
const cache = new Map<string, { body: string; etag: string }>();
const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";

function sendCached(
  req: { headers: Record<string, unknown> },
  res: Response,
  key: string,
  build: () => unknown,
) {
  let entry = cache.get(key);
  if (!entry) {
    const body = JSON.stringify({ data: build() });
    entry = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
    if (cache.size > 200) cache.clear();
    cache.set(key, entry);
  }
  res.setHeader("Cache-Control", CACHE_CONTROL);
  res.setHeader("ETag", entry.etag);
  if (req.headers["if-none-match"] === entry.etag) return void res.status(304).end();
  res.type("application/json").send(entry.body);
}

/**
 * The public results (docs/domain.md §1 "public", §7): no session, only what the admin published to everyone — ranking,
 * classification and each unit's score card by area. 404 before publication; nothing unpublished ever.
 */
export function publicResultsRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/public/periods", async (req, res) => {
    const rows = await db
      .select({
        id: t.periods.id,
        code: t.periods.code,
        name: t.periods.name,
        year: t.periods.year,
        publicAt: t.resultPublications.publicAt,
      })
      .from(t.resultPublications)
      .innerJoin(t.periods, eq(t.periods.id, t.resultPublications.periodId))
      // A training period rehearses publication too, but its results never reach the public (docs/domain.md §2).
      .where(and(eq(t.resultPublications.stage, "public"), eq(t.periods.kind, "official")))
      .orderBy(desc(t.periods.year));
    res.setHeader("Cache-Control", "public, max-age=60");
    res.json({
      data: rows.map((r) => ({ ...r, publicAt: r.publicAt?.toISOString() ?? null })),
    });
  });

  router.get("/public/periods/:periodId/results", async (req, res) => {
    const { period, publication, resource } = await loadResultsResource(db, idParam(req.params.periodId));
    if (!publication || !isPublishedToPublic(resource) || period.kind !== "official")
      throw new AppError("not_found");
    sendCached(req, res, `${publication.periodId}:${publication.publicAt?.getTime()}`, () =>
      publicView(publishedResultsOf(publication), publication.documentNumber, publication.publicAt!),
    );
  });

  return router;
}

/** The published results with the fields listed one by one (CONVENTIONS §4): nothing else reaches the public. */
function publicView(r: TPublishedResults, documentNumber: string, publicAt: Date) {
  return {
    periodId: r.periodId,
    periodCode: r.periodCode,
    periodName: r.periodName,
    year: r.year,
    final: true as const,
    documentNumber,
    publishedAt: publicAt.toISOString(),
    unitTypes: r.unitTypes.map((u) => ({
      code: u.code,
      name: u.name,
      nameEn: u.nameEn,
      rows: u.rows.map((row) => ({
        unit: { id: row.unit.id, code: row.unit.code, name: row.unit.name, unitType: row.unit.unitType },
        standing: row.standing,
        rank: row.rank,
        total: row.total,
        max: row.max,
        index: row.index,
        classification: row.classification,
        why: row.why && {
          basis: row.why.basis,
          bandByIndex: row.why.bandByIndex,
          override: row.why.override && {
            source: row.why.override.source,
            reason: row.why.override.reason,
            reasonEn: row.why.override.reasonEn,
            documentNumber: row.why.override.documentNumber,
          },
        },
        classificationLabel: row.classificationLabel,
        classificationLabelEn: row.classificationLabelEn,
        areas: row.areas.map((a) => ({
          code: a.code,
          title: a.title,
          titleEn: a.titleEn ?? "",
          achieved: a.achieved,
          max: a.max,
          index: a.index,
        })),
      })),
    })),
  };
}
