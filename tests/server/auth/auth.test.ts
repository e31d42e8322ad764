import { eq, sql } from "drizzle-orm";
import { sessions, auditLog } from "@ca/server/src/db/schema";
import { buildUser, TEST_PASSWORD } from "@ca/seeds";
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe("sign-in", () => {
  it("starts a session for admin / Demo@2023 and tells who I am", async () => {
    const a = app.anonymous();
    const res = await a.post("/api/auth/login").send({ username: "admin", password: "Demo@2023" });
    expect(res.status).toBe(200);
    const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
    expect(cookies.find((c) => c.startsWith("ca.sid="))).toMatch(/HttpOnly.*SameSite=Lax/i);
    const me = await a.get("/api/me");
    expect(me.body.data).toMatchObject({ username: "admin", roles: ["admin"], unit: null });
  });

  it("shows the unit of an agency account", async () => {
    const a = await app.login("editor.snv");
    const me = await a.get("/api/me");
    expect(me.body.data.roles).toEqual(["agency_editor"]);
    expect(me.body.data.unit).toMatchObject({
      code: "snv",
      name: "Sở Nội vụ",
      unitType: "provincial_agency",
    });
  });

  it("refuses a wrong password with 401 and a Vietnamese message, and audits it", async () => {
    const res = await app.anonymous().post("/api/auth/login").send({ username: "chair", password: "nope" });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({
      code: "invalid_credentials",
      message: "Tên đăng nhập hoặc mật khẩu không đúng.",
    });
    const rows = await app.ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "auth.login_failed"));
    expect(rows.some((r) => (r.newValue as { username: string }).username === "chair")).toBe(true);
  });

  it("answers in English when asked", async () => {
    const res = await app
      .anonymous()
      .post("/api/auth/login")
      .set("Accept-Language", "en")
      .send({ username: "chair", password: "x" });
    expect(res.body.error.message).toBe("Wrong username or password.");
  });

  it("throttles the 11th wrong try within 15 minutes with 429 and a wait time", async () => {
    const user = await buildUser(app.ctx.database.db, { roles: ["leadership"] });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await app.anonymous().post("/api/auth/login").send({ username: user.username, password: "wrong" }))
          .status,
      );
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    // Even the right password is refused while throttled.
    const res = await app
      .anonymous()
      .post("/api/auth/login")
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(res.body.error.details.retryAfterSeconds).toBeGreaterThan(800);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(800);
  });

  it("rejects malformed login bodies with 400", async () => {
    for (const body of [
      {},
      { username: 1, password: [] },
      { username: "a".repeat(500), password: "x" },
      { username: "a", password: "b", extra: 1 },
    ]) {
      const res = await app.anonymous().post("/api/auth/login").send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const raw = await app
      .anonymous()
      .post("/api/auth/login")
      .set("Content-Type", "application/json")
      .send('{"username":');
    expect(raw.status).toBe(400);
  });
});

describe("sessions", () => {
  it("renews the session id at login", async () => {
    const a = app.anonymous();
    await a.post("/api/auth/login").send({ username: "x", password: "y" });
    const first = await a.post("/api/auth/login").send({ username: "leader", password: "Demo@2023" });
    const second = await a.post("/api/auth/login").send({ username: "leader", password: "Demo@2023" });
    const sid = (r: typeof first) =>
      ([] as string[])
        .concat(r.headers["set-cookie"] ?? [])
        .find((c) => c.startsWith("ca.sid="))
        ?.split(";")[0];
    expect(sid(first)).toBeDefined();
    expect(sid(second)).not.toEqual(sid(first));
  });

  it("ends the session at logout", async () => {
    const a = await app.login("leader");
    expect((await a.post("/api/auth/logout")).status).toBe(204);
    expect((await a.get("/api/me")).status).toBe(401);
  });

  it("ends every session of a disabled account", async () => {
    const db = app.ctx.database.db;
    const user = await buildUser(db, { roles: ["leadership"] });
    const victim = await app.login(user.username, TEST_PASSWORD);
    const admin = await app.login("admin");
    expect((await admin.patch(`/api/users/${user.id}`).send({ disabled: true })).status).toBe(200);
    expect((await victim.get("/api/me")).status).toBe(401);
    const left = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left).toHaveLength(0);
    const again = await app
      .anonymous()
      .post("/api/auth/login")
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe("account_disabled");
  });

  it("ends a session older than the absolute timeout, however active", async () => {
    const db = app.ctx.database.db;
    const a = await app.login("wg");
    const thirteenHoursAgo = Date.now() - 13 * 3_600_000;
    await db.execute(sql`update sessions set data = jsonb_set(data, '{startedAt}', ${String(thirteenHoursAgo)}::jsonb)
      where user_id = (select id from users where username = 'wg')`);
    expect((await a.get("/api/me")).status).toBe(401);
  });

  it("ends a session idle longer than the idle timeout", async () => {
    const db = app.ctx.database.db;
    const a = await app.login("head.stc");
    await db.execute(sql`update sessions set expires_at = now() - interval '1 second'
      where user_id = (select id from users where username = 'head.stc')`);
    expect((await a.get("/api/me")).status).toBe(401);
  });
});

describe("cross-site requests", () => {
  it("refuses a state-changing request from another origin", async () => {
    const res = await app
      .anonymous()
      .post("/api/auth/login")
      .set("Origin", "https://evil.example")
      .send({ username: "admin", password: "Demo@2023" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("bad_origin");
  });
  it("refuses a cross-site request without Origin that the browser marks cross-site", async () => {
    const a = await app.login("admin");
    const res = await a.post("/api/auth/logout").unset("Origin").set("Sec-Fetch-Site", "cross-site");
    expect(res.status).toBe(403);
  });
});
