import pino from "pino";
import type { Config } from "./config";

/**
 * Structured JSON logs (pino). Request logs never carry credentials: the session and device cookies, and the
 * bearer token Prometheus scrapes /metrics with, are redacted.
 */
export function createLogger(config: Pick<Config, "LOG_LEVEL">, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { app: "council-appraisal" },
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
