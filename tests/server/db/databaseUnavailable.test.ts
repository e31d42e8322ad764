/**
 * The server when its PostgreSQL is not there (R2, docs/operations.md): connection refused (nothing listens on the
 * port) and connection cut (a peer that accepts and hangs up at once: node-postgres's "Connection terminated
 * unexpectedly", no SQLSTATE). Real node-postgres pools against real sockets, whatever database the other tests
 * use. Every request that needs the database gets a 503 `database_unavailable` with Retry-After and a message in
 * the user's language; /readyz says not ready, /healthz still ok; the Yjs endpoint closes with 4503 (its provider
 * retries); nothing crashes. The restart itself, and the way back to ready, are tests/fault/r2PgRestart.test.ts.
 */
import net from "node:net";
import { createHmac, randomUUID } from "node:crypto";
import { COLLAB_CLOSE, collabRoom } from "@ca/shared";
import { openPostgres } from "@ca/server/src/db/client";
import { isConnectionError } from "@ca/server/src/db/reachability";
import { rawSocket } from "../../support/collab";
import { freePort } from "../../support/serverProcess";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../../support/testApp";

const SECRET = "database-unavailable-test-secret-0123456789";
/** A session cookie signed as express-session signs it: reading the session behind it needs the database. */
const SESSION_COOKIE = `ca.sid=${encodeURIComponent(
  `s:some-session-id.${createHmac("sha256", SECRET).update("some-session-id").digest("base64").replace(/=+$/, "")}`,
)}`;

/** A TCP server that accepts every connection and closes it at once. */
async function hangingUp(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function appOn(port: number): Promise<TestApp> {
  const database = await openPostgres(`postgres://postgres@127.0.0.1:${port}/appraisal`, 2);
  return startTestApp({
    database: { database, drop: () => database.close(), key: `ca-test-${randomUUID().slice(0, 8)}` },
    env: { SESSION_SECRET: SECRET },
  });
}

describe.each([
  ["refused", async () => ({ port: await freePort(), close: async () => undefined })],
  ["cut", hangingUp],
])("with the database connection %s", (_name, peer) => {
  let app: TestApp;
  let closePeer: () => Promise<void>;

  beforeAll(async () => {
    const p = await peer();
    closePeer = p.close;
    app = await appOn(p.port);
  });
  afterAll(async () => {
    await app.close();
    await closePeer();
  });

  it("answers 503 database_unavailable with Retry-After, in Vietnamese or English", async () => {
    const vi = await app
      .anonymous()
      .post("/api/auth/login")
      .send({ username: "admin", password: "Demo@2023" });
    expect(vi.status).toBe(503);
    expect(vi.headers["retry-after"]).toBe("2");
    expect(vi.body.error).toMatchObject({
      code: "database_unavailable",
      message: expect.stringContaining("cơ sở dữ liệu"),
    });
    const en = await app
      .anonymous()
      .post("/api/auth/login")
      .set("Accept-Language", "en")
      .send({ username: "admin", password: "Demo@2023" });
    expect(en.status).toBe(503);
    expect(en.body.error.message).toMatch(/database cannot be reached/);
    // A signed-in request: reading its session is what fails.
    const me = await app.anonymous().get("/api/me").set("Cookie", SESSION_COOKIE);
    expect(me.status).toBe(503);
    expect(me.body.error.code).toBe("database_unavailable");
  });

  it("reports not ready while it is alive, and closes Yjs connections with 4503 (retry)", async () => {
    expect(app.ctx.database.reachability.reachable).toBe(false);
    const ready = await app.anonymous().get("/readyz");
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe("database_unreachable");
    expect((await app.anonymous().get("/healthz")).status).toBe(200);
    const ws = rawSocket(app, `/collab/${collabRoom(randomUUID(), randomUUID())}`, {
      Origin: TEST_ORIGIN,
      Cookie: SESSION_COOKIE,
    });
    expect(await ws.outcome).toEqual({ closeCode: COLLAB_CLOSE.unavailable });
  });
});

describe("connection errors", () => {
  it("are told apart from the database refusing a query", async () => {
    const refused = await openPostgres(`postgres://postgres@127.0.0.1:${await freePort()}/appraisal`, 1);
    const error = await refused.ping().catch((err: unknown) => err);
    await refused.close();
    expect(isConnectionError(error)).toBe(true);
    expect(isConnectionError(Object.assign(new Error("terminating connection"), { code: "57P01" }))).toBe(
      true,
    );
    expect(isConnectionError(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isConnectionError(new Error("Cannot read properties of undefined"))).toBe(false);
  });
});
