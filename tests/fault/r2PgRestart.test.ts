/**
 * R2 (docs/operations.md): PostgreSQL restarted under load. Ten agency editors write official self-assessment
 * scores without pause and two council members type into a meeting document while `pg_ctl restart -m fast` ends
 * every database connection (57P01) and the database is gone for a moment. The server process must stay up;
 * `/readyz` must say not ready, then ready again; every request in between must get either its 2xx or a 503
 * `database_unavailable` with Retry-After; every write acknowledged 2xx must be in the database afterwards, and
 * every keystroke typed into the document must be in the stored document after a clean stop. Prints one line
 * starting `R2` (lost = 0).
 *
 * The database is a private PostgreSQL cluster made for this test (tests/support/privatePostgres.ts): the shared
 * server on 5432 is never restarted. The app server runs as its own process (the bundle `npm start` runs).
 */
import fs from "node:fs";
import * as Y from "yjs";
import { collabRoom, noteText, openMeetingDocument } from "@ca/shared";
import { openPostgres } from "@ca/server/src/db/client";
import { loadDocumentUpdates } from "@ca/server/src/collab/persistence";
import {
  freePort,
  startServerProcess,
  tempDir,
  waitReady,
  type ServerProcess,
} from "../support/serverProcess";
import { startPrivatePostgres, type PrivatePostgres } from "../support/privatePostgres";
import {
  contentOf,
  HttpSession,
  prepareMeetingDossiers,
  sleep,
  startMeeting,
  until,
  userIdOf,
  yClient,
  type YClient,
} from "../support/liveLoad";
import {
  agencyWriters,
  countBy,
  isAcknowledged,
  isUnexpected,
  lostWrites,
  trainingDrafts,
  writeUntil,
  type OfficialWrite,
} from "../support/officialWriters";

const WRITERS = 10;
const TYPISTS = 2;
const LOAD_BEFORE_RESTART_MS = 3_000;
const LOAD_AFTER_READY_MS = 3_000;
const TYPING_EVERY_MS = 100;

let pg: PrivatePostgres;
let server: ServerProcess;
let dataDir: string;
const typists: YClient[] = [];

