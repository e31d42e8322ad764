import type { RequestHandler } from "express";
import { AppError } from "./errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when a browser-sent Origin may talk to us (state changes, WebSocket upgrades). */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[]): boolean {
  return origin !== undefined && allowed.includes(origin);
}

/**
 * CSRF defence (DESIGN §5): a state-changing request carrying an Origin must come from an allowed origin.
 * Requests with no Origin are accepted only when the browser does not mark them cross-site (Sec-Fetch-Site),
 * which keeps server-to-server clients (no cookies, no Origin) working.
 */
export function originCheck(allowed: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.headers.origin;
    const site = req.headers["sec-fetch-site"];
    if (
      origin !== undefined ? !isAllowedOrigin(origin, allowed) : site === "cross-site" || site === "same-site"
    )
      return next(new AppError("bad_origin"));
    next();
  };
}
