/**
 * `npm run bench`: every bench in turn, each in its own process, its output shown as it comes, then one table of the
 * figures against docs/targets.md. Nothing is asserted: a missed target is printed as such.
 *
 *   scoring.bench.ts        P3, P4 (in process)
 *   officialWrite.bench.ts  P7, with BENCH_SECONDS=10 (server process)
 *   collab.bench.ts         P1, P2, P5, P6 (server process)
 *   peers.bench.ts          P1, P2, P7 beside their bare peers (ratios at p99), P7 under the P5 load
 *   start.bench.ts          P8 (the built server on an empty embedded data folder, then restarted on it)
 *   cluster.bench.ts        P11 (two server processes on PostgreSQL and Redis, nginx in front; REDIS_URL, default
 *                           the local Redis)
 *
 * The server benches run on PostgreSQL: BENCH_DATABASE_URL, default the local server (a database is created and
 * dropped per bench). BENCH_EMBEDDED=1 runs officialWrite.bench.ts on the embedded database (PGlite) instead.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const DATABASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Runs one bench, echoing its output; resolves with the output and how long it took. */
function run(
  file: string,
  env: Record<string, string>,
): Promise<{ out: string; code: number | null; seconds: number }> {
  const started = Date.now();
  console.log(`\n━━ ${file} ━━`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, path.join(ROOT, "tests/bench", file)], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    child.on("exit", (code) => resolve({ out, code, seconds: (Date.now() - started) / 1000 }));
  });
}

/** The first number following `after` on the first line matching `line`, or NaN. */
function figure(out: string, line: RegExp, after: RegExp): number {
  const l = out.split("\n").find((x) => line.test(x));
  if (!l) return NaN;
  const rest = l.slice(l.search(after));
  const m = /([0-9]+(?:\.[0-9]+)?)\s*(µs|ms)?/.exec(rest.replace(after, ""));
  if (!m) return NaN;
  return m[2] === "µs" ? Number(m[1]) / 1000 : Number(m[1]);
}

interface Row {
  id: string;
  what: string;
  value: number;
  unit: string;
  target: number;
}