beforeAll(async () => {
  process.setMaxListeners(50);
  pg = await startPrivatePostgres();
  dataDir = tempDir("ca-r2-");
  server = startServerProcess(
    {
      DATABASE_URL: pg.url,
      SESSION_SECRET: "r2-pg-restart-session-secret-0123456789",
      FAST_HASH: "1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
    await freePort(),
  );
  await waitReady(server);
});

afterAll(async () => {
  typists.forEach((t) => t.destroy());
  if (server && server.child.exitCode === null && server.child.signalCode === null) await server.stop();
  pg?.remove();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

it("stays up through a PostgreSQL restart under 10 writers: 503 meanwhile, /readyz not ready then ready, nothing acknowledged lost", async () => {
  const base = server.url;
  const setup = await openPostgres(pg.url, 2);
  // A meeting document for the typists, and ten other training dossiers, one per writer.
  const { periodId, dossiers: agenda } = await prepareMeetingDossiers(setup.db, 1);
  const targets = await trainingDrafts(setup.db, WRITERS, [agenda[0].unitCode]);
  await setup.close();
  expect(targets).toHaveLength(WRITERS);
  const admin = await new HttpSession(base).login("admin");
  const writers = await agencyWriters(admin, targets, "r2.editor");

  const chair = await new HttpSession(base).login("chair");
  const member = await new HttpSession(base).login("member.finance");
  const meetingId = await startMeeting(chair, periodId, [agenda[0].id]);
  const room = collabRoom(meetingId, agenda[0].id);
  for (const [i, s] of [chair, member].slice(0, TYPISTS).entries())
    typists.push(yClient(base, s, room, `typist-${i}`, await userIdOf(s)));
  await Promise.all(typists.map((t) => t.synced()));

  const writes: OfficialWrite[] = [];
  const readiness: { at: number; status: number | string }[] = [];
  const tokens: [string, string][] = [];
  let stopAt = Infinity;
  const writing = writeUntil(writers, () => Date.now() >= stopAt, writes);
  const polling = (async () => {
    while (Date.now() < stopAt) {
      const at = Date.now();
      try {
        const res = await fetch(`${base}/readyz`);
        await res.arrayBuffer();
        readiness.push({ at, status: res.status });
      } catch (err) {
        readiness.push({ at, status: (err as { cause?: { code?: string } }).cause?.code ?? String(err) });
      }
      await sleep(25);
    }
  })();
  const typing = (async () => {
    const codes = [...agenda[0].leaves.slice(0, 3).map((l) => l.code)];
    for (let n = 0; Date.now() < stopAt; n++) {
      const typist = typists[n % typists.length];
      const code = codes[n % codes.length];
      const token = `${typist.name}#${n};`;
      noteText(typist.md, code)!.insert(noteText(typist.md, code)!.length, token);
      tokens.push([code, token]);
      await sleep(TYPING_EVERY_MS);
    }
  })();

  await sleep(LOAD_BEFORE_RESTART_MS);
  const restartAt = Date.now();
  await pg.restart();
  const restartedAt = Date.now();
  // Ready again once /readyz says so after having said not ready; then the load goes on for a while.
  const notReady = () => readiness.find((r) => r.at >= restartAt && r.status !== 200);
  const readyAgain = () => {
    const down = notReady();
    return down && readiness.find((r) => r.at > down.at && r.status === 200);
  };
  await until(() => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return; // reported below
    if (!readyAgain())
      throw new Error(`/readyz: ${JSON.stringify(readiness.filter((r) => r.at >= restartAt))}`);
  }, 30_000).catch(() => undefined);
  stopAt = Date.now() + LOAD_AFTER_READY_MS;
  await Promise.all([...writing, polling, typing]);

  const alive = server.child.exitCode === null && server.child.signalCode === null;
  const healthz = alive ? (await fetch(`${base}/healthz`).catch(() => null))?.status : undefined;
  const down = notReady();
  const back = readyAgain();

  const check = await openPostgres(pg.url, 2);
  const lost = await lostWrites(check.db, writers, writes).finally(() => check.close());

  // The document: a clean stop writes what is pending; the stored document must hold every token typed.
  typists.splice(0).forEach((t) => t.destroy());
  await server.stop();
  const db = await openPostgres(pg.url, 2);
  const doc = new Y.Doc();
  try {
    (await loadDocumentUpdates(db.db, room)).forEach((u) => Y.applyUpdate(doc, u));
  } finally {
    await db.close();
  }
  const storedNotes = contentOf(openMeetingDocument(doc)).notes;
  const lostTokens = tokens.filter(([code, token]) => !(storedNotes[code] ?? "").includes(token));

  const during = writes.filter((w) => w.answeredAt >= restartAt && (!back || w.sentAt <= back.at));
  const unexpected = writes.filter(isUnexpected);
  const statuses = countBy(writes.map((w) => `${w.status}${w.errorCode ? ` ${w.errorCode}` : ""}`));
  console.log(
    [
      `R2 PostgreSQL restart under ${WRITERS} writers + ${TYPISTS} typists: ` +
        `server ${alive ? "stayed up" : "DIED"}, /readyz not ready ${down ? `+${down.at - restartAt} ms` : "never"}` +
        ` → ready again ${back ? `+${back.at - restartAt} ms` : "never"} after the restart began` +
        ` (pg_ctl restart took ${restartedAt - restartAt} ms), lost = ${lost.length + lostTokens.length}`,
      `  writes: ${writes.length} (${writes.filter(isAcknowledged).length} acknowledged 2xx), statuses ${JSON.stringify(statuses)}; ` +
        `between restart and ready: ${JSON.stringify(countBy(during.map((w) => String(w.status))))}; unexpected: ${unexpected.length}`,
      `  document: ${tokens.length} tokens typed, lost from the stored document ${lostTokens.length}`,
      ...lost.slice(0, 10).map((l) => `    LOST ${l}`),
      ...unexpected
        .slice(0, 10)
        .map((w) => `    UNEXPECTED writer ${w.writer} #${w.n}: ${w.status} ${w.errorCode ?? ""}`),
      ...(alive ? [] : [`  server output:\n${server.output().slice(-4000)}`]),
    ].join("\n"),
  );

  expect(alive).toBe(true);
  expect(healthz).toBe(200);
  expect(down).toBeDefined();
  expect(back).toBeDefined();
  expect(unexpected.map((w) => `${w.status} ${w.errorCode ?? ""}`)).toEqual([]);
  expect(writes.filter((w) => w.status === 503).length).toBeGreaterThan(0);
  expect(writes.filter((w) => isAcknowledged(w) && back && w.sentAt > back.at).length).toBeGreaterThan(0);
  expect(lost).toEqual([]);
  expect(lostTokens).toEqual([]);
}, 240_000);
