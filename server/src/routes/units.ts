import { Router } from "express";
import { asc } from "drizzle-orm";
import { abilities, ZUnitCreate, ZUnitUpdate } from "@ca/shared";
import type { AppContext } from "../context";
import { createUnit } from "../commands/createUnit";
import { updateUnit } from "../commands/updateUnit";
import { unitLeaders, unitTypes, units } from "../db/schema";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { presentUnit, presentUnitType } from "../presenters/unit";

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

  router.patch("/units/:unitId", async (req, res) => {
    const actor = actorOf(req);
    const unitId = idParam(req.params.unitId);
    authorize(actor, "update", { type: "unit", id: unitId });
    const input = validate(ZUnitUpdate, req.body);
    const { unit, type, leaders } = await updateUnit({ db, actor, unitId, changes: input });
    res.json({ data: presentUnit(unit, type, leaders) });
  });

  return router;
}
