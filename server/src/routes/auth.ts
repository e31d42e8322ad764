import { Router } from "express";
import type passport from "passport";
import { eq } from "drizzle-orm";
import { ZLogin } from "@ca/shared";
import type { AppContext } from "../context";
import { unitTypes, units } from "../db/schema";
import { signOut } from "../commands/signOut";
import { execute } from "../events/domainEvents";
import { AppError } from "../http/errors";
import { actorOf } from "../http/authorize";
import { validate } from "../http/validate";
import { presentMe } from "../presenters/me";
import type { DeviceCookies } from "../auth/deviceCookie";

/** Sign in, sign out, who am I. */
export function authRoutes(ctx: AppContext, pp: passport.PassportStatic, devices: DeviceCookies): Router {
  const { db } = ctx.database;
  const router = Router();

  router.post("/auth/login", (req, res, next) => {
    req.body = validate(ZLogin, req.body);
    pp.authenticate("local", { session: false }, (err: unknown, user: Express.User | false) => {
      if (err) return next(err);
      if (!user) return next(new AppError("invalid_credentials"));
      // Passport ≥ 0.6 regenerates the session id at login (no session fixation).
      req.logIn(user, (loginErr) => {
        if (loginErr) return next(loginErr);
        req.session.startedAt = Date.now();
        // This browser is now a known device for the account (never locked out by others' guesses).
        devices.issue(res, user.username, devices.read(req, user.username));
        meOf(user).then((me) => res.json({ data: me }), next);
      });
    })(req, res, next);
  });

  router.post("/auth/logout", async (req, res) => {
    await execute(
      ctx.effects,
      signOut({
        db,
        user: req.user,
        sid: req.sessionID,
        destroySession: () =>
          new Promise<void>((resolve, reject) =>
            req.session.destroy((err) => (err ? reject(err) : resolve())),
          ),
      }),
    );
    res.clearCookie("ca.sid", { path: "/" });
    res.status(204).end();
  });

  router.get("/me", async (req, res) => {
    res.json({ data: await meOf(actorOf(req) as Express.User) });
  });

  const limits = { maxUploadMb: ctx.config.MAX_UPLOAD_MB };
  async function meOf(user: Express.User) {
    if (!user.unitId) return presentMe(user, null, limits);
    const [unit] = await db
      .select({ id: units.id, code: units.code, name: units.name, unitTypeCode: unitTypes.code })
      .from(units)
      .innerJoin(unitTypes, eq(unitTypes.id, units.unitTypeId))
      .where(eq(units.id, user.unitId));
    return presentMe(user, unit ?? null, limits);
  }

  return router;
}
