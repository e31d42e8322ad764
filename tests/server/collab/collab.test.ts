/**
 * The Yjs endpoint (docs/architecture.md, docs/targets.md S3–S5, R1): the stock y-websocket provider against the running server.
 * Each test runs its own meeting over Tuy Hòa's and Sở Nội vụ's 2023 dossiers (set to round2_done here).
 */
import { and, eq, inArray } from "drizzle-orm";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import {
  COLLAB_CLOSE,
  openMeetingDocument,
  readAdjustments,
  setAdjustment,
  type MeetingDocument,
} from "@ca/shared";
import { loadDocumentUpdates } from "@ca/server/src/collab/persistence";
import { encodeAwarenessUpdate } from "@ca/server/src/collab/protocol";
import { collabDocs, collabUpdates, dossiers, periods, units, users } from "@ca/server/src/db/schema";
import { collabClient, eventually, rawSocket, type CollabClient } from "../../support/collab";
import { cookieOf, liveClient } from "../../support/sockets";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let chair: Agent;
let wg: Agent;
let leader: Agent;
let home: Agent;
const ids = { period: "", tuyhoa: "", snv: "", stc: "", tuyhoaUnit: "", user: {} as Record<string, string> };
const clients: CollabClient[] = [];
const meetingsToEnd: string[] = [];

const collab = () => app.collab;
const open = (agent: Agent | null, room: string, origin?: string) => {
  const c = collabClient(app, agent, room, origin);
  clients.push(c);
  return c;
};
const adjustment = (score: number, by: string) => ({ score, by, at: new Date().toISOString() });
/** What a client's document says, in plain values. */
const contentOf = (md: MeetingDocument) => ({
  adjustments: Object.fromEntries(readAdjustments(md)),
  notes: Object.fromEntries(
    [...md.notes.entries()].map(([k, t]) => [k, t.toString()]).filter(([, t]) => t !== ""),
  ),
  minutes: md.minutes.toString(),
});

/** Creates and starts a meeting (as the chair) over the given dossiers; returns its id and rooms. */
async function runningMeeting(agenda = [ids.tuyhoa, ids.snv], start = true) {
  const created = await chair
    .post(`/api/periods/${ids.period}/meetings`)
    .send({ title: "Phiên họp Hội đồng thẩm định", startsAt: new Date().toISOString(), agenda });
  expect(created.status).toBe(201);
  const id = created.body.data.id as string;
  if (start) {
    expect((await chair.post(`/api/meetings/${id}/start`)).status).toBe(200);
    meetingsToEnd.push(id);
  }
  const room = (dossierId: string) =>
    (created.body.data.agenda as { dossierId: string; room: string }[]).find((a) => a.dossierId === dossierId)
      ?.room ?? "";
  return { id, tuyhoa: room(ids.tuyhoa), snv: room(ids.snv) };
}

/** Rebuilds a document from what the database holds. */
async function storedContent(room: string) {
  const doc = new Y.Doc();
  (await loadDocumentUpdates(app.ctx.database.db, room)).forEach((u) => Y.applyUpdate(doc, u));
  return contentOf(openMeetingDocument(doc));
}

beforeAll(async () => {
  app = await startTestApp();
  const { db } = app.ctx.database;
  const [period] = await db.select().from(periods).where(eq(periods.code, "2023"));
  ids.period = period.id;
  const rows = await db
    .select({ id: dossiers.id, code: units.code, unitId: units.id })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(and(eq(dossiers.periodId, period.id), inArray(units.code, ["tp-tuyhoa", "snv", "stc"])));
  const byCode = (c: string) => rows.find((r) => r.code === c)!;
  Object.assign(ids, { tuyhoa: byCode("tp-tuyhoa").id, snv: byCode("snv").id, stc: byCode("stc").id });
  ids.tuyhoaUnit = byCode("tp-tuyhoa").unitId;
  // Round 2 closed: what the meeting agrees (the workflow up to here is covered by workflow.test.ts).
  await db
    .update(dossiers)
    .set({ status: "round2_done" })
    .where(inArray(dossiers.id, [ids.tuyhoa, ids.snv]));
  for (const u of await db.select({ id: users.id, username: users.username }).from(users))
    ids.user[u.username] = u.id;
  [chair, wg, leader, home] = await Promise.all(
    ["chair", "wg", "leader", "member.home"].map((u) => app.login(u)),
  );
});

afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  for (const id of meetingsToEnd.splice(0)) await chair.post(`/api/meetings/${id}/end`);
});

