/**
 * A signed-in person's live connections, for the tests of ending sessions (S11, docs/operations.md): a Socket.IO
 * socket joined to a running meeting's room and a Yjs connection with edit rights on one of its documents, each
 * recording when and how the server closed it.
 */
import { and, eq, inArray } from "drizzle-orm";
import { COLLAB_CLOSE, noteText } from "@ca/shared";
import { dossiers, periods, units } from "@ca/server/src/db/schema";
import { collabClient, eventually, type CollabClient } from "./collab";
import { liveClient, sleep, type LiveClient } from "./sockets";
import type { TestApp } from "./testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

/** A running meeting (started by the chair) over TP Tuy Hòa's 2023 dossier, put in round2_done for it. */
export async function runningMeetingOn(
  app: TestApp,
): Promise<{ meetingId: string; room: string; periodId: string; unitId: string }> {
  const { db } = app.ctx.database;
  const [row] = await db
    .select({ id: dossiers.id, periodId: periods.id, unitId: units.id })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .innerJoin(periods, eq(periods.id, dossiers.periodId))
    .where(and(eq(periods.code, "2023"), inArray(units.code, ["tp-tuyhoa"])));
  await db.update(dossiers).set({ status: "round2_done" }).where(eq(dossiers.id, row.id));
  const chair = await app.login("chair");
  const created = await chair.post(`/api/periods/${row.periodId}/meetings`).send({
    title: "Phiên họp kiểm thử phiên đăng nhập",
    startsAt: new Date().toISOString(),
    agenda: [row.id],
  });
  if (created.status !== 201) throw new Error(`meeting: ${created.status} ${JSON.stringify(created.body)}`);
  const meetingId = created.body.data.id as string;
  const started = await chair.post(`/api/meetings/${meetingId}/start`);
  if (started.status !== 200) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  return {
    meetingId,
    room: created.body.data.agenda[0].room as string,
    periodId: row.periodId,
    unitId: row.unitId,
  };
}

export interface LivePerson {
  live: LiveClient;
  doc: CollabClient;
  /** When the server ended the socket and the document connection (Date.now()), and the document's close code. */
  closed: { socket?: number; doc?: number; code?: number };
  close(): void;
}

/** Opens both connections for a signed-in agent on `app` (socket joined to the meeting room, document synced). */
export async function openLive(
  app: TestApp,
  agent: Agent,
  meetingId: string,
  room: string,
): Promise<LivePerson> {
  const live = await liveClient(app, agent);
  const joined = await live.join(`meeting:${meetingId}`);
  if (!joined.ok) throw new Error(`join: ${joined.error}`);
  const doc = collabClient(app, agent, room);
  await doc.synced;
  const closed: LivePerson["closed"] = {};
  live.socket.on("disconnect", () => (closed.socket ??= Date.now()));
  void doc.closed.then((code) => {
    closed.doc = Date.now();
    closed.code = code;
  });
  return {
    live,
    doc,
    closed,
    close: () => {
      live.close();
      doc.destroy();
    },
  };
}

/** Waits (until 5 s after `since`) for both connections to close; returns how long after `since` each closed. */
export async function closedAfter(p: LivePerson, since: number): Promise<{ socket: number; doc: number }> {
  await eventually(
    () => {
      if (p.closed.socket === undefined || p.closed.doc === undefined)
        throw new Error(`still open: ${JSON.stringify(p.closed)}`);
    },
    Math.max(0, since - Date.now()) + 5_000,
  ).catch(() => undefined);
  return { socket: (p.closed.socket ?? Infinity) - since, doc: (p.closed.doc ?? Infinity) - since };
}

/**
 * What must hold once a person's session has ended: told why on the socket, the document closed for good with
 * 4440, no connection of theirs left on the server, no meeting event reaching the socket afterwards (the chair,
 * signed in afresh, moves the meeting), and an edit made afterwards in their document reaching nobody.
 */
export async function expectCutOff(
  app: TestApp,
  p: LivePerson,
  userId: string,
  ids: { meetingId: string; room: string },
  reason: string,
): Promise<void> {
  expect(p.live.events.filter((e) => e.event === "session:ended").map((e) => e.payload)).toEqual([
    { reason },
  ]);
  expect(p.closed.code).toBe(COLLAB_CLOSE.sessionEnded);
  expect(app.collab.inspect().documents.flatMap((d) => d.users ?? [])).not.toContain(userId);
  const seen = p.live.events.length;
  const chair = await app.login("chair");
  const dossierId = (await chair.get(`/api/meetings/${ids.meetingId}`)).body.data.agenda[0].dossierId;
  expect(
    (await chair.post(`/api/meetings/${ids.meetingId}/focus`).send({ dossierId, leafCode: null })).status,
  ).toBe(200);
  const code = [...p.doc.md.notes.keys()][0];
  const token = `after-the-end-${Date.now()}`;
  noteText(p.doc.md, code)!.insert(0, token);
  const watcher = collabClient(app, chair, ids.room);
  try {
    await watcher.synced;
    await sleep(300);
    expect(noteText(watcher.md, code)!.toString()).not.toContain(token);
  } finally {
    watcher.destroy();
  }
  expect(p.live.events.slice(seen)).toEqual([]);
}
