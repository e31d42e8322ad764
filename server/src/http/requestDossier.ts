import type { Request } from "express";
import type { DbOrTx } from "../db/client";
import { findDossier, type FoundDossier } from "../queries/dossiers";
import { notFound } from "./errors";
import { idParam } from "./validate";

// The dossier the archived guard read for a request, kept until its route asks for it: the guard and `can()` need
// the same row, so a write on a dossier (or on one of its comments) reads it once (docs/performance.md, P7). Keyed
// by the request object, so nothing outlives the request; taken once, so a later read goes to the database again.
const kept = new WeakMap<Request, { by: "id" | "comment"; id: string; found: FoundDossier }>();

/**
 * Reads the dossier of a state-changing request, by its id or by one of its comments, for the archived guard,
 * and keeps it for the route; null when there is none.
 */
export async function findDossierOfRequest(req: Request, db: DbOrTx, by: "id" | "comment", id: string) {
  const found = await findDossier(db, id, by);
  if (found) kept.set(req, { by, id, found });
  return found;
}

async function take(req: Request, db: DbOrTx, by: "id" | "comment", id: string): Promise<FoundDossier> {
  const entry = kept.get(req);
  kept.delete(req);
  const found = entry?.by === by && entry.id === id ? entry.found : await findDossier(db, id, by);
  if (!found) throw notFound();
  return found;
}

/** The dossier of the route's `:dossierId` with its policy resource, or 404: the guard's read when it made one. */
export function dossierOfRequest(req: Request, db: DbOrTx): Promise<FoundDossier> {
  return take(req, db, "id", idParam(req.params.dossierId));
}

/** The dossier of the route's `:commentId`, or 404 (no such comment): the guard's read when it made one. */
export function dossierOfCommentRequest(req: Request, db: DbOrTx): Promise<FoundDossier> {
  return take(req, db, "comment", idParam(req.params.commentId));
}