afterAll(() => app.close());

describe("the Yjs endpoint with the stock WebsocketProvider", () => {
  it("lets two council members converge on adjustments and notes, and persists their edits promptly", async () => {
    const m = await runningMeeting();
    const a = open(chair, m.tuyhoa);
    // The same room spelled with upper-case ids is the same document, never a second one.
    const upper = m.tuyhoa.replace(
      /^meeting-(.{36})-dossier-(.{36})$/,
      (_, x: string, y: string) => `meeting-${x.toUpperCase()}-dossier-${y.toUpperCase()}`,
    );
    const b = open(wg, upper);
    await Promise.all([a.synced, b.synced]);
    expect(
      collab()
        .inspect()
        .documents.find((d) => d.name === m.tuyhoa)?.connections,
    ).toBe(2);
    // The server created one notes text per leaf before anyone synced (clients never create them).
    const codes = [...a.md.notes.keys()].sort();
    expect(codes.length).toBeGreaterThan(20);
    expect([...b.md.notes.keys()].sort()).toEqual(codes);

    // Concurrent edits, the same leaf included: both sides end with the same winner.
    setAdjustment(a.md, codes[0], adjustment(150, ids.user.chair));
    setAdjustment(b.md, codes[0], adjustment(175, ids.user.wg));
    setAdjustment(b.md, codes[1], adjustment(50, ids.user.wg));
    a.md.notes.get(codes[0])!.insert(0, "Chủ tịch: đạt. ");
    b.md.notes.get(codes[0])!.insert(0, "Tổ công tác: thiếu minh chứng. ");
    await eventually(() => {
      expect(contentOf(a.md)).toEqual(contentOf(b.md));
      expect(Object.keys(contentOf(a.md).adjustments).sort()).toEqual([codes[0], codes[1]]);
      expect(a.md.notes.get(codes[0])!.toString()).toContain("Chủ tịch: đạt.");
      expect(a.md.notes.get(codes[0])!.toString()).toContain("Tổ công tác: thiếu minh chứng.");
    });
    // YKeyValue keeps one entry per leaf in every replica once the overwrite is resolved.
    await eventually(() => expect(a.md.adjustments.yarray.length).toBe(2));

    // Appended to the database as they arrive, without waiting for anyone to leave.
    await eventually(async () => expect(await storedContent(m.tuyhoa)).toEqual(contentOf(a.md)));
  });

  it("drops a leadership connection's updates: forged edits reach nobody and change nothing stored (S4)", async () => {
    const m = await runningMeeting();
    const a = open(chair, m.tuyhoa);
    const b = open(wg, m.tuyhoa);
    const l = open(leader, m.tuyhoa);
    await Promise.all([a.synced, b.synced, l.synced]);
    const [c0, c1, c2, c3] = [...a.md.notes.keys()].sort();

    // Leadership reads live.
    setAdjustment(a.md, c0, adjustment(100, ids.user.chair));
    await eventually(() => expect(readAdjustments(l.md).get(c0)?.score).toBe(100));
    await eventually(async () => expect((await storedContent(m.tuyhoa)).adjustments[c0]).toBeDefined());
    const storedBefore = await app.ctx.database.db
      .select({ id: collabUpdates.id })
      .from(collabUpdates)
      .where(eq(collabUpdates.docName, m.tuyhoa));

    // 1. Through the stock provider: edits made in the leader's own document are sent, and dropped.
    setAdjustment(l.md, c1, adjustment(999, ids.user.leader));
    l.md.notes.get(c0)!.insert(0, "FORGED ");
    // 2. Raw protocol messages: a sync step 2 and an update, carrying a forged adjustment.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(a.doc));
    setAdjustment(openMeetingDocument(forger), c2, adjustment(1, ids.user.chair));
    const forged = Y.encodeStateAsUpdate(forger, Y.encodeStateVector(a.doc));
    const raw = rawSocket(app, `/collab/${m.tuyhoa}`, { Cookie: cookieOf(leader), Origin: TEST_ORIGIN });
    await raw.opened;
    for (const write of [syncProtocol.writeSyncStep2, syncProtocol.writeUpdate]) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      if (write === syncProtocol.writeSyncStep2) {
        const e2 = encoding.createEncoder();
        encoding.writeVarUint(e2, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(e2, forged);
        encoding.writeUint8Array(e, encoding.toUint8Array(e2));
      } else syncProtocol.writeUpdate(e, forged);
      raw.ws.send(encoding.toUint8Array(e));
    }
    // Barrier: the server answers a query-awareness after the messages before it on that socket.
    const seen = raw.messages.length;
    raw.ws.send(Uint8Array.of(3));
    await eventually(() => expect(raw.messages.slice(seen).some((msg) => msg[0] === 1)).toBe(true));

    // A legitimate edit after them arrives; none of the forged ones did, anywhere.
    setAdjustment(a.md, c3, adjustment(25, ids.user.chair));
    await eventually(() => expect(readAdjustments(b.md).get(c3)?.score).toBe(25));
    await eventually(() => expect(readAdjustments(l.md).get(c3)?.score).toBe(25));
    for (const md of [a.md, b.md]) {
      expect(readAdjustments(md).has(c1)).toBe(false);
      expect(readAdjustments(md).has(c2)).toBe(false);
      expect(md.notes.get(c0)!.toString()).not.toContain("FORGED");
    }
    const live = new Y.Doc();
    Y.applyUpdate(live, collab().liveStates([m.tuyhoa]).get(m.tuyhoa)!);
    expect(contentOf(openMeetingDocument(live))).toEqual(contentOf(a.md));
    await collab().flush([m.tuyhoa]);
    const stored = await storedContent(m.tuyhoa);
    expect(stored).toEqual(contentOf(a.md));
    expect(stored.adjustments[c1]).toBeUndefined();
    expect(stored.adjustments[c2]).toBeUndefined();
    // The only row written since is the chair's edit.
    const storedAfter = await app.ctx.database.db
      .select({ id: collabUpdates.id })
      .from(collabUpdates)
      .where(eq(collabUpdates.docName, m.tuyhoa));
    expect(storedAfter.length - storedBefore.length).toBe(1);
    expect(
      collab()
        .inspect()
        .documents.find((d) => d.name === m.tuyhoa)?.editors,
    ).toBe(2);
    raw.ws.close();
  });

  it("lets presence through for everyone, each connection speaking only for itself; closes on malformed messages", async () => {
    const m = await runningMeeting();
    const a = open(chair, m.tuyhoa);
    const l = open(leader, m.tuyhoa);
    await Promise.all([a.synced, l.synced]);
    a.provider.awareness.setLocalStateField("name", "Chủ tịch");
    const stateOf = (c: CollabClient, id: number) =>
      c.provider.awareness.getStates().get(id) as Record<string, unknown>;
    await eventually(() =>
      expect(stateOf(l, a.doc.clientID)).toMatchObject({ name: "Chủ tịch", userId: ids.user.chair }),
    );

    const raw = rawSocket(app, `/collab/${m.tuyhoa}`, { Cookie: cookieOf(leader), Origin: TEST_ORIGIN });
    await raw.opened;
    const awareness = (entries: { clientID: number; clock: number; state: string }[]) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(entries));
      return encoding.toUint8Array(e);
    };
    // Someone else's client id is refused; its own passes, with the session's user id whatever it claims.
    raw.ws.send(
      awareness([{ clientID: a.doc.clientID, clock: 999, state: JSON.stringify({ name: "hijack" }) }]),
    );
    raw.ws.send(
      awareness([
        { clientID: 4242, clock: 1, state: JSON.stringify({ name: "Lãnh đạo", userId: ids.user.chair }) },
      ]),
    );
    await eventually(() => expect(stateOf(l, 4242)).toEqual({ name: "Lãnh đạo", userId: ids.user.leader }));
    expect(stateOf(a, a.doc.clientID)).toMatchObject({ name: "Chủ tịch" });
    expect(stateOf(l, a.doc.clientID)).toMatchObject({ name: "Chủ tịch", userId: ids.user.chair });

    // Not the protocol: that connection is closed, nobody else notices; its presence goes with it.
    raw.ws.send(Uint8Array.of(0, 9, 9));
    expect(await raw.outcome).toEqual({ closeCode: COLLAB_CLOSE.badMessage });
    await eventually(() => expect(stateOf(l, 4242)).toBeUndefined());
    setAdjustment(a.md, [...a.md.notes.keys()][0], adjustment(75, ids.user.chair));
    await eventually(() => expect(readAdjustments(l.md).size).toBe(1));

    // A member who drops and comes back reappears at once (not at the next 15-second renewal).
    a.provider.disconnect();
    await eventually(() => expect(stateOf(l, a.doc.clientID)).toBeUndefined());
    a.provider.connect();
    await eventually(() =>
      expect(stateOf(l, a.doc.clientID)).toMatchObject({ name: "Chủ tịch", userId: ids.user.chair }),
    );
  });

  it("refuses a recused member entirely: not one byte of the conflicted dossier's document (S3)", async () => {
    const m = await runningMeeting();
    const recused = open(home, m.snv);
    expect(await recused.closed).toBe(COLLAB_CLOSE.recused);
    expect(recused.md.notes.size).toBe(0);
    const raw = rawSocket(app, `/collab/${m.snv}`, { Cookie: cookieOf(home), Origin: TEST_ORIGIN });
    expect(await raw.outcome).toEqual({ closeCode: COLLAB_CLOSE.recused });
    expect(raw.messages).toHaveLength(0);
    // The same member edits the other dossiers of the meeting.
    const other = open(home, m.tuyhoa);
    await other.synced;
    expect(
      collab()
        .inspect()
        .documents.find((d) => d.name === m.tuyhoa)?.editors,
    ).toBe(1);
  });

  it("refuses cross-site and unauthenticated handshakes, agencies, and rooms that do not exist (S2, S5)", async () => {
    const m = await runningMeeting();
    const path = `/collab/${m.tuyhoa}`;
    const cookie = cookieOf(chair);
    // Cross-site: refused with 403 before any upgrade, session or not.
    expect(await rawSocket(app, path, { Cookie: cookie, Origin: "https://evil.example" }).outcome).toEqual({
      status: 403,
    });
    expect(await rawSocket(app, path, { Cookie: cookie }).outcome).toEqual({ status: 403 });
    // No session.
    expect(await rawSocket(app, path, { Origin: TEST_ORIGIN }).outcome).toEqual({
      closeCode: COLLAB_CLOSE.unauthenticated,
    });
    expect(await open(null, m.tuyhoa).closed).toBe(COLLAB_CLOSE.unauthenticated);
    // An agency, even on its own dossier: the council's work is not theirs to see before publication.
    const agency = await app.login("head.tuyhoa");
    expect(await open(agency, m.tuyhoa).closed).toBe(COLLAB_CLOSE.forbidden);
    // Unknown meeting, dossier not on the agenda, and a name that is not a room.
    const unknown = `/collab/meeting-${crypto.randomUUID()}-dossier-${ids.tuyhoa}`;
    expect(await rawSocket(app, unknown, { Cookie: cookie, Origin: TEST_ORIGIN }).outcome).toEqual({
      closeCode: COLLAB_CLOSE.notFound,
    });
    const offAgenda = `/collab/meeting-${m.id}-dossier-${ids.stc}`;
    expect(await rawSocket(app, offAgenda, { Cookie: cookie, Origin: TEST_ORIGIN }).outcome).toEqual({
      closeCode: COLLAB_CLOSE.notFound,
    });
    expect(await rawSocket(app, "/collab/nothing", { Cookie: cookie, Origin: TEST_ORIGIN }).outcome).toEqual({
      status: 404,
    });
  });

  it("leaves Socket.IO's own upgrades on /socket.io alone", async () => {
    const m = await runningMeeting();
    const a = open(chair, m.tuyhoa);
    await a.synced;
    const live = await liveClient(app, chair);
    try {
      expect(await live.join(`period:${ids.period}`)).toEqual({ ok: true });
    } finally {
      live.close();
    }
  });

  it("closes a member's connection when a conflict of interest is declared mid-meeting", async () => {
    const m = await runningMeeting();
    const finance = await app.login("member.finance");
    const f = open(finance, m.tuyhoa);
    const a = open(chair, m.tuyhoa);
    await Promise.all([f.synced, a.synced]);
    const admin = await app.login("admin");
    const declared = await admin.post(`/api/periods/${ids.period}/conflicts`).send({
      userId: ids.user["member.finance"],
      unitId: ids.tuyhoaUnit,
      reason: "Vợ là Phó Chủ tịch UBND TP Tuy Hòa",
    });
    expect(declared.status).toBe(201);
    // What the conflicts route is to call once wired.
    await collab().reauthorizeUser(ids.user["member.finance"]);
    expect(await f.closed).toBe(COLLAB_CLOSE.recused);
    // The blunt tool closes every connection of a user on a document.
    expect(collab().closeUserConnections(ids.user.chair, m.tuyhoa)).toBe(1);
    expect(await a.closed).toBe(COLLAB_CLOSE.recused);
  });

  it("makes watchers editors when the meeting starts, and everyone read-only when it ends", async () => {
    const m = await runningMeeting([ids.tuyhoa], false);
    const a = open(chair, m.tuyhoa);
    const b = open(wg, m.tuyhoa);
    await Promise.all([a.synced, b.synced]);
    const [c0, c1, c2] = [...a.md.notes.keys()].sort();
    // Planned: nobody edits yet.
    setAdjustment(a.md, c0, adjustment(10, ids.user.chair));
    expect((await chair.post(`/api/meetings/${m.id}/start`)).status).toBe(200);
    // Started: the chair's connection is promoted in place, and its earlier local edit is fetched by sync.
    setAdjustment(a.md, c1, adjustment(20, ids.user.chair));
    await eventually(() => expect(contentOf(b.md).adjustments).toEqual(contentOf(a.md).adjustments));
    expect(readAdjustments(b.md).get(c1)?.score).toBe(20);
    const beforeEnd = contentOf(a.md);
    expect((await chair.post(`/api/meetings/${m.id}/end`)).status).toBe(200);
    // Ended: edits are dropped; the "end" snapshot is the final state.
    setAdjustment(a.md, c2, adjustment(30, ids.user.chair));
    await new Promise((r) => setTimeout(r, 200));
    expect(readAdjustments(b.md).has(c2)).toBe(false);
    await collab().flush([m.tuyhoa]);
    expect((await storedContent(m.tuyhoa)).adjustments).toEqual(beforeEnd.adjustments);
    expect(
      collab()
        .inspect()
        .documents.find((d) => d.name === m.tuyhoa)?.editors,
    ).toBe(0);
  });

  it("frees a document from memory after its last client leaves, compacted into one state row", async () => {
    const m = await runningMeeting();
    const a = open(chair, m.tuyhoa);
    const b = open(wg, m.tuyhoa);
    await Promise.all([a.synced, b.synced]);
    const codes = [...a.md.notes.keys()].sort();
    for (let i = 0; i < 20; i++)
      setAdjustment(i % 2 ? a.md : b.md, codes[i % 5], adjustment(25 * i, ids.user.chair));
    await eventually(() => expect(contentOf(a.md)).toEqual(contentOf(b.md)));
    const final = contentOf(a.md);
    expect(
      collab()
        .inspect()
        .documents.map((d) => d.name),
    ).toContain(m.tuyhoa);
    a.destroy();
    b.destroy();
    await eventually(() =>
      expect(
        collab()
          .inspect()
          .documents.map((d) => d.name),
      ).not.toContain(m.tuyhoa),
    );
    const { db } = app.ctx.database;
    expect(await db.select().from(collabUpdates).where(eq(collabUpdates.docName, m.tuyhoa))).toHaveLength(0);
    expect(await db.select().from(collabDocs).where(eq(collabDocs.docName, m.tuyhoa))).toHaveLength(1);
    // Opened again, it is loaded from that row.
    const again = open(chair, m.tuyhoa);
    await again.synced;
    expect(contentOf(again.md)).toEqual(final);
  });

  it("keeps every edit across a server restart over the same database", async () => {
    const m = await runningMeeting();
    const a = open(chair, m.tuyhoa);
    const b = open(wg, m.tuyhoa);
    await Promise.all([a.synced, b.synced]);
    const codes = [...a.md.notes.keys()].sort();
    codes
      .slice(0, 10)
      .forEach((c, i) => setAdjustment(i % 2 ? a.md : b.md, c, adjustment(25 * (i + 1), ids.user.wg)));
    a.md.notes.get(codes[3])!.insert(0, "Ghi chú trước khi khởi động lại");
    const para = new Y.XmlElement("paragraph");
    para.insert(0, [new Y.XmlText("Biên bản: Hội đồng thống nhất.")]);
    b.md.minutes.insert(0, [para]);
    await eventually(() => expect(contentOf(a.md)).toEqual(contentOf(b.md)));
    const final = contentOf(a.md);
    expect(final.minutes).toContain("Hội đồng thống nhất");

    // Stopped while both are connected; a new server over the same data, and a client that never saw the edits.
    await app.close({ keepDatabase: true });
    clients.splice(0).forEach((c) => c.destroy());
    meetingsToEnd.splice(0);
    app = await startTestApp({ database: app.testDatabase });
    chair = await app.login("chair");
    const fresh = open(chair, m.tuyhoa);
    await fresh.synced;
    expect(contentOf(fresh.md)).toEqual(final);
    expect((await chair.post(`/api/meetings/${m.id}/end`)).status).toBe(200);
  });
});
