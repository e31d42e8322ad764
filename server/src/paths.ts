import path from "node:path";

/**
 * The server package's folder. This file sits directly under it both as source (server/src) and bundled
 * (server/dist, where every module shares the bundle's __dirname), so one `..` is right in both cases.
 */
export const SERVER_ROOT = path.resolve(__dirname, "..");
export const MIGRATIONS_DIR = path.join(SERVER_ROOT, "drizzle");
export const CLIENT_DIST = path.join(SERVER_ROOT, "../client/dist");
