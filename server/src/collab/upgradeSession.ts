import http from "node:http";
import type { Request, RequestHandler } from "express";
import type passport from "passport";

/** The signed-in user of a WebSocket upgrade and its session id, or null (signed out, or past its absolute age). */
export type UpgradeSessionUser = (
  req: http.IncomingMessage,
) => Promise<{ user: Express.User; sid: string } | null>;

/**
 * Reads the session of an upgrade request through the same session cookie, store and Passport as REST and
 * Socket.IO, and the REST app's absolute timeout (app.ts), which a socket would otherwise outlive.
 */
export function upgradeSessionUser(
  sessionMiddleware: RequestHandler,
  pp: passport.PassportStatic,
  absoluteMs: number,
): UpgradeSessionUser {
  const initialize = pp.initialize();
  const passportSession = pp.session();
  return (req) =>
    new Promise((resolve, reject) => {
      const r = req as Request;
      const res = new http.ServerResponse(req);
      const steps: RequestHandler[] = [sessionMiddleware, initialize, passportSession];
      const run = (i: number) => (err?: unknown) => {
        if (err) return reject(err);
        if (i < steps.length) return void steps[i](r, res as never, run(i + 1));
        const started = r.session?.startedAt;
        if (started && Date.now() - started > absoluteMs) return resolve(null);
        resolve(r.user ? { user: r.user, sid: r.sessionID } : null);
      };
      run(0)();
    });
}
