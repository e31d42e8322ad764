/**
 * R2 (docs/operations.md) on the shared PostgreSQL, which must never be restarted: the server's own connections are
 * ended under it instead (`pg_terminate_backend`, the same 57P01 "terminating connection due to administrator
 * command" a restart sends), again and again while ten agency editors write, so that some connections die between
 * two statements of a transaction, checked out of the pool. The server (in this process: an unheard 'error' event
 * would end it) must answer each write with its 2xx or a 503 `database_unavailable` with Retry-After, report not
 * ready and then ready again, and hold every acknowledged write. The restart itself is tests/fault/r2PgRestart.
 * Needs DATABASE_URL (run by `npm run test:pg`).
 */
import { sql } from "drizzle-orm";
import type { Pool } from "pg";
import { HttpSession, sleep, until } from "../support/liveLoad";
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
import { withAdmin } from "../support/templateDatabase";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../support/testApp";

const WRITERS = 10;
const TERMINATIONS = 6;

let app: TestApp;

beforeAll(async () => {
  if (!process.env.DATABASE_URL) throw new Error("this test needs DATABASE_URL (npm run test:pg)");
  app = await startTestApp();
});
afterAll(() => app?.close());

it("answers 2xx or 503 while its connections are terminated mid-transaction, flips readiness, loses nothing", async () => {
  const { db } = app.ctx.database;
  const name = (
    (await db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] }
  ).rows[0].name;
  const admin = await new HttpSession(app.baseUrl, TEST_ORIGIN).login("admin");
  const writers = await agencyWriters(admin, await trainingDrafts(db, WRITERS), "r2s.editor");

  const changes: { reachable: boolean; at: number }[] = [];
  const unwatch = app.ctx.database.reachability.onChange((reachable) =>
    changes.push({ reachable, at: Date.now() }),
  );
  const readiness: number[] = [];
  const writes: OfficialWrite[] = [];
  let stopped = false;
  const writing = writeUntil(writers, () => stopped, writes);
  const polling = (async () => {
    while (!stopped) {
      readiness.push((await fetch(`${app.baseUrl}/readyz`)).status);
      await sleep(20);
    }
  })();

  let terminated = 0;
  for (let i = 0; i < TERMINATIONS; i++) {
    await sleep(400);
    terminated += await withAdmin(process.env.DATABASE_URL!, async (c) => {
      const r = await c.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [name],
      );
      return r.rowCount ?? 0;
    });
  }
  await until(() => expect(app.ctx.database.reachability.reachable).toBe(true), 10_000);
  await sleep(500);
  stopped = true;
  await Promise.all([...writing, polling]);
  unwatch();
  // Every client back in the pool: none was lost to a transaction whose BEGIN failed on a dead connection. The
  // sealer and the reachability probe borrow one for a few milliseconds at any time, so give them 5 s to give it
  // back: a leaked client never comes back.
  const pool = (db as unknown as { $client: Pool }).$client;
  const inUse = () => pool.totalCount - pool.idleCount;
  for (const until5s = Date.now() + 5_000; inUse() > 0 && Date.now() < until5s;) await sleep(25);
  const checkedOut = inUse();

  const lost = await lostWrites(db, writers, writes);
  const unexpected = writes.filter(isUnexpected);
  console.info(
    `connections terminated ${terminated} times over ${TERMINATIONS} rounds under ${WRITERS} writers: ` +
      `${writes.length} writes ${JSON.stringify(countBy(writes.map((w) => `${w.status}${w.errorCode ? ` ${w.errorCode}` : ""}`)))}; ` +
      `reachability changes ${changes.map((c) => (c.reachable ? "up" : "down")).join(" ")}; ` +
      `/readyz ${JSON.stringify(countBy(readiness.map(String)))}; clients still checked out ${checkedOut}; lost = ${lost.length}`,
  );

  expect(terminated).toBeGreaterThan(0);
  expect(checkedOut).toBe(0);
  expect(unexpected.map((w) => `${w.status} ${w.errorCode ?? ""}`)).toEqual([]);
  expect(lost).toEqual([]);
  expect(changes.some((c) => !c.reachable)).toBe(true);
  expect(changes.at(-1)?.reachable).toBe(true);
  expect(readiness).toContain(503);
  expect(writes.filter(isAcknowledged).length).toBeGreaterThan(0);
  expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
});
