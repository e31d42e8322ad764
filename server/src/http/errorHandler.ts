import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { AppError } from "./errors";
import { localeOf } from "./locale";

/** Whether an error means the database is unreachable (restart, network): the client should retry. */
export function isDatabaseDown(err: unknown): boolean {
  const code =
    (err as { code?: string; cause?: { code?: string } })?.code ??
    (err as { cause?: { code?: string } })?.cause?.code;
  return ["ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "08006", "08003", "08001"].includes(code ?? "");
}

/** The one error handler: known errors keep their code; body-parser and upload errors are mapped; the rest is 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (err?.type === "entity.too.large") appError = new AppError("payload_too_large");
    else if (err?.type === "entity.parse.failed" || err?.type === "encoding.unsupported")
      appError = new AppError("validation_failed", [{ path: "", message: "malformed JSON" }]);
    else if (err?.code === "LIMIT_FILE_SIZE") appError = new AppError("payload_too_large");
    else if (typeof err?.code === "string" && err.code.startsWith("LIMIT_"))
      appError = new AppError("validation_failed", [{ path: err.field ?? "", message: err.message }]);
    else if (isDatabaseDown(err)) appError = new AppError("not_ready");
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
    if (appError.code === "not_ready") res.setHeader("Retry-After", "2");
    const retryAfter = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retryAfter) res.setHeader("Retry-After", String(retryAfter));
    res.status(appError.status).json({
      error: { code: appError.code, message: appError.messageIn(localeOf(req)), details: appError.details },
    });
  };
}
