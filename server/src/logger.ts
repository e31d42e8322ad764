import pino from "pino";
import type { Config } from "./config";

/** Structured JSON logs (pino). */
export function createLogger(config: Pick<Config, "LOG_LEVEL">) {
  return pino({ level: config.LOG_LEVEL, base: { app: "council-appraisal" } });
}
