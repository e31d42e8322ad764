import { isConnectionError } from "@ca/server/src/db/reachability";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import request from "supertest";
import { loadConfig } from "@ca/server/src/config";
import { openPglite, openPostgres, type Database } from "@ca/server/src/db/client";
import { useFastHashing } from "@ca/server/src/auth/password";
import { createLogger } from "@ca/server/src/logger";
import { createServer } from "@ca/server/src/server";
import { auditChainOf } from "@ca/server/src/audit/auditChain";
import type { AppContext } from "@ca/server/src/context";
import { Dispatcher } from "@ca/server/src/events/dispatcher";
import type { CollabServer } from "@ca/server/src/collab/collabEndpoint";
import { FileStore } from "@ca/server/src/services/files/fileStore";
import { ensureSampleFiles } from "@ca/server/src/services/files/sampleDocument";
import { createMailer } from "@ca/server/src/services/mail/mailer";
import { prepareDatabase } from "./buildTemplates";
import {
  databaseUrl,
  pgliteTemplate,
  postgresTemplate,
  withAdmin,
  type TemplateKind,
} from "./templateDatabase";

export const TEST_ORIGIN = "http://localhost:3999";

/**
 * A fresh, isolated database for one test file: PGlite in memory by default; with DATABASE_URL, a new database
 * created on that PostgreSQL server and dropped afterwards. Migrated, and with the sample data when `sample`.
 * Cloned from this run's template (tests/support/templateDatabase.ts) when the global setup built one; else
 * prepared here, the slow way (a test file run outside the configured Jest projects).
 */
export async function openTestDatabase(
  opts: { sample?: boolean } = {},
): Promise<{ database: Database; drop: () => Promise<void>; key: string }> {
  const kind: TemplateKind = opts.sample ? "sample" : "empty";
  // Names this database's servers on a shared Redis: clones of one template share every id, so two test files
  // running at once must not hear each other's room events (see REDIS_KEY).
  const key = `ca-test-${randomUUID().slice(0, 8)}`;
  const url = process.env.DATABASE_URL;
  if (!url) {
    const template = pgliteTemplate(kind);
    const database = await openPglite("memory://", template ? { loadDataDir: template } : {});
    if (!template) await prepareDatabase(database, kind);
    return { database, drop: () => database.close(), key };
  }
  const name = `ca_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const template = postgresTemplate(kind);
  await withAdmin(url, (admin) =>
    admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`),
  );
  const database = await openPostgres(databaseUrl(url, name), 10);
  if (!template) await prepareDatabase(database, kind);
  return {
    database,
    key,
    drop: async () => {
      await database.close();
      await withAdmin(url, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;

export interface TestApp {
  ctx: AppContext & { effects: Dispatcher };
  /** The server's Yjs endpoint. */
  collab: CollabServer;
  /** The audit sealer: stopped (after a last seal) by a test that counts what one request sends. */
  sealer: { stop(): Promise<void> };
  /** The database under this app; pass it to another startTestApp to restart over the same data. */
  testDatabase: TestDatabase;
  server: http.Server;
  baseUrl: string;
  /** A cookie-keeping client signed in as the given user (password defaults to the demo one). */
  login(username: string, password?: string): Promise<request.Agent>;
  /** A cookie-keeping client with no session. */
  anonymous(): request.Agent;
  /** Stops the server; `keepDatabase` leaves the database open for another app (a restart). */
  close(opts?: { keepDatabase?: boolean }): Promise<void>;
}

/** Starts the real server (HTTP, Socket.IO) on a random port over a fresh database, optionally with sample data. */
export async function startTestApp(
  opts: { sample?: boolean; env?: Record<string, string>; database?: TestDatabase } = {},
): Promise<TestApp> {
  useFastHashing(true);
  const testDatabase = opts.database ?? (await openTestDatabase({ sample: opts.sample !== false }));
  const { database, drop } = testDatabase;
  const config = loadConfig({
    ...process.env,
    // With REDIS_URL (npm run test:pg) the server refuses to start without a shared secret (docs/scaling.md).
    ...(process.env.REDIS_URL ? { SESSION_SECRET: "test-instances-share-this-secret-0123" } : {}),
    DATA_DIR: "memory://",
    ALLOWED_ORIGINS: TEST_ORIGIN,
    REDIS_KEY: testDatabase.key,
    ...opts.env,
  });
  const ctx: AppContext & { effects: Dispatcher } = {
    config,
    database,
    logger: createLogger(config),
    files: new FileStore(fs.mkdtempSync(path.join(os.tmpdir(), "ca-files-"))),
    effects: new Dispatcher(),
    mailer: createMailer(config, createLogger(config)),
    audit: auditChainOf(config),
    ready: { migrated: true },
  };
  // A cloned sample database's files point at the sample's one stored document (seeds/src/sampleFiles.ts). A
  // database that cannot be reached on purpose (databaseUnavailable.test.ts) has no files to point at.
  await ensureSampleFiles(database.db, ctx.files).catch((err: unknown) => {
    if (!isConnectionError(err)) throw err;
  });
  const { server, io, collab, sealer, stopBackground } = await createServer(ctx);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = () => request.agent(server).set("Origin", TEST_ORIGIN);
  return {
    ctx,
    collab,
    sealer,
    testDatabase,
    server,
    baseUrl,
    anonymous: agent,
    async login(username, password = "Demo@2023") {
      const a = agent();
      const res = await a.post("/api/auth/login").send({ username, password });
      if (res.status !== 200)
        throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return a;
    },
    async close({ keepDatabase = false } = {}) {
      await collab.close();
      io.close();
      await stopBackground();
      await new Promise((resolve) => server.close(resolve));
      if (!keepDatabase) await drop();
      fs.rmSync(ctx.files.root, { recursive: true, force: true });
    },
  };
}
