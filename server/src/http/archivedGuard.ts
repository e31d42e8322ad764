import { eq, sql } from "drizzle-orm";
import type { Request, RequestHandler } from "express";
import { ZId } from "@ca/shared";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { assertPeriodWritable } from "../rules/periodGuards";
import { findDossierOfRequest } from "./requestDossier";

type Period = { id: string; status: string };
const periodColumns = { id: t.periods.id, status: t.periods.status };
const byId = sql.placeholder("id");

// The API paths that change something inside a period, with how to read that period from the first id: one named
// query each, built once, since the guard runs before every official write (docs/targets.md P7). A dossier's
// period (or a comment's) comes with the dossier its route reads for `can()`: one read for both (requestDossier.ts).
function scopes(db: Db): [RegExp, (req: Request, id: string) => Promise<Period | null>][] {
  const periodBy =
    (query: { execute(v: { id: string }): Promise<Period[]> }) => async (_req: Request, id: string) =>
      (await query.execute({ id }))[0] ?? null;
  const dossierBy = (by: "id" | "comment") => async (req: Request, id: string) =>
    (await findDossierOfRequest(req, db, by, id))?.period ?? null;
  return [
    [
      /^\/periods\/([^/]+)\/(?!clone$)/,
      periodBy(
        db.select(periodColumns).from(t.periods).where(eq(t.periods.id, byId)).prepare("guard_period"),
      ),
    ],
    [/^\/dossiers\/([^/]+)\//, dossierBy("id")],
    [/^\/comments\/([^/]+)\//, dossierBy("comment")],
    [
      /^\/meetings\/([^/]+)\//,
      periodBy(
        db
          .select(periodColumns)
          .from(t.meetings)
          .innerJoin(t.periods, eq(t.periods.id, t.meetings.periodId))
          .where(eq(t.meetings.id, byId))
          .prepare("guard_meeting_period"),
      ),
    ],
  ];
}

/**
 * Archived periods stay read-only: one guard in front of every route refuses any state-changing request on
 * anything inside an archived period (its timeline, dossiers, comments, meetings) with a clear message, so no
 * route — present or future — can forget to. Cloning reads the period and is let through.
 */
export function archivedGuard(db: Db): RequestHandler {
  const guarded = scopes(db);
  return async (req, _res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    // Signed-out callers meet the routes' own 401 first: the state of a period is nobody's business before that.
    if (!req.user) return next();
    if (admittedInTransaction(req)) return next();
    try {
      for (const [pattern, periodOf] of guarded) {
        const match = pattern.exec(req.path);
        if (!match) continue;
        const id = decodeSafely(match[1]);
        if (id === null || !ZId.safeParse(id).success) return next();
        const period = await periodOf(req, id);
        if (period) assertPeriodWritable(period);
        return next();
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

// The two writes that check the period themselves, first thing on the dossier's row their transaction locks
// (routes/selfAssessment.ts and commands/saveSelfScore.ts, routes/review.ts and commands/saveReview.ts): the same
// refusal without a read before the transaction, since they are the official writes agencies and the council make
// most (docs/performance.md, P7). tests/server/services/results/results.test.ts checks both on an archived period
// with the others.
const SCORE_WRITE = /^\/dossiers\/[^/]+\/items\/[^/]+\/(self|review)$/;
function admittedInTransaction(req: Request): boolean {
  return req.method === "PUT" && SCORE_WRITE.test(req.path);
}

function decodeSafely(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
