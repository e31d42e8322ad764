/**
 * The judge's lease per meeting document (docs/scaling.md), against the real Redis: one holder at a time; a holder
 * that finds its lease taken stops judging at once; a lease whose holder went silent expires and is taken; a lease
 * freed on shutdown is taken within a tick. Needs REDIS_URL (run by `npm run test:pg`).
 */
import { randomUUID } from "node:crypto";
import pino from "pino";
import { createClient } from "redis";
import {
  JudgeLeases,
  LEASE_TICK_MS,
  LEASE_TTL_MS,
  type Redis,
} from "@ca/server/src/collab/cluster/judgeLease";
import { until } from "../support/liveLoad";

const prefix = `ca-lease-test-${randomUUID().slice(0, 8)}`;
const logger = pino({ level: "silent" });
const clients: Redis[] = [];
const leases: JudgeLeases[] = [];

async function instance(id: string) {
  const redis = createClient({ url: process.env.REDIS_URL }) as unknown as Redis;
  await redis.connect();
  clients.push(redis);
  const l = new JudgeLeases(redis, prefix, id, logger);
  leases.push(l);
  const changes: boolean[] = [];
  return { l, redis, changes, on: (judging: boolean) => void changes.push(judging) };
}

afterAll(async () => {
  await Promise.all(leases.map((l) => l.close()));
  await Promise.all(clients.map((c) => c.quit()));
});

it("one holder at a time; a stolen lease stops its holder; an expired one is taken; a freed one within a tick", async () => {
  if (!process.env.REDIS_URL) throw new Error("needs REDIS_URL (npm run test:pg)");
  const a = await instance("a");
  const b = await instance("b");
  const doc = "meeting-1-dossier-1";

  await a.l.want(doc, a.on);
  await b.l.want(doc, b.on);
  expect(a.l.judging(doc)).toBe(true);
  expect(b.l.judging(doc)).toBe(false);
  expect(await a.redis.get(a.l.keyOf(doc))).toBe("a");
  // Renewed: still a's after more than a lifetime.
  await new Promise((r) => setTimeout(r, LEASE_TTL_MS + LEASE_TICK_MS));
  expect([a.l.judging(doc), b.l.judging(doc)]).toEqual([true, false]);

  // Someone else's for a moment (as after a's lease expired while it was paused): a stops at its next renewal.
  await a.redis.set(a.l.keyOf(doc), "c", { PX: 1_000 });
  await until(() => expect(a.changes).toEqual([true, false]), 2 * LEASE_TICK_MS + 500);
  expect(b.l.judging(doc)).toBe(false);
  // c never renews: its lease expires and one of a, b takes it within a tick.
  await until(() => expect(a.l.judging(doc) !== b.l.judging(doc)).toBe(true), 1_000 + 2 * LEASE_TICK_MS);
  const holder = a.l.judging(doc) ? a : b;
  const other = holder === a ? b : a;

  // Freed on shutdown (or when the document leaves memory): the other takes it within a tick.
  const freed = Date.now();
  await holder.l.drop(doc);
  await until(() => expect(other.l.judging(doc)).toBe(true), 2 * LEASE_TICK_MS);
  console.info(`lease freed → taken by the other after ${Date.now() - freed} ms`);
  // Dropping a lease one does not hold leaves the holder's alone.
  await holder.l.drop(doc);
  expect(await a.redis.get(a.l.keyOf(doc))).toBe(other === a ? "a" : "b");
});
