/**
 * docs/targets.md P7: an official score write (self-assessment or round-1 review) committed in the database, p95 ≤ 50 ms,
 * with 40 writers at 5 writes/s each (P5's editing load). Prints figures, asserts nothing.
 *
 *   npx tsx tests/bench/officialWrite.bench.ts                      # embedded database (PGlite) in a temp folder
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx tests/bench/officialWrite.bench.ts
 *
 * The server runs as its own process (as `npm start` runs it) over a fresh database with the sample data; on
 * PostgreSQL a new database is created and dropped afterwards. Where `taskset` exists and there are ≥ 2 cores, the
 * server is pinned to core 0 and the load generator to core 1 (PostgreSQL's own processes are not pinned).
 *
 * Writers: 30 agency editors on the 25 draft dossiers of the training period (5 dossiers have two editors), each
 * writing self scores of its dossier's self leaves; 10 council members on 5 dossiers submitted first (two each),
 * writing round-1 reviews of the bonus and penalty leaves (open to every member). Phase 0 has one writer alone (the
 * service time of a write with no queue); phase 1 paces each writer at BENCH_RATE writes/s (default 5) for
 * BENCH_SECONDS (default 20); phase 2 runs them closed-loop (as fast as each response allows) for half as long, to
 * show capacity. Latency is measured from the moment a write was due, so a
 * server that falls behind shows it (no coordinated omission).
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import fs from "node:fs";
import { Client } from "pg";
import {
  freePort,
  startServerProcess,
  tempDir,
  waitReady,
  type ServerProcess,
} from "../support/serverProcess";

import { METRICS_TOKEN, pin, serverPidOf } from "../support/liveLoad";
import { productCounters } from "./peerSupport";
import {
  percentile,
  report,
  runPhase,
  setUp,
  WARMUP_WRITES,
  WRITERS_AGENCY,
  WRITERS_COUNCIL,
} from "./officialWriteLoad";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 5);

async function main() {
  const cores = os.cpus().length;
  const benchUrl = process.env.BENCH_DATABASE_URL;
  let dbName: string | null = null;
  let databaseUrl: string | null = null;
  if (benchUrl) {
    dbName = `ca_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const c = new Client({ connectionString: benchUrl });
    await c.connect();
    await c.query(`create database ${dbName}`);
    await c.end();
    const u = new URL(benchUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const dataDir = tempDir("ca-bench-");
  const port = await freePort();
  const canPin = cores >= 2 && pin(process.pid, 0);
  let server: ServerProcess | null = null;
  try {
    server = startServerProcess(
      {
        DATA_DIR: dataDir,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        FAST_HASH: "1",
        LOG_LEVEL: "warn",
        SESSION_SECRET: "bench-session-secret-0123456789",
        METRICS_TOKEN,
        // e.g. BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
        ...(process.env.BENCH_SERVER_NODE_OPTIONS
          ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
          : {}),
      },
      port,
    );
    if (canPin) pin(process.pid, 1);
    const readyMs = await waitReady(server);
    const base = server.url;
    console.log(
      `P7 official score writes — ${cores} cores (${os.cpus()[0]?.model ?? "?"}), database ${databaseUrl ? "PostgreSQL" : "PGlite (embedded)"}`,
    );
    console.log(
      `server ready in ${readyMs} ms; ${canPin ? "server pinned to core 0, load generator to core 1" : "no CPU pinning"}`,
    );
    const writers = await setUp(base);
    console.log(
      `${writers.length} writers signed in (${WRITERS_AGENCY} agency self-assessment, ${WRITERS_COUNCIL} council round-1 review)`,
    );

    const counter = { n: 0 };
    // Warm-up: every writer writes a few times, closed-loop.
    await Promise.all(
      writers.map(async (w) => {
        for (let i = 0; i < WARMUP_WRITES; i++) {
          const { url, body } = w.path(counter.n++);
          await (await w.session.request("PUT", url, body)).arrayBuffer();
        }
      }),
    );
    // One writer at a time: the service time of a write with no queue in front of it.
    const alone = await runPhase(writers.slice(0, 1), 5000, 0, counter);
    // Around the paced phase: a profiling preload (tests/bench/cpuProfile.cjs) starts and stops on SIGUSR2.
    const signalServer = () =>
      process.env.BENCH_SERVER_NODE_OPTIONS && process.kill(serverPidOf(server!.child.pid!), "SIGUSR2");
    signalServer();
    const cpu0 = await productCounters(base).catch(() => null);
    const paced = await runPhase(writers, SECONDS * 1000, RATE, counter);
    const cpu1 = await productCounters(base).catch(() => null);
    signalServer();
    const closed = await runPhase(writers, (SECONDS * 1000) / 2, 0, counter);
    console.log("");
    report("one writer alone, 5 s", alone);
    report(`paced, ${writers.length} × ${RATE}/s for ${SECONDS} s`, paced);
    report(`closed loop, ${writers.length} writers, ${SECONDS / 2} s`, closed);
    if (cpu0 && cpu1 && Number.isFinite(cpu1.cpuMs))
      console.log(
        `paced phase, per write: server CPU ${((cpu1.cpuMs - cpu0.cpuMs) / paced.latencies.length).toFixed(2)} ms` +
          (Number.isFinite(cpu1.statements)
            ? `, ${((cpu1.statements - cpu0.statements) / paced.latencies.length).toFixed(2)} statements`
            : ""),
      );
    const p95 = percentile(paced.latencies, 95);
    console.log(
      `\ntarget P7: p95 ≤ 50 ms under P5 load → ${p95 <= 50 ? "met" : "NOT met"} (p95 ${p95.toFixed(1)} ms)`,
    );
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (benchUrl && dbName) {
      const c = new Client({ connectionString: benchUrl });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
