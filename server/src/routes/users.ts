import { Router } from "express";
import { asc, eq } from "drizzle-orm";
import { ZPasswordReset, ZUserCreate, ZUserUpdate } from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { createUser } from "../commands/createUser";
import { resetPassword } from "../commands/resetPassword";
import { updateUser } from "../commands/updateUser";
import { units, users } from "../db/schema";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { presentUser } from "../presenters/user";

/** Accounts: listed, created, changed, disabled and reset by the admin. */
export function userRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/users", async (req, res) => {
    authorize(actorOf(req), "list", { type: "user" });
    const rows = await db
      .select({ user: users, unitName: units.name })
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .orderBy(asc(users.username));
    res.json({ data: rows.map((r) => presentUser(r.user, r.unitName)) });
  });

  router.post("/users", async (req, res) => {
    const actor = actorOf(req);
    authorize(actor, "create", { type: "user" });
    const input = validate(ZUserCreate, req.body);
    const { user, unitName } = await createUser({ db, actor, ...input });
    res.status(201).json({ data: presentUser(user, unitName) });
  });

  router.patch("/users/:userId", async (req, res) => {
    const actor = actorOf(req);
    const userId = idParam(req.params.userId);
    authorize(actor, "update", { type: "user", id: userId });
    const changes = validate(ZUserUpdate, req.body);
    // Live connections end or are authorized again with the command's events (commands/updateUser.ts).
    const { user, unitName } = await execute(ctx.effects, updateUser({ db, actor, userId, changes }));
    res.json({ data: presentUser(user, unitName) });
  });

  router.post("/users/:userId/reset-password", async (req, res) => {
    const actor = actorOf(req);
    const userId = idParam(req.params.userId);
    authorize(actor, "resetPassword", { type: "user", id: userId });
    const { password } = validate(ZPasswordReset, req.body);
    await execute(ctx.effects, resetPassword({ db, actor, userId, password }));
    res.status(204).end();
  });

  return router;
}
