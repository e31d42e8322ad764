/**
 * docs/targets.md S8 and S12: password guessing is throttled per account from any number of addresses, with growing
 * delays, without locking out the owner who signs in with the right password from a device already used; the
 * proxy is trusted only as TRUST_PROXY says; survey link tokens cannot be guessed at speed.
 */
import { randomBytes } from "node:crypto";
import { and, eq, count } from "drizzle-orm";
import { auditLog, loginFailures } from "@ca/server/src/db/schema";
import { pruneLoginFailures } from "@ca/server/src/commands/authenticate";
import { loadConfig } from "@ca/server/src/config";
import { buildUser, TEST_PASSWORD } from "@ca/seeds";
import { startTestApp, type TestApp } from "../../support/testApp";
import { issueLinks, trainingSurvey } from "../../support/survey";

type Agent = ReturnType<TestApp["anonymous"]>;

describe("S12: one account guessed from many addresses (TRUST_PROXY=loopback, the proxy on this host)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: "loopback" } });
  });
  afterAll(() => app.close());

  const login = (agent: Agent, ip: string, username: string, password: string) =>
    agent.post("/api/auth/login").set("X-Forwarded-For", ip).send({ username, password });
  const failuresAudited = async (userId: string) =>
    (
      await app.ctx.database.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, "auth.login_failed"), eq(auditLog.entityId, userId)))
    )[0].n;

  it("throttles the account, while its owner signs in from a known device with the right password", async () => {
    const db = app.ctx.database.db;
    const user = await buildUser(db, { roles: ["leadership"] });
    // The owner signed in on this browser before: it now holds a device cookie for the account.
    const owner = app.anonymous();
    expect((await login(owner, "203.0.113.7", user.username, TEST_PASSWORD)).status).toBe(200);
    expect((await owner.post("/api/auth/logout").set("X-Forwarded-For", "203.0.113.7")).status).toBe(204);

    const statuses: number[] = [];
    // 60 addresses, 5 guesses each; the owner's own address (an office's shared NAT) guesses too.
    const ips = [...Array.from({ length: 59 }, (_, i) => `198.51.100.${i + 1}`), "203.0.113.7"];
    for (const ip of ips)
      for (let k = 0; k < 5; k++)
        statuses.push((await login(app.anonymous(), ip, user.username, `guess-${k}`)).status);
    const refused = statuses.filter((s) => s === 429).length;
    console.info(
      `S12: ${statuses.length} guesses from 60 addresses: ${refused} refused (429), ${statuses.length - refused} checked`,
    );
    expect(refused).toBeGreaterThan(250);
    expect(statuses.filter((s) => s === 401).length).toBeLessThan(30);
    // Every failure that was checked is in the audit log.
    expect(await failuresAudited(user.id)).toBe(statuses.filter((s) => s === 401).length);

    // The right password from an unknown device waits like everyone else…
    const stranger = await login(app.anonymous(), "203.0.113.7", user.username, TEST_PASSWORD);
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers["retry-after"])).toBeGreaterThan(0);
    // …the owner's known device signs in at once, from the same address.
    const mine = await login(owner, "203.0.113.7", user.username, TEST_PASSWORD);
    expect(mine.status).toBe(200);
    expect((await owner.get("/api/me")).body.data.username).toBe(user.username);
  });

  it("makes each further guess wait longer (1 s, then 2 s…)", async () => {
    const user = await buildUser(app.ctx.database.db, { roles: ["leadership"] });
    for (let i = 0; i < 10; i++)
      expect((await login(app.anonymous(), `192.0.2.${i + 1}`, user.username, "wrong")).status).toBe(401);
    const first = await login(app.anonymous(), "192.0.2.100", user.username, "wrong");
    expect(first.status).toBe(429);
    expect(first.body.error.details.retryAfterSeconds).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await login(app.anonymous(), "192.0.2.101", user.username, "wrong")).status).toBe(401);
    const second = await login(app.anonymous(), "192.0.2.102", user.username, "wrong");
    expect(second.status).toBe(429);
    expect(second.body.error.details.retryAfterSeconds).toBe(2);
    expect(second.body.error.message).toMatch(/thiết bị đã đăng nhập trước đây/);
  });

  it("gives a known device its own ten tries per 15 minutes, whatever others do", async () => {
    const user = await buildUser(app.ctx.database.db, { roles: ["leadership"] });
    const device = app.anonymous();
    expect((await login(device, "203.0.113.50", user.username, TEST_PASSWORD)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await login(device, "203.0.113.50", user.username, "wrong")).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    // Even with the right password: a stolen device cookie is worth ten guesses.
    expect((await login(device, "203.0.113.50", user.username, TEST_PASSWORD)).status).toBe(429);
  });

  it("does not accept a device cookie issued for another account, or forged", async () => {
    const a = await buildUser(app.ctx.database.db, { roles: ["leadership"] });
    const b = await buildUser(app.ctx.database.db, { roles: ["leadership"] });
    const signedIn = await login(app.anonymous(), "203.0.113.60", a.username, TEST_PASSWORD);
    const setCookie = ([] as string[])
      .concat(signedIn.headers["set-cookie"] ?? [])
      .find((c) => c.startsWith("ca.dev="));
    expect(setCookie).toMatch(
      /^ca\.dev=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+;.*Path=\/api\/auth.*HttpOnly.*SameSite=Strict/i,
    );
    const cookie = { value: setCookie!.split(";")[0].slice("ca.dev=".length) };
    for (let i = 0; i < 10; i++) await login(app.anonymous(), "203.0.113.61", b.username, "wrong");
    // a's device cookie is no key to b's account, and neither is a forged one.
    const withA = await app
      .anonymous()
      .post("/api/auth/login")
      .set("X-Forwarded-For", "203.0.113.61")
      .set("Cookie", `ca.dev=${cookie.value}`)
      .send({ username: b.username, password: TEST_PASSWORD });
    expect(withA.status).toBe(429);
    const forged = await app
      .anonymous()
      .post("/api/auth/login")
      .set("X-Forwarded-For", "203.0.113.61")
      .set("Cookie", `ca.dev=${cookie.value.split(".")[0]}.${"A".repeat(43)}`)
      .send({ username: b.username, password: TEST_PASSWORD });
    expect(forged.status).toBe(429);
  });
});

