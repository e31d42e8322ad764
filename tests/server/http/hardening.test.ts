/**
 * Smaller holes of issue 13 (point 8): metrics for anyone, state changes with neither Origin nor Referer, a CSP
 * that let scripts connect to any WebSocket host, and megabytes queued on a Yjs connection before its session is
 * checked.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { COLLAB_CLOSE } from "@ca/shared";
import { createLogger } from "@ca/server/src/logger";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../../support/testApp";
import { rawSocket } from "../../support/collab";
import { cookieOf } from "../../support/sockets";

const METRICS_TOKEN = "prometheus-scrape-token-0123456789";
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { METRICS_TOKEN } });
});
afterAll(() => app.close());

describe("/metrics", () => {
  it("answers Prometheus with the bearer token, and nobody else", async () => {
    const anon = app.anonymous();
    expect((await anon.get("/metrics")).status).toBe(401);
    expect((await anon.get("/metrics").set("Authorization", "Bearer wrong-token")).status).toBe(401);
    expect((await anon.get("/metrics").set("Authorization", `Basic ${METRICS_TOKEN}`)).status).toBe(401);
    const ok = await anon.get("/metrics").set("Authorization", `Bearer ${METRICS_TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/^# HELP /m);
    // A signed-in user is no scraper either.
    expect((await (await app.login("admin")).get("/metrics")).status).toBe(401);
  });

  it("keeps the token (and session cookies) out of the request logs", () => {
    let out = "";
    const logger = createLogger({ LOG_LEVEL: "info" }, { write: (line: string) => void (out += line) });
    logger.info({
      req: { headers: { authorization: `Bearer ${METRICS_TOKEN}`, cookie: "ca.sid=s%3Asecret", host: "x" } },
      res: { headers: { "set-cookie": ["ca.dev=device.secret"] } },
    });
    expect(out).toContain('"host":"x"');
    expect(out).not.toMatch(new RegExp(`${METRICS_TOKEN}|secret`));
  });

  it("is not served at all without METRICS_TOKEN", async () => {
    const bare = await startTestApp();
    try {
      expect((await bare.anonymous().get("/metrics")).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe("state-changing requests need their Origin (or Referer)", () => {
  it("refuses one with neither, with a clear message", async () => {
    const admin = await app.login("admin");
    const res = await admin.post("/api/auth/logout").unset("Origin");
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "bad_origin" });
    expect(res.body.error.message).toMatch(/Origin/);
    expect((await admin.get("/api/me")).status).toBe(200);
    // A browser that sends only a Referer (an old one, or a privacy setting) is judged by it.
    const viaReferer = await admin
      .post("/api/auth/logout")
      .unset("Origin")
      .set("Referer", `${TEST_ORIGIN}/dashboard?x=1`);
    expect(viaReferer.status).toBe(204);
  });

  it("refuses a Referer from another site, or one that is no URL", async () => {
    const admin = await app.login("admin");
    for (const referer of ["https://evil.example/page", "not a url", `${TEST_ORIGIN}.evil.example/`])
      expect((await admin.post("/api/auth/logout").unset("Origin").set("Referer", referer)).status).toBe(403);
    expect((await admin.get("/api/me")).status).toBe(200);
  });

  it("leaves safe methods alone", async () => {
    expect((await app.anonymous().get("/api/openapi.json").unset("Origin")).status).toBe(200);
  });
});

describe("Content-Security-Policy", () => {
  it("lets scripts connect only to this server, WebSockets included", async () => {
    const csp = (await app.anonymous().get("/healthz")).headers["content-security-policy"] as string;
    const connect = /connect-src ([^;]*)/.exec(csp)![1].split(/\s+/);
    // No bare scheme: `ws:` or `wss:` alone would allow every host.
    expect(connect.filter((s) => /^[a-z]+:$/.test(s))).toEqual([]);
    expect(connect).toEqual(["'self'", TEST_ORIGIN.replace(/^http/, "ws")]);
  });
});

describe("Yjs: data sent before the session is checked", () => {
  it("closes a connection that queues more than 1 MiB while its session is being checked", async () => {
    const chair = await app.login("chair");
    const db = app.ctx.database.db;
    // Hold the session check: the sessions table is locked until the test lets go.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let taken!: () => void;
    const lockTaken = new Promise<void>((r) => (taken = r));
    const holding = db.transaction(async (tx) => {
      await tx.execute(sql`lock table sessions in access exclusive mode`);
      taken();
      await held;
    });
    await lockTaken;
    try {
      const raw = rawSocket(app, `/collab/meeting-${randomUUID()}-dossier-${randomUUID()}`, {
        Cookie: cookieOf(chair),
        Origin: TEST_ORIGIN,
      });
      await raw.opened;
      for (let i = 0; i < 3; i++) raw.ws.send(Buffer.alloc(400 * 1024, 1));
      const outcome = await Promise.race([
        raw.outcome,
        new Promise((r) => setTimeout(() => r("still open while the session is unchecked"), 3000)),
      ]);
      expect(outcome).toEqual({ closeCode: COLLAB_CLOSE.badMessage });
    } finally {
      release();
      await holding;
    }
  });
});
