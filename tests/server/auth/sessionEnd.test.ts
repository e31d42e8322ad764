/**
 * S11 (docs/operations.md): a session that ends takes its live connections with it, at once. For sign-out, idle
 * expiry, absolute expiry, an account disabled and a password reset, a council member holds a Socket.IO socket in
 * a running meeting's room and a Yjs connection with edit rights on its document; after the session ends both must
 * be closed within 1 s (of the request that ended it, or of the moment it expired), the socket told
 * `session:ended` with the reason and the document closed with 4440 (final: the provider does not reconnect);
 * afterwards no meeting event reaches the socket and an edit made in the document reaches nobody. A member who
 * keeps the session alive (any REST request) keeps the connections past the idle timeout.
 */
import { eq, sql } from "drizzle-orm";
import { buildUser, TEST_PASSWORD } from "@ca/seeds";
import { sessions } from "@ca/server/src/db/schema";
import {
  closedAfter,
  expectCutOff,
  openLive,
  runningMeetingOn,
  type LivePerson,
} from "../../support/liveSession";
import { sleep } from "../../support/sockets";
import { startTestApp, type TestApp } from "../../support/testApp";

const WITHIN_MS = 1_000;

type Agent = Awaited<ReturnType<TestApp["login"]>>;

const opened: LivePerson[] = [];
afterEach(() => opened.splice(0).forEach((p) => p.close()));

/** A new council member, signed in (their own account: disabling or resetting it touches no one else). */
async function member(app: TestApp): Promise<{ agent: Agent; userId: string }> {
  const user = await buildUser(app.ctx.database.db, { roles: ["council_member"] });
  return { agent: await app.login(user.username, TEST_PASSWORD), userId: user.id };
}

async function live(app: TestApp, agent: Agent, ids: { meetingId: string; room: string }) {
  const p = await openLive(app, agent, ids.meetingId, ids.room);
  opened.push(p);
  return p;
}

/** When the member's session ends by itself: its stored idle expiry or its absolute limit, whichever comes first. */
async function deadlineOf(app: TestApp, userId: string): Promise<number> {
  const [row] = await app.ctx.database.db
    .select({ expiresAt: sessions.expiresAt, startedAt: sql<string>`${sessions.data}->>'startedAt'` })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  const absolute = Number(row.startedAt) + app.ctx.config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  return Math.min(row.expiresAt.getTime(), absolute);
}

