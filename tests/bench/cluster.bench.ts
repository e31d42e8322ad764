/**
 * P11 (docs/scaling.md): an edit made on one instance reaches the dashboards on another. Two server processes on
 * one PostgreSQL database and one Redis (nginx in front, as in the tests; the measured sockets connect to the
 * instances themselves, so that the figure is the instances' fan-out, not one proxy's). 10,000 light viewer
 * sockets (lightViewer.ts), 5,000 per instance, in the period's council room. A meeting document judged on
 * instance A; a member connected to instance B proposes on it, one proposal a second (past the ranking's 250 ms
 * throttle): the proposal travels B → Redis → A (judged, ranking computed) → A's sockets, and → Redis → B's sockets.
 * Printed per instance and for all 10,000; the last line `BENCH_RESULT {...}` is read by `npm run bench`.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { collabRoom, setAdjustment } from "@ca/shared";
import {
  cpuOf,
  HttpSession,
  prepareMeetingDossiers,
  sleep,
  startMeeting,
  summary,
  userIdOf,
  yClient,
  type YClient,
} from "../support/liveLoad";
import { startInstanceCluster, type InstanceCluster } from "../support/instanceCluster";
import { lightViewer, type LightViewer } from "./lightViewer";

const VIEWERS = Number(process.env.BENCH_P11_VIEWERS ?? 10_000);
const SAMPLES = Number(process.env.BENCH_P11_SAMPLES ?? 30);
const BATCH = 100;

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");
const line = (label: string, s: ReturnType<typeof summary>) =>
  `${label}: p50 ${f1(s.p50)} ms  p95 ${f1(s.p95)} ms  p99 ${f1(s.p99)} ms  max ${f1(s.max)} ms  (n=${s.n})`;
const uptime = () => execFileSync("uptime", { encoding: "utf8" }).trim();

async function main() {
  process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
  process.env.DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
  const viewers: LightViewer[] = [];
  const clients: YClient[] = [];
  let cluster: InstanceCluster | null = null;
  try {
    cluster = await startInstanceCluster(2, "ca_bench_p11");
    const [a, b] = cluster.instances;
    console.log(
      `P11 — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), node ${process.version}, two instances ` +
        `(${a.address}, ${b.address}) on PostgreSQL and Redis; ${uptime()}`,
    );
    const { periodId, dossiers } = await prepareMeetingDossiers(cluster.database.db, 1);
    const [dossier] = dossiers;
    const chair = await new HttpSession(cluster.url).login("chair");
    const meetingId = await startMeeting(chair, periodId, [dossier.id]);
    const room = collabRoom(meetingId, dossier.id);
    const chairId = await userIdOf(chair);
    // The document is loaded on A first, so A judges it; the proposer is on B.
    const onA = yClient(a.server.url, chair, room, "chair on A", chairId);
    clients.push(onA);
    await onA.synced();
    const proposer = yClient(b.server.url, chair, room, "chair on B", chairId);
    clients.push(proposer);
    await proposer.synced();
    const judge = await cluster.judgeOf(room);
    console.log(`the document is judged on ${judge?.address ?? "nobody"}; the proposer is on ${b.address}`);

    const leader = await new HttpSession(cluster.url).login("leader");
    const councilRoom = `period:${periodId}:council`;
    let t0 = 0;
    let counting = false;
    const received = { A: [] as number[], B: [] as number[] };
    const receipts = { n: 0, bytes: 0 };
    const connectStarted = Date.now();
    for (let i = 0; i < VIEWERS; i += BATCH) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(BATCH, VIEWERS - i) }, async (_, k) => {
          const onInstanceA = (i + k) % 2 === 0;
          const v = await lightViewer(onInstanceA ? a.server.url : b.server.url, leader, councilRoom);
          v.onRanking = (at, bytes) => {
            if (!counting) return;
            receipts.n++;
            receipts.bytes = bytes;
            (onInstanceA ? received.A : received.B).push(at - t0);
          };
          return v;
        }),
      );
      viewers.push(...batch);
    }
    console.log(
      `${viewers.length} light viewers joined in ${((Date.now() - connectStarted) / 1000).toFixed(1)} s`,
    );
    await sleep(3_000);

    const leaf = dossier.leaves.find((l) => !l.code.startsWith("P.")) ?? dossier.leaves[0];
    let missing = 0;
    const cpu0 = { a: cpuOf(a.pid), b: cpuOf(b.pid), gen: cpuOf(process.pid) };
    const sampling = performance.now();
    for (let i = 0; i < SAMPLES + 3; i++) {
      await sleep(1_000);
      // The first three are a warm-up (the ranking's base loaded, the sockets' buffers grown).
      counting = i >= 3;
      receipts.n = 0;
      t0 = performance.now();
      setAdjustment(proposer.md, leaf.code, {
        score: i % 2 ? leaf.step : 0,
        by: chairId,
        at: new Date().toISOString(),
      });
      const deadline = performance.now() + 5_000;
      while (receipts.n < VIEWERS && performance.now() < deadline) await sleep(5);
      if (counting) missing += VIEWERS - receipts.n;
      counting = false;
    }
    // Where the time went: CPU run and run-queue wait (/proc) of each instance and of this load generator.
    const cpuLine = (name: string, pid: number, before: ReturnType<typeof cpuOf>) => {
      const now = cpuOf(pid);
      return `${name} ran ${Math.round(now.runMs - before.runMs)} ms, waited ${Math.round(now.waitMs - before.waitMs)} ms`;
    };
    const cpuNote =
      `over ${((performance.now() - sampling) / 1000).toFixed(1)} s: ${cpuLine("A", a.pid, cpu0.a)}; ` +
      `${cpuLine("B", b.pid, cpu0.b)}; ${cpuLine("load generator", process.pid, cpu0.gen)}; ` +
      `one ranking:update frame ${(receipts.bytes / 1024).toFixed(1)} KiB`;
    const sA = summary(received.A);
    const sB = summary(received.B);
    const all = summary([...received.A, ...received.B]);
    console.log("");
    console.log(line(`P11 proposal on B → ranking:update on A's ${VIEWERS / 2} sockets (the judge's)`, sA));
    console.log(line(`    proposal on B → ranking:update on B's ${VIEWERS / 2} sockets (via Redis)`, sB));
    console.log(
      line(`    proposal on B → ranking:update, all ${VIEWERS} sockets (target p99 ≤ 150 ms)`, all),
    );
    console.log(`    missing receipts: ${missing}; ${cpuNote}`);
    console.log(`    ${uptime()}`);
    console.log(`BENCH_RESULT ${JSON.stringify({ P11: { p50: all.p50, p99: all.p99, missing } })}`);
  } finally {
    viewers.forEach((v) => v.close());
    clients.forEach((c) => c.destroy());
    await cluster?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
