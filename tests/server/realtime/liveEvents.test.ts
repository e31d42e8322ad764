/**
 * Live events over Socket.IO (docs/architecture.md, docs/targets.md S2, S3): each event reaches the rooms allowed to see it and no
 * other; room joins follow `can()`; the ranking broadcast is throttled to at most 4 a second per period.
 */
import { startTestApp, type TestApp } from "../../support/testApp";
import { liveClient, sleep, type LiveClient } from "../../support/sockets";
import { openWindow, selfAssessAll, signedReport, trainingDossier } from "../../support/workflow";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let periodId: string;
let snv: string;
let stc: string;
let admin: Agent;
let editor: Agent;
let head: Agent;
let chair: Agent;
const live: Record<"editor" | "chair" | "leader" | "home" | "stc", LiveClient> = {} as never;

beforeAll(async () => {
  app = await startTestApp();
  const t = await trainingDossier(app, "snv");
  admin = t.admin;
  periodId = t.period.id;
  snv = t.dossierId;
  stc = (await trainingDossier(app, "stc")).dossierId;
  editor = await app.login("editor.snv");
  head = await app.login("head.snv");
  chair = await app.login("chair");
  live.editor = await liveClient(app, editor);
  live.chair = await liveClient(app, chair);
  live.leader = await liveClient(app, await app.login("leader"));
  live.home = await liveClient(app, await app.login("member.home"));
  live.stc = await liveClient(app, await app.login("editor.stc"));
});
afterAll(async () => {
  for (const c of Object.values(live)) c?.close();
  await app.close();
});

/** Everything a client received that names the given dossier or comment. */
const about = (c: LiveClient, id: string) =>
  c.events.filter((e) => Object.values(e.payload ?? {}).includes(id));

describe("room joins follow the policy", () => {
  it("the agency joins its own dossier and the period, never the council's rooms nor another agency's dossier", async () => {
    expect(await live.editor.join(`dossier:${snv}`)).toEqual({ ok: true });
    expect(await live.editor.join(`period:${periodId}`)).toEqual({ ok: true });
    expect((await live.editor.join(`dossier:${snv}:council`)).ok).toBe(false);
    expect((await live.editor.join(`period:${periodId}:council`)).ok).toBe(false);
    expect((await live.editor.join(`dossier:${stc}`)).ok).toBe(false);
    expect((await live.stc.join(`dossier:${snv}`)).ok).toBe(false);
    expect(await live.stc.join(`dossier:${stc}`)).toEqual({ ok: true });
  });

  it("the council joins the dossier, its council room and the period's council room; the recused member does not", async () => {
    for (const room of [`dossier:${snv}`, `dossier:${snv}:council`, `period:${periodId}:council`])
      expect(await live.chair.join(room)).toEqual({ ok: true });
    expect(await live.leader.join(`period:${periodId}:council`)).toEqual({ ok: true });
    expect((await live.home.join(`dossier:${snv}:council`)).ok).toBe(false);
    expect((await live.home.join(`dossier:${snv}`)).ok).toBe(false);
    // member.home still sits on the council for every other unit.
    expect(await live.home.join(`dossier:${stc}:council`)).toEqual({ ok: true });
  });

  it("refuses hostile room names and survives joins with no acknowledgement", async () => {
    const me = (await editor.get("/api/me")).body.data;
    const chairId = (await chair.get("/api/me")).body.data.id;
    for (const room of [
      `user:${chairId}`,
      `dossier:${snv}:council:extra`,
      `dossier:${snv}:other`,
      `period:${periodId}:council:`,
      `meeting:${snv}`,
      "dossier:not-a-uuid",
      "dossier:' or 1=1 --",
      "period:00000000-0000-0000-0000-000000000000",
      "",
      ":",
      "dossier",
      "x".repeat(100_000),
      "__proto__",
    ]) {
      const r = await live.editor.join(room);
      expect({ room: room.slice(0, 60), ok: r.ok }).toEqual({ room: room.slice(0, 60), ok: false });
    }
    // Not a string, no callback, or a callback in the wrong place: nothing breaks.
    live.editor.socket.emit("join", { toString: null } as never, undefined as never);
    live.editor.socket.emit("join" as never);
    live.editor.socket.emit("join", [`dossier:${snv}:council`] as never, (r: { ok: boolean }) =>
      expect(r.ok).toBe(false),
    );
    live.editor.socket.emit("leave", { nested: { deep: true } } as never);
    await sleep(100);
    expect(live.editor.socket.connected).toBe(true);
    expect(await live.editor.join(`user:${me.id}`)).toMatchObject({ ok: false });
    expect(await live.editor.join(`dossier:${snv}`)).toEqual({ ok: true });
  });
});

