import { Router } from "express";
import multer from "multer";
import { asc, eq } from "drizzle-orm";
import { abilities, ZIndexImportMeta } from "@ca/shared";
import type { AppContext } from "../context";
import { importIndexSet } from "../commands/importIndexSet";
import { indexItems, indexSets, unitTypes } from "../db/schema";
import { AppError, notFound } from "../http/errors";
import { uploadError } from "../http/upload";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { presentIndexSet, presentIndexSetSummary } from "../presenters/indexSet";
import { buildTemplate } from "../services/spreadsheets/indexSetSpreadsheet";
import { exportIndexSet } from "../services/spreadsheets/indexSetExport";

// An index set is a few hundred rows; 5 MB is generous and keeps a hostile upload small in memory.
const IMPORT_MAX_MB = 5;
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: IMPORT_MAX_MB * 1024 * 1024, files: 1, fields: 10 },
});
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Index sets: list, tree, template download, spreadsheet import. */
export function indexSetRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/index-sets", async (req, res) => {
    authorize(actorOf(req), "read", { type: "indexSet" });
    const [sets, items, types] = await Promise.all([
      db.select().from(indexSets).orderBy(asc(indexSets.code), asc(indexSets.version)),
      db.select().from(indexItems).where(eq(indexItems.kind, "area")),
      db.select().from(unitTypes),
    ]);
    const typeCode = new Map(types.map((t) => [t.id, t.code]));
    res.json({
      abilities: abilities(actorOf(req), { type: "indexSet" }),
      data: sets.map((s) =>
        presentIndexSetSummary(
          s,
          typeCode.get(s.unitTypeId)!,
          items.filter((i) => i.indexSetId === s.id),
        ),
      ),
    });
  });

  router.get("/index-sets/template.xlsx", async (req, res) => {
    authorize(actorOf(req), "read", { type: "indexSet" });
    res.setHeader("Content-Type", XLSX_MIME);
    res.setHeader("Content-Disposition", 'attachment; filename="bo-chi-so-mau.xlsx"');
    res.send(await buildTemplate());
  });

  router.get("/index-sets/:indexSetId", async (req, res) => {
    const id = idParam(req.params.indexSetId);
    authorize(actorOf(req), "read", { type: "indexSet", id });
    const [set] = await db.select().from(indexSets).where(eq(indexSets.id, id));
    if (!set) throw notFound();
    const [type] = await db.select().from(unitTypes).where(eq(unitTypes.id, set.unitTypeId));
    const items = await db.select().from(indexItems).where(eq(indexItems.indexSetId, id));
    res.json({ data: presentIndexSet(set, type.code, items) });
  });

  // The index set in the import's own layout: edit it and import it back as a new version.
  router.get("/index-sets/:indexSetId/export.xlsx", async (req, res) => {
    const id = idParam(req.params.indexSetId);
    authorize(actorOf(req), "read", { type: "indexSet", id });
    const [set] = await db.select().from(indexSets).where(eq(indexSets.id, id));
    if (!set) throw notFound();
    const items = await db.select().from(indexItems).where(eq(indexItems.indexSetId, id));
    res.setHeader("Content-Type", XLSX_MIME);
    res.setHeader("Content-Disposition", `attachment; filename="${set.code}-v${set.version}.xlsx"`);
    res.send(await exportIndexSet(set, items));
  });

  router.post(
    "/index-sets/import",
    (req, res, next) => {
      // Authorize before multer reads a byte of the body.
      authorize(actorOf(req), "import", { type: "indexSet" });
      next();
    },
    // Multer's own errors (a broken multipart body) are the client's: a clear 4xx, not a 500.
    (req, res, next) =>
      upload.single("file")(req, res, (err?: unknown) =>
        next(err ? uploadError(err, "file", IMPORT_MAX_MB) : undefined),
      ),
    async (req, res) => {
      const meta = validate(ZIndexImportMeta, {
        code: req.body?.code,
        name: req.body?.name,
        unitTypeId: req.body?.unitTypeId,
      });
      if (!req.file)
        throw new AppError("validation_failed", [{ path: "file", message: "an .xlsx file is required" }]);
      // An .xlsx is a zip: refuse anything whose bytes do not start like one, whatever its name says.
      if (req.file.buffer.subarray(0, 4).toString("binary") !== "PK\u0003\u0004")
        throw new AppError("unsupported_file");
      const { set, type } = await importIndexSet({
        db: ctx.database.db,
        actor: req.user!,
        file: req.file.buffer,
        ...meta,
      });
      const items = await db.select().from(indexItems).where(eq(indexItems.indexSetId, set.id));
      res.status(201).json({ data: presentIndexSetSummary(set, type.code, items) });
    },
  );

  return router;
}