async function main() {
  const scoring = await run("scoring.bench.ts", {});
  const official = await run("officialWrite.bench.ts", {
    BENCH_SECONDS: "10",
    ...(process.env.BENCH_EMBEDDED === "1" ? {} : { BENCH_DATABASE_URL: DATABASE }),
  });
  const collab = await run("collab.bench.ts", { BENCH_DATABASE_URL: DATABASE });
  const peers = await run("peers.bench.ts", { BENCH_DATABASE_URL: DATABASE });
  const peersLine = peers.out.split("\n").find((l) => l.startsWith("PEERS_RESULT "));
  const q = peersLine
    ? (JSON.parse(peersLine.slice("PEERS_RESULT ".length)) as Record<string, Record<string, number>>)
    : {};
  const peer = (k: string, f: string) => q[k]?.[f] ?? NaN;
  const start = await run("start.bench.ts", {});
  const cluster = await run("cluster.bench.ts", { BENCH_DATABASE_URL: DATABASE });

  const resultLine = collab.out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  const r = resultLine
    ? (JSON.parse(resultLine.slice("BENCH_RESULT ".length)) as Record<string, Record<string, number>>)
    : {};
  const clusterLine = cluster.out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (clusterLine) Object.assign(r, JSON.parse(clusterLine.slice("BENCH_RESULT ".length)));
  const startLine = start.out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (startLine) Object.assign(r, JSON.parse(startLine.slice("BENCH_RESULT ".length)));
  const get = (k: string, f: string) => r[k]?.[f] ?? NaN;
  const rows: Row[] = [
    { id: "P1", what: "Yjs edit → other 39 editors, p50", value: get("P1", "p50"), unit: "ms", target: 10 },
    { id: "P1", what: "Yjs edit → other 39 editors, p99", value: get("P1", "p99"), unit: "ms", target: 50 },
    {
      id: "P2",
      what: "adjustment → ranking:update on 1,000 sockets, p50",
      value: get("P2", "p50"),
      unit: "ms",
      target: 30,
    },
    {
      id: "P2",
      what: "adjustment → ranking:update on 1,000 sockets, p99",
      value: get("P2", "p99"),
      unit: "ms",
      target: 100,
    },
    {
      id: "P3",
      what: "incremental recompute, 60 × 150, p50",
      value: figure(scoring.out, /^P3 incremental/, /p50/),
      unit: "ms",
      target: 0.1,
    },
    {
      id: "P4",
      what: "full recompute as the server does it (score rows → columns), 5,000 × 150, p50",
      value: figure(scoring.out, /^P4 full recompute as the server/, /p50/),
      unit: "ms",
      target: 50,
    },
    {
      id: "P5",
      what: "server event-loop delay p99 (40 editors × 5/s + 1,000 viewers)",
      value: get("P5", "lagP99"),
      unit: "ms",
      target: 20,
    },
    { id: "P5", what: "backlog (1 = yes)", value: get("P5", "backlog"), unit: "", target: 0 },
    {
      id: "P6",
      what: "RSS per idle viewer socket",
      value: get("P6", "kibPerSocket"),
      unit: "KiB",
      target: 64,
    },
    { id: "P6", what: "server RSS at P5, peak", value: get("P6", "peakRssMiB"), unit: "MiB", target: 400 },
    {
      id: "P7",
      what: "official score write committed, p95 (paced, 40 × 5/s), alone",
      value: figure(official.out, /^target P7/, /\(p95/),
      unit: "ms",
      target: 50,
    },
    {
      id: "P7",
      what: "official score write committed, p95, under the P5 load",
      value: peer("P7underP5", "p95"),
      unit: "ms",
      target: 50,
    },
    {
      id: "P1",
      what: "÷ reference Yjs server (@y/websocket-server), p99",
      value: peer("P1", "ratioP99"),
      unit: "×",
      target: 1.5,
    },
    {
      id: "P2",
      what: "÷ bare Socket.IO broadcast to 1,000 sockets, p99",
      value: peer("P2", "ratioP99"),
      unit: "×",
      target: 1.5,
    },
    {
      id: "P7",
      what: "÷ bare Express + pg doing the same durable work, p99",
      value: peer("P7", "ratioP99"),
      unit: "×",
      target: 1.5,
    },
    {
      id: "P8",
      what: "built server → /readyz, first start on an empty folder, median",
      value: get("P8", "first"),
      unit: "s",
      target: 5,
    },
    {
      id: "P8",
      what: "built server → /readyz, restart on an existing folder, median",
      value: get("P8", "restart"),
      unit: "s",
      target: 3,
    },
    {
      id: "P11",
      what: "proposal on one instance → dashboards on two, 10,000 sockets, p99",
      value: get("P11", "p99"),
      unit: "ms",
      target: 150,
    },
  ];

  const fmt = (n: number) =>
    !Number.isFinite(n)
      ? "—"
      : Number.isInteger(n)
        ? String(n)
        : Math.abs(n) < 1
          ? n.toFixed(3)
          : n.toFixed(1);
  console.log(
    `\n━━ Summary — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), node ${process.version}, load average ` +
      `${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} ━━`,
  );
  console.log(
    `${"#".padEnd(4)}${"what".padEnd(66)}${"measured".padStart(12)}${"target".padStart(12)}  verdict`,
  );
  for (const row of rows) {
    const verdict = Number.isFinite(row.value) ? (row.value <= row.target ? "met" : "NOT met") : "no figure";
    console.log(
      `${row.id.padEnd(4)}${row.what.padEnd(66)}${`${fmt(row.value)} ${row.unit}`.padStart(12)}` +
        `${`≤ ${fmt(row.target)} ${row.unit}`.padStart(12)}  ${verdict}`,
    );
  }
  const runs = {
    "scoring.bench.ts": scoring,
    "officialWrite.bench.ts": official,
    "collab.bench.ts": collab,
    "peers.bench.ts": peers,
    "start.bench.ts": start,
    "cluster.bench.ts": cluster,
  };
  for (const [name, x] of Object.entries(runs))
    console.log(`${name}: ${x.seconds.toFixed(0)} s${x.code ? `, exited with ${x.code}` : ""}`);
  process.exit(Object.values(runs).some((x) => x.code) ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