describe("ended by a request", () => {
  let app: TestApp;
  let ids: { meetingId: string; room: string };
  beforeAll(async () => {
    app = await startTestApp();
    ids = await runningMeetingOn(app);
  });
  afterAll(() => app.close());

  it("sign-out closes the session's socket and document connection within 1 s", async () => {
    const m = await member(app);
    const p = await live(app, m.agent, ids);
    const sent = Date.now();
    expect((await m.agent.post("/api/auth/logout")).status).toBe(204);
    const after = await closedAfter(p, sent);
    console.info(`sign-out: socket closed after ${after.socket} ms, document after ${after.doc} ms`);
    expect(after.socket).toBeLessThanOrEqual(WITHIN_MS);
    expect(after.doc).toBeLessThanOrEqual(WITHIN_MS);
    await expectCutOff(app, p, m.userId, ids, "logout");
  });

  it("sign-out ends only that session: the same person signed in elsewhere stays connected", async () => {
    const user = await buildUser(app.ctx.database.db, { roles: ["council_member"] });
    const [here, there] = [
      await app.login(user.username, TEST_PASSWORD),
      await app.login(user.username, TEST_PASSWORD),
    ];
    const [p, q] = [await live(app, here, ids), await live(app, there, ids)];
    const sent = Date.now();
    expect((await here.post("/api/auth/logout")).status).toBe(204);
    expect((await closedAfter(p, sent)).doc).toBeLessThanOrEqual(WITHIN_MS);
    await sleep(300);
    expect(q.closed).toEqual({});
    expect(q.live.socket.connected).toBe(true);
  });

  it("disabling the account closes every connection of every session of it within 1 s", async () => {
    const user = await buildUser(app.ctx.database.db, { roles: ["council_member"] });
    const agents = [
      await app.login(user.username, TEST_PASSWORD),
      await app.login(user.username, TEST_PASSWORD),
    ];
    const people = [await live(app, agents[0], ids), await live(app, agents[1], ids)];
    const admin = await app.login("admin");
    const sent = Date.now();
    expect((await admin.patch(`/api/users/${user.id}`).send({ disabled: true })).status).toBe(200);
    for (const p of people) {
      const after = await closedAfter(p, sent);
      console.info(`disabled: socket closed after ${after.socket} ms, document after ${after.doc} ms`);
      expect(after.socket).toBeLessThanOrEqual(WITHIN_MS);
      expect(after.doc).toBeLessThanOrEqual(WITHIN_MS);
      await expectCutOff(app, p, user.id, ids, "disabled");
    }
  });

  it("a password reset closes every connection of every session of the account within 1 s", async () => {
    const m = await member(app);
    const p = await live(app, m.agent, ids);
    const admin = await app.login("admin");
    const sent = Date.now();
    const reset = await admin
      .post(`/api/users/${m.userId}/reset-password`)
      .send({ password: "Mật-khẩu-mới-2026" });
    expect(reset.status).toBe(204);
    const after = await closedAfter(p, sent);
    console.info(`password reset: socket closed after ${after.socket} ms, document after ${after.doc} ms`);
    expect(after.socket).toBeLessThanOrEqual(WITHIN_MS);
    expect(after.doc).toBeLessThanOrEqual(WITHIN_MS);
    await expectCutOff(app, p, m.userId, ids, "password_reset");
  });
});

/**
 * On a server with these session limits, a member's live connections, after `meanwhile` (activity, checks), must
 * end within 1 s of the session's own deadline (read from the store once `meanwhile` is over), as expired.
 */
async function expectEndsByTime(
  label: string,
  env: Record<string, string>,
  meanwhile: (
    m: { agent: Agent; userId: string },
    p: LivePerson,
    deadline: () => Promise<number>,
  ) => Promise<void>,
) {
  const app = await startTestApp({ env });
  try {
    const ids = await runningMeetingOn(app);
    const m = await member(app);
    const p = await live(app, m.agent, ids);
    const deadline = () => deadlineOf(app, m.userId);
    await meanwhile(m, p, deadline);
    const after = await closedAfter(p, await deadline());
    console.info(`${label}: socket closed ${after.socket} ms after it, document ${after.doc} ms after it`);
    for (const ms of [after.socket, after.doc]) {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(WITHIN_MS);
    }
    await expectCutOff(app, p, m.userId, ids, "expired");
  } finally {
    opened.splice(0).forEach((p) => p.close());
    await app.close();
  }
}

describe("ended by time", () => {
  it("idle expiry closes the connections within 1 s of it; REST activity keeps them open past it", async () => {
    // Six seconds of idle time: long enough to set the meeting up, short enough to wait for.
    await expectEndsByTime("idle expiry", { SESSION_IDLE_MINUTES: "0.1" }, async (m, p) => {
      // Active for longer than the idle timeout: any request moves the expiry on, and the connections stay.
      const started = Date.now();
      while (Date.now() - started < 9_000) {
        expect((await m.agent.get("/api/me")).status).toBe(200);
        await sleep(1_000);
      }
      expect(p.closed).toEqual({});
    });
  });

  it("absolute expiry closes the connections within 1 s of it, however active", async () => {
    // An absolute limit of 7.2 s, with the idle timeout at its default.
    await expectEndsByTime(
      "absolute expiry",
      { SESSION_ABSOLUTE_HOURS: "0.002" },
      async (m, _p, deadline) => {
        const end = (await deadline()) - 1_000;
        while (Date.now() < end) {
          await m.agent.get("/api/me");
          await sleep(500);
        }
      },
    );
  });
});
