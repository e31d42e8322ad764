import type { RequestHandler } from "express";
import { AppError } from "./errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when a browser-sent Origin may talk to us (state changes, WebSocket upgrades). */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[]): boolean {
  return origin !== undefined && allowed.includes(origin);
}

/**
 * CSRF defence (docs/security.md): a state-changing request must say where it comes from, and come from an allowed
 * origin. Browsers send Origin on every such request; a Referer (same-origin only, by our Referrer-Policy) stands in
 * where a browser or a privacy setting leaves Origin out. A request with neither is refused: nothing tells it apart
 * from a forged one.
 */
export function originCheck(allowed: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.headers.origin ?? originOf(req.headers.referer);
    if (origin === undefined)
      return next(
        new AppError(
          "bad_origin",
          { reason: "no_origin" },
          {
            vi: "Yêu cầu thay đổi dữ liệu phải kèm tiêu đề Origin (hoặc Referer) của trang gửi đi; yêu cầu này không có nên bị từ chối.",
            en: "A state-changing request must carry the Origin (or Referer) header of the page sending it; this one has neither and is refused.",
          },
        ),
      );
    const site = req.headers["sec-fetch-site"];
    if (!isAllowedOrigin(origin, allowed) || site === "cross-site" || site === "same-site")
      return next(new AppError("bad_origin"));
    next();
  };
}

// The origin of a Referer URL; "null" (unparsable) is no origin we allow, but it is one: refused, not "missing".
function originOf(referer: string | undefined): string | undefined {
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return "null";
  }
}
