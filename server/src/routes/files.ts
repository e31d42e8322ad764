import { Router } from "express";
import { eq } from "drizzle-orm";
import { can } from "@ca/shared";
import type { AppContext } from "../context";
import { files } from "../db/schema";
import { notFound } from "../http/errors";
import { actorOf, authorize } from "../http/authorize";
import { idParam } from "../http/validate";
import { loadDossier } from "../queries/dossiers";

/**
 * Downloads of stored files, authorized per dossier. Served as attachments with the sniffed type and `nosniff`,
 * so that a browser never renders or runs an upload in our origin.
 */
export function fileRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/files/:fileId", async (req, res) => {
    const actor = actorOf(req);
    const [file] = await db
      .select()
      .from(files)
      .where(eq(files.id, idParam(req.params.fileId)));
    if (!file || file.deletedAt) throw notFound();
    const { resource } = await loadDossier(db, file.dossierId);
    authorize(actor, "read", resource);
    // Evidence is the agency's own and the council's to read; nothing else of the council's is a file.
    if (!can(actor, "readCouncilWork", resource) && actor.unitId !== resource.unitId) throw notFound();
    const bytes = await ctx.files.read(file.sha256);
    res.setHeader("Content-Type", file.mime);
    res.setHeader("Content-Length", String(bytes.length));
    res.setHeader(
      "Content-Disposition",
      `attachment; filename="${file.originalName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    );
    res.setHeader("Cache-Control", "private, no-store");
    res.end(bytes);
  });

  return router;
}
