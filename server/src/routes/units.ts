import { Router } from "express";
import multer from "multer";
import { asc } from "drizzle-orm";
import { abilities, ZUnitCreate, ZUnitUpdate } from "@ca/shared";
import type { AppContext } from "../context";
import { createUnit } from "../commands/createUnit";
import { importUnits } from "../commands/importUnits";
import { AppError } from "../http/errors";
import { uploadError } from "../http/upload";
import { buildUnitTemplate } from "../services/spreadsheets/unitSpreadsheet";
import { updateUnit } from "../commands/updateUnit";
import { execute } from "../events/domainEvents";
import { unitLeaders, unitTypes, units } from "../db/schema";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { presentUnit, presentUnitType } from "../presenters/unit";

// A province's units, leaders and accounts are a few hundred rows; 5 MB is generous and keeps a hostile upload small.
const IMPORT_MAX_MB = 5;
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: IMPORT_MAX_MB * 1024 * 1024, files: 1, fields: 5 },
});
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Unit types and units (appraised agencies and committees). */
export function unitRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/unit-types", async (req, res) => {
    authorize(actorOf(req), "read", { type: "unit" });
    const rows = await db.select().from(unitTypes).orderBy(asc(unitTypes.sortOrder));
    res.json({ data: rows.map(presentUnitType) });
  });

  router.get("/units", async (req, res) => {
    const actor = actorOf(req);
    authorize(actor, "read", { type: "unit" });
    const [rows, types, leaders] = await Promise.all([
      db.select().from(units).orderBy(asc(units.sortOrder), asc(units.name)),
      db.select().from(unitTypes),
      db.select().from(unitLeaders),
    ]);
    const typeById = new Map(types.map((t) => [t.id, t]));
    res.json({
      data: rows.map((u) => presentUnit(u, typeById.get(u.unitTypeId)!, leaders)),
      abilities: abilities(actor, { type: "unit" }),
    });
  });

  router.post("/units", async (req, res) => {
    const actor = actorOf(req);
    authorize(actor, "create", { type: "unit" });
    const input = validate(ZUnitCreate, req.body);
    const { unit, type } = await createUnit({ db, actor, ...input });
    res.status(201).json({ data: presentUnit(unit, type, []) });
  });

  router.get("/units/import/template", async (req, res) => {
    authorize(actorOf(req), "import", { type: "unit" });
    res
      .type(XLSX_MIME)
      .attachment("mau-nhap-don-vi.xlsx")
      .send(await buildUnitTemplate());
  });

  router.post(
    "/units/import",
    (req, res, next) => {
      // Authorize before multer reads a byte of the body.
      authorize(actorOf(req), "import", { type: "unit" });
      next();
    },
    (req, res, next) =>
      upload.single("file")(req, res, (err?: unknown) =>
        next(err ? uploadError(err, "file", IMPORT_MAX_MB) : undefined),
      ),
    async (req, res) => {
      if (!req.file)
        throw new AppError("validation_failed", [
          { path: "file", message: "Cần tệp .xlsx (trường file). / An .xlsx file is required." },
        ]);
      // An .xlsx is a zip: refuse anything whose bytes do not start like one, whatever its name says.
      if (req.file.buffer.subarray(0, 4).toString("binary") !== "PK\u0003\u0004")
        throw new AppError("unsupported_file");
      const result = await importUnits({ db, actor: req.user!, file: req.file.buffer });
      res.status(201).json({ data: result });
    },
  );

  router.patch("/units/:unitId", async (req, res) => {
    const actor = actorOf(req);
    const unitId = idParam(req.params.unitId);
    authorize(actor, "update", { type: "unit", id: unitId });
    const input = validate(ZUnitUpdate, req.body);
    const { unit, type, leaders } = await execute(
      ctx.effects,
      updateUnit({ db, actor, unitId, changes: input }),
    );
    res.json({ data: presentUnit(unit, type, leaders) });
  });

  return router;
}
