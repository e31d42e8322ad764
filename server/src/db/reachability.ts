/**
 * Telling "the database is not there" apart from every other failure, and knowing when it is back.
 *
 * A PostgreSQL restart, a failover or a network cut reaches the server in many shapes: a SQLSTATE from the server
 * as it goes (57P01 admin shutdown, 57P02 crash shutdown, 57P03 starting up or shutting down, class 08 connection
 * exceptions, 53300 too many connections), a socket error with no SQLSTATE at all (ECONNREFUSED while it is down,
 * ECONNRESET, EPIPE…), or node-postgres's own errors ("Connection terminated unexpectedly", "Client has encountered
 * a connection error and is not queryable", a connect timeout). Drizzle wraps each in a DrizzleQueryError whose
 * `cause` is the original, and a connection attempt to several addresses fails with an AggregateError.
 */

const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const MESSAGES = [
  /^Connection terminated/,
  /not queryable/,
  /timeout exceeded when trying to connect/,
  /^Query read timeout/,
];

/** True when the error (or any error it wraps) says the database cannot be reached, rather than refused a query. */
export function isConnectionError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 5) return false;
  const { code, message, cause, errors } = err as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string") {
    if (SQLSTATES.has(code) || SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return true;
  if (Array.isArray(errors) && errors.some((e) => isConnectionError(e, depth + 1))) return true;
  return isConnectionError(cause, depth + 1);
}

/** How often an unreachable database is tried again. */
export const PROBE_INTERVAL_MS = 500;

/** Whether the database answers; see `Reachability`. */
export interface DatabaseReachability {
  /** False from the first connection error until a probe gets an answer again. */
  readonly reachable: boolean;
  /**
   * Tells it a query failed. A connection error marks the database unreachable and starts probing it; returns
   * whether it was one (the caller answers 503 then, not 500).
   */
  noteFailure(err: unknown): boolean;
  /** Called on each change, with the error that revealed an outage; returns the unsubscribe. */
  onChange(listener: (reachable: boolean, err?: unknown) => void): () => void;
  /** Stops probing (the database is being closed). */
  stop(): void;
}

/** Reachability of one database, probed with `ping` every PROBE_INTERVAL_MS while it is down. */
export function createReachability(ping: () => Promise<void>): DatabaseReachability {
  let reachable = true;
  let probe: NodeJS.Timeout | null = null;
  let probing = false;
  const listeners = new Set<(reachable: boolean, err?: unknown) => void>();
  const set = (value: boolean, err?: unknown) => {
    if (value === reachable) return;
    reachable = value;
    listeners.forEach((l) => l(value, err));
  };
  const stopProbe = () => {
    if (probe) clearInterval(probe);
    probe = null;
  };
  return {
    get reachable() {
      return reachable;
    },
    noteFailure(err) {
      if (!isConnectionError(err)) return false;
      set(false, err);
      probe ??= setInterval(() => {
        // One probe at a time: a connection attempt may take up to the pool's connect timeout.
        if (probing) return;
        probing = true;
        ping()
          .then(() => {
            stopProbe();
            set(true);
          })
          .catch(() => undefined)
          .finally(() => (probing = false));
      }, PROBE_INTERVAL_MS);
      probe.unref();
      return true;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop: stopProbe,
  };
}
