import type { RequestHandler } from "express";
import type { Logger } from "pino";

const UNLOGGED = new Set(["/healthz", "/readyz"]);

/**
 * One log line per answered request: method, URL, client address, status and time taken; a server error at
 * `error`, everything else at `info`. Nothing is built per request unless the line is written: pino-http, which
 * this replaces, made a child logger and serialised the request on every request, logged or not (a few percent of
 * an official write's CPU, docs/performance.md). Cookies and headers are never logged.
 */
export function accessLog(logger: Logger): RequestHandler {
  let requests = 0;
  return (req, res, next) => {
    if (UNLOGGED.has(req.url)) return next();
    const id = ++requests;
    const started = performance.now();
    res.on("finish", () => {
      const level = res.statusCode >= 500 ? "error" : "info";
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id, method: req.method, url: req.originalUrl, remoteAddress: req.ip },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        "request completed",
      );
    });
    next();
  };
}
