/**
 * docs/targets.md R1: `kill -9` of the server while 20 editors each make 10 edits/s for 30 s; restart on the same
 * database. Every edit any client made must be in every client's document and in the server's (a fresh client, and
 * the stored document after a clean stop); every official score write answered 2xx must be in the database; every
 * client must reconnect on its own within 5 s of the restarted server being ready. Prints what was lost (target:
 * zero) and the reconnection times.
 *
 * The server runs as its own process (`tsx server/src/main.ts`, as `npm start` runs it) on a fresh PostgreSQL
 * database (DATABASE_URL, default the local server), and is restarted with the same DATABASE_URL, SESSION_SECRET
 * and port, so sessions and documents survive and the stock providers find it again by themselves.
 *
 * R1_DEBUG=1 prints each client's reconnection timeline and keeps the restarted server's debug log in
 * $TMPDIR/r1-server2.log. Reconnection times are printed with the CPU time the server ran and waited for from
 * /proc: on a shared, overloaded machine the wait dominates.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { collabRoom, noteText, openMeetingDocument, setAdjustment, type TAdjustment } from "@ca/shared";
import { openPostgres, type Database } from "@ca/server/src/db/client";
import { loadDocumentUpdates } from "@ca/server/src/collab/persistence";
import { dossiers, indexItems, periods, scores, units } from "@ca/server/src/db/schema";
import {
  freePort,
  startServerProcess,
  tempDir,
  waitReady,
  type ServerProcess,
} from "../support/serverProcess";
import {
  contentOf,
  cpuOf,
  covers,
  createCouncilMembers,
  HttpSession,
  LOCAL_POSTGRES,
  prepareMeetingDossiers,
  scratchDatabase,
  serverPidOf,
  sleep,
  startMeeting,
  summary,
  until,
  userIdOf,
  validScore,
  yClient,
  type MeetingDossier,
  type YClient,
} from "../support/liveLoad";

const EDITORS = 20;
const DOCUMENTS = 3;
const EDITS_PER_SECOND = 10;
const SECONDS = 30;
const KILL_AFTER_MS = 15_000;
const RECONNECT_TARGET_MS = 5_000;
const OFFICIAL_EVERY_MS = 200;

interface Editor {
  client: YClient;
  dossier: MeetingDossier;
  /** The leaves whose adjustment only this editor writes: its last value of each must survive. */
  own: MeetingDossier["leaves"];
  lastAdjustment: Map<string, TAdjustment>;
  /** Every note insertion it made: [leaf code, unique token]. */
  tokens: [string, string][];
  adjustmentsWritten: number;
  missingNotes: number;
}

interface OfficialWrite {
  /** Its sequence number, also written in the score's note: a later write of the same leaf carries a larger one. */
  n: number;
  code: string;
  score: number;
  status: number | string;
  sentAt: number;
}

const isAcknowledged = (w: OfficialWrite) =>
  typeof w.status === "number" && w.status >= 200 && w.status < 300;

let db: { url: string; drop: () => Promise<void> };
let database: Database;
let dataDir: string;
let port: number;
const servers: ServerProcess[] = [];
const editors: Editor[] = [];
const fresh: YClient[] = [];

const countBy = (xs: string[]) =>
  xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});

const env = () => ({
  DATABASE_URL: db.url,
  SESSION_SECRET: "r1-kill-nine-session-secret-0123456789",
  FAST_HASH: "1",
  DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
});

beforeAll(async () => {
  // One stock provider adds one process "exit" listener.
  process.setMaxListeners(100);
  db = await scratchDatabase(process.env.DATABASE_URL ?? LOCAL_POSTGRES, "ca_r1");
  dataDir = tempDir("ca-r1-");
  port = await freePort();
});

