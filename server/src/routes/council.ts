import { Router } from "express";
import { eq } from "drizzle-orm";
import { abilities, ZConflict, ZCouncilSeat, type TCouncilView } from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { declareConflict } from "../commands/declareConflict";
import { removeCouncilSeat, setCouncilSeat } from "../commands/setCouncilSeat";
import { conflicts, councilMembers, units, users } from "../db/schema";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { loadPeriod } from "../queries/periods";

/** The period's council: seats with assigned areas, and declared conflicts of interest. */
export function councilRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/periods/:periodId/council", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    const resource = { type: "period" as const, id: period.id };
    authorize(actor, "readCouncil", resource);
    const [seats, declared] = await Promise.all([
      db
        .select({ seat: councilMembers, user: users, unitName: units.name })
        .from(councilMembers)
        .innerJoin(users, eq(users.id, councilMembers.userId))
        .leftJoin(units, eq(units.id, users.unitId))
        .where(eq(councilMembers.periodId, period.id)),
      db
        .select({ c: conflicts, unitName: units.name })
        .from(conflicts)
        .innerJoin(units, eq(units.id, conflicts.unitId))
        .where(eq(conflicts.periodId, period.id)),
    ]);
    const order = { chair: 0, member: 1, working_group: 2 };
    const data: TCouncilView = {
      members: seats
        .map((s) => ({
          userId: s.user.id,
          username: s.user.username,
          fullName: s.user.fullName,
          unitName: s.unitName,
          role: s.seat.role,
          areaCodes: s.seat.areaCodes,
        }))
        .sort((a, b) => order[a.role] - order[b.role] || a.username.localeCompare(b.username)),
      conflicts: declared.map((d) => ({
        id: d.c.id,
        userId: d.c.userId,
        unitId: d.c.unitId,
        unitName: d.unitName,
        reason: d.c.reason,
      })),
    };
    res.json({ data, abilities: abilities(actor, resource) });
  });

  router.put("/periods/:periodId/council/:userId", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "manageCouncil", { type: "period", id: period.id });
    const seat = validate(ZCouncilSeat, req.body);
    const row = await setCouncilSeat({
      db,
      actor,
      periodId: period.id,
      userId: idParam(req.params.userId),
      seat,
    });
    res.json({ data: { userId: row.userId, role: row.role, areaCodes: row.areaCodes } });
  });

  router.delete("/periods/:periodId/council/:userId", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "manageCouncil", { type: "period", id: period.id });
    await removeCouncilSeat({ db, actor, periodId: period.id, userId: idParam(req.params.userId) });
    res.status(204).end();
  });

  router.post("/periods/:periodId/conflicts", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "manageCouncil", { type: "period", id: period.id });
    const input = validate(ZConflict, req.body);
    // A recusal takes effect at once (docs/architecture.md): sockets joined under the old rights end, and the member's
    // meeting documents of that unit close with "recused" (the command's `accountChanged`, awaited here).
    const { row, unitName } = await execute(
      ctx.effects,
      declareConflict({ db, actor, periodId: period.id, ...input }),
    );
    res
      .status(201)
      .json({ data: { id: row.id, userId: row.userId, unitId: row.unitId, unitName, reason: row.reason } });
  });

  return router;
}