describe("login_failures", () => {
  it("are pruned once older than any limit looks at", async () => {
    const app = await startTestApp();
    try {
      const db = app.ctx.database.db;
      const hour = 3_600_000;
      await db.insert(loginFailures).values([
        { username: "old", ip: "192.0.2.1", at: new Date(Date.now() - 2 * hour) },
        { username: "recent", ip: "192.0.2.1", at: new Date(Date.now() - 60_000) },
      ]);
      await pruneLoginFailures(db);
      expect((await db.select({ u: loginFailures.username }).from(loginFailures)).map((r) => r.u)).toEqual([
        "recent",
      ]);
    } finally {
      await app.close();
    }
  });
});

describe("TRUST_PROXY", () => {
  it("=false: X-Forwarded-For is ignored, so a client cannot pick a fresh address per guess", async () => {
    const app = await startTestApp({ env: { TRUST_PROXY: "false" } });
    try {
      const user = await buildUser(app.ctx.database.db, { roles: ["leadership"] });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push(
          (
            await app
              .anonymous()
              .post("/api/auth/login")
              .set("X-Forwarded-For", `198.51.100.${i + 1}`)
              .send({ username: user.username, password: "wrong" })
          ).status,
        );
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
      const audited = await app.ctx.database.db
        .select({ v: auditLog.newValue })
        .from(auditLog)
        .where(and(eq(auditLog.action, "auth.login_failed"), eq(auditLog.entityId, user.id)));
      expect(new Set(audited.map((r) => (r.v as { ip: string }).ip))).toEqual(new Set(["127.0.0.1"]));
    } finally {
      await app.close();
    }
  });

  it("takes Express's settings and refuses anything else by name", () => {
    const trust = (TRUST_PROXY: string) => loadConfig({ TRUST_PROXY }).trustProxy;
    expect(trust("false")).toBe(false);
    expect(trust("2")).toBe(2);
    expect(trust("uniquelocal, 203.0.113.9, 2001:db8::/32")).toBe("uniquelocal, 203.0.113.9, 2001:db8::/32");
    for (const bad of ["yes please", "10.0.0.0/33", "example.org", "loopback/8"])
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });
});

describe("S12: survey link tokens guessed", () => {
  let app: TestApp;
  let valid: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: "loopback" } });
    const admin = await app.login("admin");
    const { survey } = await trainingSurvey(admin);
    valid = (await issueLinks(admin, survey.id))[0].token;
  });
  afterAll(() => app.close());

  const guess = (ip: string, token = randomBytes(32).toString("base64url")) =>
    app.anonymous().get(`/api/survey/${token}`).set("X-Forwarded-For", ip);

  it("throttles one address after 30 wrong tokens, even for a right one; other addresses go on", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await guess("198.51.100.200")).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
    expect(statuses[30]).toBe(429);
    const blocked = await guess("198.51.100.200", valid);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("too_many_attempts");
    expect(blocked.body.error.message).toMatch(/đường dẫn khảo sát/);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect((await guess("198.51.100.201", valid)).status).toBe(200);
  });

  it("throttles guessing spread over many addresses, but not a respondent already in", async () => {
    let first429 = -1;
    for (let i = 0; i < 400 && first429 < 0; i++) {
      const res = await guess(`10.${Math.floor(i / 20)}.0.${i % 20}`);
      if (res.status === 429) first429 = i;
      else expect(res.status).toBe(404);
    }
    console.info(`S12: unknown tokens from many addresses throttled after ${first429} guesses`);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThanOrEqual(300);
    // A new address is refused for the rest of the minute; the respondent who opened the link earlier is not.
    expect((await guess("10.200.0.1", valid)).status).toBe(429);
    expect((await guess("198.51.100.201", valid)).status).toBe(200);
  });
});