afterAll(async () => {
  [...editors.map((e) => e.client), ...fresh].forEach((c) => c.destroy());
  for (const s of servers) {
    if (s.child.exitCode === null && s.child.signalCode === null) await s.stop();
  }
  await database?.close().catch(() => undefined);
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it("loses nothing to a kill -9 under 20 editors at 10 edits/s, and every client reconnects by itself", async () => {
  servers.push(startServerProcess(env(), port));
  await waitReady(servers[0]);
  const base = servers[0].url;
  database = await openPostgres(db.url, 2);

  // Three dossiers in round2_done on a running meeting; 20 council editors spread over them.
  const { periodId, dossiers: agenda } = await prepareMeetingDossiers(database.db, DOCUMENTS);
  const admin = await new HttpSession(base).login("admin");
  const chair = await new HttpSession(base).login("chair");
  const demo = await Promise.all(
    ["chair", "member.finance", "member.home", "wg"].map(async (u) => {
      const session = u === "chair" ? chair : await new HttpSession(base).login(u);
      return { session, username: u, userId: await userIdOf(session) };
    }),
  );
  const council = [...demo, ...(await createCouncilMembers(admin, "r1.member", EDITORS - demo.length))];
  const meetingId = await startMeeting(
    chair,
    periodId,
    agenda.map((d) => d.id),
  );

  council.forEach((m, i) => {
    const dossier = agenda[i % DOCUMENTS];
    const slot = Math.floor(i / DOCUMENTS);
    const peers = Math.ceil((EDITORS - (i % DOCUMENTS)) / DOCUMENTS);
    editors.push({
      client: yClient(base, m.session, collabRoom(meetingId, dossier.id), m.username, m.userId),
      dossier,
      own: dossier.leaves.filter((_, k) => k % peers === slot),
      lastAdjustment: new Map(),
      tokens: [],
      adjustmentsWritten: 0,
      missingNotes: 0,
    });
  });
  await Promise.all(editors.map((e) => e.client.synced()));

  // Official writes alongside: the agency editor of TP Tuy Hòa scores its training draft dossier, one leaf each.
  const [tuyhoa] = await database.db
    .select({ id: dossiers.id })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .innerJoin(periods, eq(periods.id, dossiers.periodId))
    .where(and(eq(units.code, "tp-tuyhoa"), eq(periods.kind, "training")));
  const agency = await new HttpSession(base).login("editor.tuyhoa");
  const selfLeaves = (
    (await agency.json("GET", `/api/dossiers/${tuyhoa.id}`)).data.leaves as {
      code: string;
      method: string;
      maxPoints: number;
      step: number;
      kind: string;
    }[]
  )
    // Leaves scored by points: the writes below send numbers (docs/scoring-kinds.md).
    .filter((l) => l.method === "self" && l.kind === "points");
  const official: OfficialWrite[] = [];
  let restartedAt = 0;
  const acknowledgedAfterRestart = (w: OfficialWrite) =>
    isAcknowledged(w) && restartedAt > 0 && w.sentAt > restartedAt;

  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const start = Date.now();
  // 30 s, and at least 5 s more once the restarted server is ready (a restart can be slow on a loaded machine).
  let end = start + SECONDS * 1000;
  const editing = editors.map(async (e, i) => {
    let due = start + (i / EDITORS) * (1000 / EDITS_PER_SECOND);
    for (let n = 0; due < end; n++, due += 1000 / EDITS_PER_SECOND) {
      if (due > Date.now()) await sleep(due - Date.now());
      if (n % 2 === 0) {
        const leaf = e.own[(n / 2) % e.own.length];
        const adjustment = {
          score: validScore(leaf, n / 2 + i + 1),
          by: e.client.userId,
          at: new Date().toISOString(),
        };
        setAdjustment(e.client.md, leaf.code, adjustment);
        // As written: setAdjustment adds the proposal it replaced (`over`).
        e.lastAdjustment.set(leaf.code, e.client.md.adjustments.get(leaf.code)!);
        e.adjustmentsWritten++;
      } else {
        // Notes of leaves shared by several editors: concurrent insertions into the same Y.Text.
        const code = e.dossier.leaves[(n * 7 + i) % e.dossier.leaves.length].code;
        const text = noteText(e.client.md, code);
        if (!text) {
          e.missingNotes++;
          continue;
        }
        const token = `${e.client.name}#${n};`;
        text.insert(text.length, token);
        e.tokens.push([code, token]);
      }
    }
  });
  const writing = (async () => {
    // Until the editing ends, and at least until one write is acknowledged by the restarted server.
    for (let n = 0; Date.now() < end || (restartedAt && !official.some(acknowledgedAfterRestart)); n++) {
      if (Date.now() > end + 60_000) break;
      const leaf = selfLeaves[n % selfLeaves.length];
      const steps = Math.round(leaf.maxPoints / leaf.step);
      const score = Math.round(((n % steps) + 1) * leaf.step * 100) / 100;
      const sentAt = Date.now();
      try {
        const res = await agency.request("PUT", `/api/dossiers/${tuyhoa.id}/items/${leaf.code}/self`, {
          score,
          note: `r1 ${n}`,
        });
        await res.arrayBuffer();
        official.push({ n, code: leaf.code, score, status: res.status, sentAt });
      } catch (err) {
        const status = (err as { cause?: { code?: string } }).cause?.code ?? String(err);
        official.push({ n, code: leaf.code, score, status, sentAt });
      }
      await sleep(OFFICIAL_EVERY_MS);
    }
  })();

  // Half-way: kill -9 the server process itself (not its tsx launcher), restart it on the same database and port.
  await sleep(start + KILL_AFTER_MS - Date.now());
  const pid = serverPidOf(servers[0].child.pid!);
  const killedAt = Date.now();
  process.kill(pid, "SIGKILL");
  await servers[0].exited;
  restartedAt = Date.now();
  servers.push(
    startServerProcess(
      {
        ...env(),
        LOG_LEVEL: process.env.R1_DEBUG ? "debug" : "warn",
      },
      port,
    ),
  );
  await waitReady(servers[1]);
  const readyAt = Date.now();
  const serverPid = serverPidOf(servers[1].child.pid!);
  const cpuAtReady = { server: cpuOf(serverPid), tests: cpuOf(process.pid) };
  end = Math.max(end, readyAt + 5_000);

  await Promise.all([...editing, writing]);
  const editsDone = Date.now();

  // Every provider reconnects and syncs again by itself.
  await until(() => {
    const waiting = editors.filter((e) => !e.client.syncedAt.some((t) => t > killedAt));
    if (waiting.length) throw new Error(`not reconnected: ${waiting.map((e) => e.client.name).join(", ")}`);
  }, 20_000);
  const cpuAtSynced = { server: cpuOf(serverPid), tests: cpuOf(process.pid) };
  const syncedAll = Date.now();
  const reconnectMs = editors.map((e) => e.client.syncedAt.find((t) => t > killedAt)! - readyAt);
  // Of which: the WebSocket open (backoff) vs the server's session check, document load and sync.
  const openMs = editors.map((e) => e.client.connectedAt.filter((t) => t > killedAt).at(-1)! - readyAt);

  if (process.env.R1_DEBUG) {
    for (const e of editors)
      console.log(
        e.client.name,
        e.dossier.unitCode,
        "open",
        e.client.connectedAt.filter((t) => t > killedAt).map((t) => t - readyAt),
        "sync",
        e.client.syncedAt.filter((t) => t > killedAt).map((t) => t - readyAt),
      );
    console.log("test process event-loop delay max ms", lag.max / 1e6, "p99", lag.percentile(99) / 1e6);
    fs.writeFileSync(path.join(os.tmpdir(), "r1-server2.log"), servers[1].output());
  }
  // Each document: all its clients converge, then a fresh client (the server's state) says the same.
  const byDoc = agenda.map((d) => editors.filter((e) => e.dossier === d));
  const settleMs = await until(() => {
    for (const group of byDoc)
      for (const e of group) {
        expect(contentOf(e.client.md)).toEqual(contentOf(group[0].client.md));
        expect(covers(e.client.doc, group[0].client.doc) && covers(group[0].client.doc, e.client.doc)).toBe(
          true,
        );
      }
  }, 20_000);
  for (const d of agenda)
    fresh.push(yClient(base, chair, collabRoom(meetingId, d.id), `fresh-${d.unitCode}`, ""));
  await Promise.all(fresh.map((c) => c.synced()));

  // What was lost: per editor, per document (its clients, the fresh one, then the stored document after a clean stop).
  const lost = { notes: 0, adjustments: 0, updates: 0, stored: 0, official: 0 };
  const lostDetail: string[] = [];
  agenda.forEach((d, di) => {
    const docs = [...byDoc[di].map((e) => e.client), fresh[di]];
    for (const e of byDoc[di]) {
      for (const target of docs) {
        const notes = contentOf(target.md).notes;
        const missing = e.tokens.filter(([code, token]) => !(notes[code] ?? "").includes(token));
        lost.notes += missing.length;
        if (missing.length) lostDetail.push(`${target.name}: ${missing.length} notes of ${e.client.name}`);
        for (const [code, adj] of e.lastAdjustment) {
          if (JSON.stringify(target.md.adjustments.get(code)) !== JSON.stringify(adj)) {
            lost.adjustments++;
            lostDetail.push(`${target.name}: adjustment ${code} of ${e.client.name}`);
          }
        }
        if (!covers(target.doc, e.client.doc)) {
          lost.updates++;
          lostDetail.push(`${target.name}: lacks updates of ${e.client.name}`);
        }
      }
    }
  });
  const expectedContent = fresh.map((c) => contentOf(c.md));

  // Official writes: every 2xx is in the database.
  const acknowledged = official.filter(
    (w) => typeof w.status === "number" && w.status >= 200 && w.status < 300,
  );
  const rows = await database.db
    .select({ code: indexItems.code, score: scores.score, note: scores.note })
    .from(scores)
    .innerJoin(indexItems, eq(indexItems.id, scores.itemId))
    .where(and(eq(scores.dossierId, tuyhoa.id), eq(scores.stage, "self")));
  // Writes are sequential: an acknowledged write is lost when its leaf holds an older write (or none).
  const stored = new Map(rows.map((r) => [r.code, { score: r.score, n: Number(r.note.replace("r1 ", "")) }]));
  for (const w of acknowledged) {
    const row = stored.get(w.code);
    const later = official.find((o) => o.code === w.code && o.n === row?.n);
    const ok = row && (row.n === w.n ? row.score === Math.round(w.score * 100) : row.n > w.n && later);
    if (!ok) {
      lost.official++;
      lostDetail.push(
        `official self score #${w.n} ${w.code}=${w.score}: database has ${JSON.stringify(row)}`,
      );
    }
  }

  // A clean stop writes what is pending; the stored documents must hold everything the clients have.
  await servers[1].stop();
  for (const [i, d] of agenda.entries()) {
    const doc = new Y.Doc();
    (await loadDocumentUpdates(database.db, collabRoom(meetingId, d.id))).forEach((u) =>
      Y.applyUpdate(doc, u),
    );
    const content = contentOf(openMeetingDocument(doc));
    if (JSON.stringify(content) !== JSON.stringify(expectedContent[i])) {
      lost.stored++;
      lostDetail.push(`stored document of ${d.unitCode} differs from the clients'`);
    }
    if (!covers(doc, fresh[i].doc)) {
      lost.stored++;
      lostDetail.push(`stored document of ${d.unitCode} lacks updates`);
    }
    doc.destroy();
  }

  const notesMade = editors.reduce((n, e) => n + e.tokens.length, 0);
  const adjustmentsMade = editors.reduce((n, e) => n + e.adjustmentsWritten, 0);
  const leavesChecked = editors.reduce((n, e) => n + e.lastAdjustment.size, 0);
  const r = summary(reconnectMs);
  console.log(
    [
      `R1 kill -9: ${EDITORS} editors × ${EDITS_PER_SECOND} edits/s × ${SECONDS} s on ${DOCUMENTS} documents (PostgreSQL), lost = ${Object.values(lost).reduce((a, b) => a + b, 0)}`,
      `  killed at +${killedAt - start} ms; restarted server ready ${readyAt - killedAt} ms after the kill; edits ended +${editsDone - start} ms`,
      `  edits checked: ${notesMade} note insertions (each by token) + ${adjustmentsMade} adjustments (final value of ${leavesChecked} leaves, each written by one editor); notes missing at edit time: ${editors.reduce((n, e) => n + e.missingNotes, 0)}`,
      `  reconnection after ready (ms): p50 ${r.p50} p95 ${r.p95} max ${r.max}; all: ${[...reconnectMs].sort((a, b) => a - b).join(" ")}`,
      `  of which the WebSocket opened after (ms): p50 ${summary(openMs).p50} max ${summary(openMs).max}; opened → synced (ms): max ${Math.max(...reconnectMs.map((r, i) => r - openMs[i]))}`,
      `  from ready to all synced (${syncedAll - readyAt} ms wall): server ran ${Math.round(cpuAtSynced.server.runMs - cpuAtReady.server.runMs)} ms on a CPU and waited ${Math.round(cpuAtSynced.server.waitMs - cpuAtReady.server.waitMs)} ms for one; this test process ran ${Math.round(cpuAtSynced.tests.runMs - cpuAtReady.tests.runMs)} ms, waited ${Math.round(cpuAtSynced.tests.waitMs - cpuAtReady.tests.waitMs)} ms; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${os.cpus().length} cores`,
      `  clients converged ${settleMs} ms after the last reconnection check`,
      `  official writes: ${official.length} sent, ${acknowledged.length} acknowledged 2xx (${official.filter(acknowledgedAfterRestart).length} sent after the restart), others: ${JSON.stringify(countBy(official.filter((w) => !acknowledged.includes(w)).map((w) => String(w.status))))}`,
      `  LOST: note insertions ${lost.notes}, adjustments ${lost.adjustments}, missing updates ${lost.updates}, stored documents ${lost.stored}, official writes ${lost.official}`,
      ...lostDetail.slice(0, 20).map((l) => `    ${l}`),
      ...(lostDetail.length ? [`  restarted server's log:\n${servers[1].output().slice(-3000)}`] : []),
    ].join("\n"),
  );

  expect(lost).toEqual({ notes: 0, adjustments: 0, updates: 0, stored: 0, official: 0 });
  expect(editors.every((e) => e.missingNotes === 0)).toBe(true);
  // The writes covered both servers.
  expect(official.filter((w) => isAcknowledged(w) && w.sentAt < killedAt).length).toBeGreaterThan(0);
  expect(official.filter(acknowledgedAfterRestart).length).toBeGreaterThan(0);
  expect(Math.max(...reconnectMs)).toBeLessThanOrEqual(RECONNECT_TARGET_MS);
}, 240_000);
