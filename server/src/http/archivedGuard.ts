import { eq } from "drizzle-orm";
import type { RequestHandler } from "express";
import { ZId } from "@ca/shared";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { assertPeriodWritable } from "../commands/periodGuards";

// The API paths that change something inside a period, with how to find the period from the first id.
const SCOPES: [RegExp, (db: Db, id: string) => Promise<string | undefined>][] = [
  [/^\/periods\/([^/]+)\/(?!clone$)/, async (_db, id) => id],
  [
    /^\/dossiers\/([^/]+)\//,
    async (db, id) =>
      (await db.select({ p: t.dossiers.periodId }).from(t.dossiers).where(eq(t.dossiers.id, id)))[0]?.p,
  ],
  [
    /^\/comments\/([^/]+)\//,
    async (db, id) =>
      (
        await db
          .select({ p: t.dossiers.periodId })
          .from(t.comments)
          .innerJoin(t.dossiers, eq(t.dossiers.id, t.comments.dossierId))
          .where(eq(t.comments.id, id))
      )[0]?.p,
  ],
  [
    /^\/meetings\/([^/]+)\//,
    async (db, id) =>
      (await db.select({ p: t.meetings.periodId }).from(t.meetings).where(eq(t.meetings.id, id)))[0]?.p,
  ],
];

/**
 * Archived periods stay read-only: one guard in front of every route refuses any state-changing request on
 * anything inside an archived period (its timeline, dossiers, comments, meetings) with a clear message, so no
 * route — present or future — can forget to. Cloning reads the period and is let through.
 */
export function archivedGuard(db: Db): RequestHandler {
  return async (req, _res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    // Signed-out callers meet the routes' own 401 first: the state of a period is nobody's business before that.
    if (!req.user) return next();
    try {
      for (const [pattern, periodOf] of SCOPES) {
        const match = pattern.exec(req.path);
        if (!match) continue;
        const id = decodeSafely(match[1]);
        if (id === null || !ZId.safeParse(id).success) return next();
        const periodId = await periodOf(db, id);
        if (!periodId) return next();
        const [period] = await db
          .select({ id: t.periods.id, status: t.periods.status })
          .from(t.periods)
          .where(eq(t.periods.id, periodId));
        if (period) assertPeriodWritable(period);
        return next();
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

function decodeSafely(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
