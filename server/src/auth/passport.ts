import type { IncomingMessage } from "node:http";
import { eq } from "drizzle-orm";
import passport from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import type { Role } from "@ca/shared";
import { authenticate } from "../commands/authenticate";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { SESSION_USER, type SessionUserRow } from "./sessionStore";
import type { DeviceCookies } from "./deviceCookie";

/** Builds the request's user from a row: only what policies and presenters need. */
export function toRequestUser(row: SessionUserRow): Express.User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    roles: row.roles as Role[],
    unitId: row.unitId,
    locale: row.locale,
  };
}

/**
 * A Passport instance with the local strategy on our database; one per app so tests stay isolated. The request's
 * device cookie, when signed for this username, marks a known device (commands/authenticate.ts).
 */
export function createPassport(db: Db, devices: DeviceCookies): passport.PassportStatic {
  const pp = new passport.Passport() as unknown as passport.PassportStatic;
  pp.use(
    new LocalStrategy({ passReqToCallback: true }, (req, username, password, done) => {
      const name = username.trim();
      authenticate({ db, username: name, password, ip: req.ip ?? "unknown", device: devices.read(req, name) })
        .then((row) => done(null, toRequestUser(row)))
        .catch((err) => done(err));
    }),
  );
  pp.serializeUser((user, done) => done(null, user.id));
  // A disabled or deleted account's session yields no user: it is signed out at its next request. The session store
  // read the account with the session, in the same query (sessionStore.get); otherwise it is read here.
  pp.deserializeUser(
    (req: IncomingMessage, id: string, done: (err: unknown, user?: Express.User | false) => void) => {
      const passport = (req as { session?: { passport?: { [SESSION_USER]?: SessionUserRow } } }).session
        ?.passport;
      const loaded = passport?.[SESSION_USER];
      const found =
        loaded?.id === id
          ? Promise.resolve([loaded])
          : db.select().from(users).where(eq(users.id, id)).limit(1);
      found
        .then(([row]) => done(null, row && !row.disabledAt ? toRequestUser(row) : false))
        .catch((err) => done(err));
    },
  );
  return pp;
}
