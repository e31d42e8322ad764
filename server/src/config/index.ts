import os from "node:os";
import path from "node:path";
import net from "node:net";
import { z } from "zod";
import { CLIENT_DIST } from "../paths";

const ZConfig = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default("./data"),
  /** Redis, for several instances (Socket.IO adapter, meeting documents relayed and judged: docs/scaling.md). */
  REDIS_URL: z.url().optional(),
  /** Prefix of this deployment's Redis channels: deployments (or test runs) sharing one Redis need different ones. */
  REDIS_KEY: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, "letters, digits, ':', '_' or '-', at most 64")
    .default("council-appraisal"),
  /** On a database with no account at all, creates `admin` with this password (production's first sign-in). */
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Origins allowed to make state-changing requests and WebSocket upgrades, comma-separated. */
  ALLOWED_ORIGINS: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  /** Fractions are allowed (tests wait seconds, not minutes, for a session to end). */
  SESSION_IDLE_MINUTES: z.coerce.number().positive().max(1440).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().max(72).default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOAD_SAMPLE_DATA: z.enum(["auto", "never"]).default("auto"),
  /** The sample snapshot an empty embedded data folder starts from; default server/dist/sample-snapshot.tar. */
  SAMPLE_SNAPSHOT: z.string().optional(),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(20),
  /** SMTP server for e-mail notifications, e.g. smtp://user:pass@mail.example:587; none = in-app only. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default("Hệ thống Thẩm định <no-reply@localhost>"),
  /** Where uploaded files are kept (outside the web root); default `<DATA_DIR>/uploads`. */
  UPLOAD_DIR: z.string().optional(),
  /** The built client to serve (index.html and assets/, with their .br/.gz copies); default client/dist. */
  CLIENT_DIR: z.string().optional(),
  /**
   * The secret that keys the audit chain (HMAC-SHA-256): kept outside the database, so that nobody with only
   * database access can recompute the chain. Required in production; in development a generated key is kept in
   * the data folder (`.audit-key`).
   */
  AUDIT_KEY: z.string().min(32, "at least 32 characters").optional(),
  /** Append-only file of the audit chain's heads, outside the database; default `<DATA_DIR>/audit-checkpoints.log`. */
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  /**
   * Which proxies in front may set X-Forwarded-For (Express's `trust proxy`): `loopback` (default), `false`, a
   * hop count, or addresses/subnets, comma-separated (e.g. `172.16.0.0/12`).
   */
  TRUST_PROXY: z
    .string()
    .refine(
      isTrustProxy,
      "false, true, a hop count, or loopback/linklocal/uniquelocal/addresses/subnets, comma-separated",
    )
    .default("loopback"),
  /** The bearer token Prometheus sends to `/metrics`; without it, `/metrics` answers 404. */
  METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
  /** Lower argon2 cost, for test suites that create many accounts. Never in production. */
  FAST_HASH: z.enum(["0", "1"]).default("0"),
});

export type Config = z.infer<typeof ZConfig> & {
  dataDir: string;
  uploadDir: string;
  clientDir: string;
  allowedOrigins: string[];
  /** `AUDIT_CHECKPOINT_FILE` resolved; null with an in-memory database and no file named. */
  auditCheckpointFile: string | null;
  /** `TRUST_PROXY` as Express takes it. */
  trustProxy: boolean | number | string;
};

/** Parses the environment once; a bad value stops the process with a message that names it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (e.g. docker-compose's `${X:-}`) means unset.
  const parsed = ZConfig.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === "production" && !c.SESSION_SECRET) {
    throw new ConfigError("Invalid configuration:\n  SESSION_SECRET: required in production");
  }
  // Instances behind one address must sign cookies alike: each one generating its own secret would reject every
  // session another started (docs/scaling.md).
  if (c.REDIS_URL && !c.SESSION_SECRET) {
    throw new ConfigError(
      "Invalid configuration:\n  SESSION_SECRET: required with REDIS_URL (every instance must share one secret)",
    );
  }
  if (c.NODE_ENV === "production" && !c.AUDIT_KEY) {
    throw new ConfigError(
      "Invalid configuration:\n  AUDIT_KEY: required in production (32+ random characters, kept outside the database)",
    );
  }
  if (c.NODE_ENV === "production" && c.FAST_HASH === "1") {
    throw new ConfigError("Invalid configuration:\n  FAST_HASH: not allowed in production");
  }
  const base = c.PUBLIC_URL ?? `http://localhost:${c.PORT}`;
  const allowedOrigins = (c.ALLOWED_ORIGINS ?? `${new URL(base).origin},http://127.0.0.1:${c.PORT}`)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const dataDir = path.resolve(c.DATA_DIR);
  const memory = c.DATA_DIR.startsWith("memory://");
  const uploadDir = path.resolve(
    c.UPLOAD_DIR ??
      (memory ? path.join(os.tmpdir(), `ca-uploads-${process.pid}`) : path.join(dataDir, "uploads")),
  );
  const auditCheckpointFile = c.AUDIT_CHECKPOINT_FILE
    ? path.resolve(c.AUDIT_CHECKPOINT_FILE)
    : memory
      ? null
      : path.join(dataDir, "audit-checkpoints.log");
  const clientDir = path.resolve(c.CLIENT_DIR ?? CLIENT_DIST);
  return {
    ...c,
    dataDir,
    uploadDir,
    clientDir,
    allowedOrigins,
    auditCheckpointFile,
    trustProxy: trustProxy(c.TRUST_PROXY),
  };
}

// What Express's `trust proxy` accepts: checked here, so that a typo stops the start with the variable's name.
function isTrustProxy(value: string): boolean {
  const v = value.trim();
  if (v === "true" || v === "false" || /^\d+$/.test(v)) return true;
  return v.split(",").every((part) => {
    const [address, bits, extra] = part.trim().split("/");
    if (extra !== undefined) return false;
    if (bits === undefined && ["loopback", "linklocal", "uniquelocal"].includes(address)) return true;
    const family = net.isIP(address);
    return (
      family !== 0 &&
      (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)))
    );
  });
}

// "true"/"false" and a bare hop count mean what they say to Express; anything else is its list of addresses.
function trustProxy(value: string): boolean | number | string {
  const v = value.trim();
  if (v === "true" || v === "false") return v === "true";
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

export class ConfigError extends Error {}