describe("events reach the rooms allowed to see them, and only those", () => {
  let requestId: string;
  let internalId: string;

  it("dossier:update reaches the agency for its own dossier, through the self-assessment and the submission", async () => {
    await selfAssessAll(editor, snv);
    const update = await live.editor.waitFor("dossier:update", (p) => p.dossierId === snv);
    expect(update.payload).toMatchObject({ dossierId: snv, status: "draft" });
    expect(typeof update.payload.version).toBe("number");
    expect((await signedReport(head, `/api/dossiers/${snv}/submit`)).status).toBe(200);
    await live.editor.waitFor("dossier:update", (p) => p.dossierId === snv && p.status === "self_submitted");
    await live.chair.waitFor("dossier:update", (p) => p.dossierId === snv && p.status === "self_submitted");
    // Another agency hears nothing of it.
    expect(about(live.stc, snv)).toEqual([]);
  });

  it("a request for explanation reaches the agency as comment:new", async () => {
    const res = await chair
      .put(`/api/dossiers/${snv}/items/2.1/review`)
      .send({ round: 1, score: 9, comment: "Đề nghị bổ sung số liệu", requestExplanation: true });
    expect(res.status).toBe(200);
    requestId = res.body.data.commentId;
    expect(requestId).toEqual(expect.any(String));
    const got = await live.editor.waitFor("comment:new", (p) => p.commentId === requestId);
    expect(got.payload).toEqual({ dossierId: snv, commentId: requestId });
    await live.chair.waitFor("comment:new", (p) => p.commentId === requestId);
  });

  it("an internal comment reaches the council room only: the agency, the recused member and others get nothing", async () => {
    const res = await chair
      .put(`/api/dossiers/${snv}/items/1.3.1/review`)
      .send({ round: 1, score: 3.5, comment: "Ghi chú nội bộ của Hội đồng" });
    expect(res.status).toBe(200);
    internalId = res.body.data.commentId;
    expect(internalId).toEqual(expect.any(String));
    const got = await live.chair.waitFor("comment:new", (p) => p.commentId === internalId);
    expect(got.payload).toEqual({ dossierId: snv, commentId: internalId });
    await sleep(500);
    expect(about(live.editor, internalId)).toEqual([]);
    expect(
      live.editor.events.filter((e) => e.event === "comment:new").map((e) => e.payload.commentId),
    ).toEqual([requestId]);
    for (const c of [live.home, live.stc, live.leader]) expect(about(c, internalId)).toEqual([]);
    // The recused member hears of no comment on the conflicted dossier at all.
    expect(
      live.home.events.filter((e) => e.event.startsWith("comment:") && e.payload.dossierId === snv),
    ).toEqual([]);
    expect(about(live.stc, snv)).toEqual([]);
  });

  /**
   * 20 reviews of one leaf at once, `settleMs` after earlier events (longer than the throttle), and the window to
   * count what they caused, until `settleMs` after them.
   */
  async function burstOfReviews(first: number, settleMs: number) {
    await sleep(settleMs);
    const from = Date.now();
    const sentAt: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        sentAt.push(Date.now());
        return chair
          .put(`/api/dossiers/${snv}/items/1.3.1/review`)
          .send({ round: 1, score: ((first + i) % 16) * 0.25, comment: "" });
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const burstEnd = Date.now();
    await sleep(settleMs);
    const to = Date.now();
    const inWindow = (c: LiveClient, event: string) =>
      c.events.filter((e) => e.event === event && e.at >= from && e.at <= to);
    /** At most one per `interval`, spaced by the throttle, the last one after the last write was sent. */
    const expectThrottled = (events: LiveClient["events"], interval: number) => {
      const allowed = Math.ceil((to - from) / interval) + 1;
      expect(events.length).toBeGreaterThanOrEqual(1);
      expect(events.length).toBeLessThanOrEqual(allowed);
      // Spaced by the throttle: `interval` between the server's sending times (`at` of the payload; the receipt times
      // here also carry this process's own queue, the server and the clients sharing it).
      const sent = events.map((e) => Date.parse(String(e.payload.at)));
      for (let i = 1; i < sent.length; i++)
        expect(sent[i] - sent[i - 1]).toBeGreaterThanOrEqual(interval - 5);
      // A trailing one comes after the last write was sent, so a dashboard that refetches sees it.
      expect(events[events.length - 1].at).toBeGreaterThanOrEqual(Math.max(...sentAt));
      console.info(
        `${events[0].event}: ${events.length} events over ${to - from} ms (burst ${burstEnd - from} ms, allowed ≤ ${allowed})`,
      );
    };
    return { inWindow, expectThrottled };
  }

  it("ranking:update reaches the leader at most 4 times a second during a burst of 20 reviews, and once after it", async () => {
    const { inWindow, expectThrottled } = await burstOfReviews(0, 1_000);
    const updates = inWindow(live.leader, "ranking:update");
    expectThrottled(updates, 250);
    for (const u of updates) expect(u.payload).toMatchObject({ periodId, at: expect.any(String) });
    // Agencies are not in the council's period room: no ranking for them before publication.
    expect(live.editor.events.filter((e) => e.event === "ranking:update")).toEqual([]);
    expect(live.stc.events.filter((e) => e.event === "ranking:update")).toEqual([]);
  });

  it("the council's period room hears period:update at most once a second during a burst of 20 reviews, never each dossier's own event", async () => {
    const { inWindow, expectThrottled } = await burstOfReviews(3, 1_500);
    // The leader is in the period's council room only: a dashboard, not a dossier's screen.
    const signals = inWindow(live.leader, "period:update");
    expectThrottled(signals, 1_000);
    for (const s of signals) expect(s.payload).toEqual({ periodId, at: expect.any(String) });
    expect(inWindow(live.leader, "dossier:update")).toEqual([]);
    // The dossier's own rooms still hear every write.
    expect(inWindow(live.chair, "dossier:update").length).toBeGreaterThanOrEqual(20);
    // Agencies are not in the council's period room.
    expect(live.editor.events.filter((e) => e.event === "period:update")).toEqual([]);
    expect(live.stc.events.filter((e) => e.event === "period:update")).toEqual([]);
  });

  it("closing round 1 notifies the agency's accounts (notification:new on their own user room) and updates the dossier", async () => {
    const before = live.editor.events.length;
    const res = await chair.post(`/api/dossiers/${snv}/transition`).send({ to: "round1_done" });
    expect(res.status).toBe(200);
    const note = await live.editor.waitFor("notification:new", (p) => p.kind === "round1_closed");
    const stored = (await editor.get("/api/notifications")).body.data;
    expect(stored[0]).toMatchObject({ id: note.payload.notificationId, kind: "round1_closed" });
    await live.editor.waitFor("dossier:update", (p) => p.dossierId === snv && p.status === "round1_done");
    // Each account gets its own notification; nobody else's reaches it.
    expect(live.editor.events.slice(before).filter((e) => e.event === "notification:new")).toHaveLength(1);
    for (const c of [live.chair, live.leader, live.home, live.stc])
      expect(
        c.events.filter(
          (e) => e.event === "notification:new" && e.payload.notificationId === note.payload.notificationId,
        ),
      ).toEqual([]);
  });

  it("the agency's answer reaches its dossier room as comment:update", async () => {
    await openWindow(admin, periodId, "explanation");
    const res = await editor
      .post(`/api/comments/${requestId}/answer`)
      .send({ answer: "Đã bổ sung báo cáo quý IV", proposedScore: 10 });
    expect(res.status).toBe(200);
    const got = await live.editor.waitFor("comment:update", (p) => p.commentId === requestId);
    expect(got.payload).toEqual({ dossierId: snv, commentId: requestId, status: "answered" });
    await live.chair.waitFor("comment:update", (p) => p.commentId === requestId);
    expect(about(live.stc, requestId)).toEqual([]);
    expect(about(live.home, requestId)).toEqual([]);
  });
});

