import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import type { DatabaseReachability } from "../db/reachability";
import { AppError } from "./errors";
import { localeOf } from "./locale";

/** Seconds a client is told to wait before retrying while the server or its database is unavailable. */
const RETRY_AFTER_SECONDS = 2;

/**
 * The one error handler: known errors keep their code; body-parser and upload errors are mapped; the database
 * being unreachable is a 503 `database_unavailable` (and tells `reachability`, which /readyz reports); the rest is
 * 500.
 */
export function errorHandler(logger: Logger, reachability: DatabaseReachability): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const databaseDown = reachability.noteFailure(err);
    // An error after the answer went out: express-session failing to push a session's idle expiry forward once
    // the response was written (the database went away meanwhile). Nothing is left to tell the client; an answer
    // cut short must not look complete, though.
    if (res.headersSent) {
      if (!databaseDown) logger.error({ err, url: req.originalUrl }, "error after the response was sent");
      if (!res.writableEnded) req.socket.destroy();
      return;
    }
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (databaseDown) appError = new AppError("database_unavailable");
    else if (err?.type === "entity.too.large") appError = new AppError("payload_too_large");
    else if (err?.type === "entity.parse.failed" || err?.type === "encoding.unsupported")
      appError = new AppError("validation_failed", [{ path: "", message: "malformed JSON" }]);
    else if (err?.code === "LIMIT_FILE_SIZE") appError = new AppError("payload_too_large");
    else if (typeof err?.code === "string" && err.code.startsWith("LIMIT_"))
      appError = new AppError("validation_failed", [{ path: err.field ?? "", message: err.message }]);
    // Other client errors raised before our handlers run: a path segment that is not valid percent-encoding (the
    // router's URIError, status 400), an unsupported charset or an aborted body (body-parser's 4xx errors).
    else if (
      err instanceof URIError ||
      (typeof err?.status === "number" && err.status >= 400 && err.status < 500)
    )
      appError =
        err.status === 404
          ? new AppError("not_found")
          : new AppError("validation_failed", [{ path: "", message: String(err.message ?? "bad request") }]);
    else {
      logger.error({ err, url: req.originalUrl }, "unhandled error");
      appError = new AppError("internal");
    }
    if (appError.code === "not_ready" || appError.code === "database_unavailable")
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    const retryAfter = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retryAfter) res.setHeader("Retry-After", String(retryAfter));
    res.status(appError.status).json({
      error: { code: appError.code, message: appError.messageIn(localeOf(req)), details: appError.details },
    });
  };
}