describe("a socket does not outlive the rights it was authorized with", () => {
  const waitDisconnect = (c: LiveClient, ms = 2000) =>
    new Promise<string>((resolve, reject) => {
      if (!c.socket.connected) return resolve("already");
      const timer = setTimeout(() => reject(new Error("still connected")), ms);
      c.socket.once("disconnect", (reason) => (clearTimeout(timer), resolve(reason)));
    });

  it("disabling an account, or changing its roles or unit, disconnects its sockets", async () => {
    const units = (await admin.get("/api/units")).body.data as { id: string; code: string }[];
    const created: Record<string, string> = {};
    for (const username of ["member.tam", "member.tam2", "editor.tam"]) {
      const res = await admin.post("/api/users").send({
        username,
        fullName: "Tài khoản tạm",
        password: "Tam123456",
        roles: username.startsWith("member") ? ["council_member"] : ["agency_editor"],
        unitId: username.startsWith("member") ? null : units.find((u) => u.code === "stc")!.id,
      });
      expect(res.status).toBe(201);
      created[username] = res.body.data.id;
    }
    const demoted = await liveClient(app, await app.login("member.tam", "Tam123456"));
    const disabled = await liveClient(app, await app.login("member.tam2", "Tam123456"));
    const moved = await liveClient(app, await app.login("editor.tam", "Tam123456"));
    try {
      expect(await demoted.join(`dossier:${stc}:council`)).toEqual({ ok: true });
      expect(await disabled.join(`dossier:${stc}:council`)).toEqual({ ok: true });
      expect(await moved.join(`dossier:${stc}`)).toEqual({ ok: true });

      expect(
        (
          await admin
            .patch(`/api/users/${created["member.tam"]}`)
            .send({ roles: ["agency_editor"], unitId: units.find((u) => u.code === "snv")!.id })
        ).status,
      ).toBe(200);
      await waitDisconnect(demoted);
      expect(
        (await admin.patch(`/api/users/${created["member.tam2"]}`).send({ disabled: true })).status,
      ).toBe(200);
      await waitDisconnect(disabled);
      expect(
        (
          await admin
            .patch(`/api/users/${created["editor.tam"]}`)
            .send({ unitId: units.find((u) => u.code === "snv")!.id })
        ).status,
      ).toBe(200);
      await waitDisconnect(moved);

      // Reconnecting with the same session gets the account's rights as they are now.
      demoted.socket.connect();
      await new Promise<void>((r) => demoted.socket.once("connect", () => r()));
      expect((await demoted.join(`dossier:${stc}:council`)).ok).toBe(false);
      expect((await demoted.join(`dossier:${stc}`)).ok).toBe(false);
      // The disabled account's session is gone: a new connection is dropped at once.
      const dropped = new Promise<string>((resolve) => disabled.socket.once("disconnect", resolve));
      disabled.socket.connect();
      expect(await dropped).toBe("io server disconnect");
    } finally {
      for (const c of [demoted, disabled, moved]) c.close();
    }
  });

  it("a renamed account keeps its socket", async () => {
    const created = await admin.post("/api/users").send({
      username: "leader.tam",
      fullName: "Lãnh đạo tạm",
      password: "Tam123456",
      roles: ["leadership"],
      unitId: null,
    });
    const c = await liveClient(app, await app.login("leader.tam", "Tam123456"));
    try {
      expect(
        (await admin.patch(`/api/users/${created.body.data.id}`).send({ fullName: "Lãnh đạo tạm (đổi tên)" }))
          .status,
      ).toBe(200);
      await sleep(300);
      expect(c.socket.connected).toBe(true);
    } finally {
      c.close();
    }
  });
});
