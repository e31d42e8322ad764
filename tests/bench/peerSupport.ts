/**
 * The bare peers of tests/bench/peers.bench.ts as processes on this box, and the figures that explain a ratio: the
 * CPU time of a server process per operation (process.cpuUsage: the product's through prom-client's
 * process_cpu_seconds_total on /metrics, a peer's through its /stats), the statements it sent per write, and the CPU
 * time of the PostgreSQL backends serving it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import { cpuOf, metricsText, pin, summary } from "../support/liveLoad";
import { freePort, ROOT } from "../support/serverProcess";

export interface PeerProcess {
  url: string;
  child: ChildProcess;
  stop(): void;
}

/** Starts tests/bench/peers/<file> with plain node, pinned to `core` when given; resolves once it listens. */
export async function startPeer(file: string, env: Record<string, string>, core: number | null) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "tests/bench/peers", file)], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d;
      if (out.includes("ready")) resolve();
    });
    child.stderr!.on("data", (d: Buffer) => {
      out += d;
      process.stderr.write(`[${file}] ${d}`);
    });
    child.on("exit", (code) => reject(new Error(`${file} exited with ${code}: ${out}`)));
  });
  if (core !== null) pin(child.pid!, core);
  return { url: `http://127.0.0.1:${port}`, child, stop: () => void child.kill() } satisfies PeerProcess;
}

export interface ServerCounters {
  /** CPU time of the server process, user + system (process.cpuUsage). */
  cpuMs: number;
  /** Statements sent to PostgreSQL (0 for a peer that sends none). */
  statements: number;
}

export async function productCounters(base: string): Promise<ServerCounters> {
  const text = await metricsText(base);
  const read = (name: string) => Number(new RegExp(`^${name} ([0-9.eE+-]+)`, "m").exec(text)?.[1] ?? NaN);
  return { cpuMs: read("process_cpu_seconds_total") * 1000, statements: read("db_statements_sent_total") };
}

export async function peerCounters(base: string): Promise<ServerCounters> {
  return (await (await fetch(`${base}/stats`)).json()) as ServerCounters;
}

/**
 * CPU time (ms) of the PostgreSQL backends connected to `database`, those of the peer (application_name
 * bench-peer) apart from the others. A backend that ended between two readings takes its time with it, so a
 * phase is read at its end, when the pools' clients are all still there.
 */
export async function backendCpu(adminUrl: string, database: string) {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number; app: string }>(
      "select pid, application_name as app from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [database],
    );
    const out = { product: new Map<number, number>(), peer: new Map<number, number>() };
    for (const r of rows) (r.app === "bench-peer" ? out.peer : out.product).set(r.pid, cpuOf(r.pid).runMs);
    return out;
  } catch {
    return { product: new Map<number, number>(), peer: new Map<number, number>() };
  } finally {
    await c.end();
  }
}

/** The CPU the backends spent between two readings (a backend new since the first counts from zero). */
export function backendDelta(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, run] of after) if (Number.isFinite(run)) ms += run - (before.get(pid) ?? 0);
  return ms;
}

export interface Side {
  latencies: number[];
  /** Per round: p99 of that round. */
  roundP99: number[];
  ops: number;
  serverCpuMs: number;
  statements: number;
  pgCpuMs: number;
}

export const newSide = (): Side => ({
  latencies: [],
  roundP99: [],
  ops: 0,
  serverCpuMs: 0,
  statements: 0,
  pgCpuMs: 0,
});

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "—");

/**
 * Prints one comparison: latency of each side pooled over the rounds, the ratio at p99 (pooled, and the median of
 * the rounds' ratios), the cost per operation; where the ratio is above `target`, what the product spends that the
 * peer does not. Returns the figures for run.ts.
 */
export function compare(
  id: string,
  label: string,
  unit: string,
  product: Side,
  peer: Side,
  beyond: string[],
  target = 1.5,
) {
  const a = summary(product.latencies);
  const b = summary(peer.latencies);
  const ratio = a.p99 / b.p99;
  const roundRatios = product.roundP99.map((p, i) => p / peer.roundP99[i]).sort((x, y) => x - y);
  const median = roundRatios[Math.floor(roundRatios.length / 2)];
  const per = (s: Side, x: number) => x / Math.max(1, s.ops);
  console.log(`\n${id} ${label}`);
  for (const [name, s, side] of [
    ["product", a, product],
    ["peer   ", b, peer],
  ] as const)
    console.log(
      `   ${name} p50 ${f1(s.p50)} ms  p95 ${f1(s.p95)} ms  p99 ${f1(s.p99)} ms  (n=${s.n}; rounds' p99: ` +
        `${side.roundP99.map(f1).join(", ")} ms)  server CPU ${f2(per(side, side.serverCpuMs))} ms/${unit}` +
        (side.statements ? `, ${f1(per(side, side.statements))} statements/${unit}` : "") +
        (side.pgCpuMs ? `, PostgreSQL CPU ${f2(per(side, side.pgCpuMs))} ms/${unit}` : ""),
    );
  console.log(
    `   product ÷ peer at p99: ${f2(ratio)} pooled, ${f2(median)} median of rounds (${roundRatios.map(f2).join(", ")}); ` +
      `target ≤ ${target} → ${ratio <= target ? "met" : "NOT met"}`,
  );
  if (ratio > target) for (const line of beyond) console.log(`   the product does beyond the peer: ${line}`);
  return {
    ratioP99: ratio,
    medianRoundRatio: median,
    productP99: a.p99,
    peerP99: b.p99,
    productCpuPerOp: per(product, product.serverCpuMs),
    peerCpuPerOp: per(peer, peer.serverCpuMs),
    productStatementsPerOp: per(product, product.statements),
    peerStatementsPerOp: per(peer, peer.statements),
    productPgCpuPerOp: per(product, product.pgCpuMs),
    peerPgCpuPerOp: per(peer, peer.pgCpuMs),
  };
}

/**
 * What the database's backends are doing, sampled every 100 ms while a phase runs: counts of state + wait event
 * (e.g. `active Lock:transactionid`, `idle in transaction Client:ClientRead`). Written to find where writes queue
 * when the server's CPU is idle (issue 17 point 2).
 */
export function sampleBackendWaits(adminUrl: string, database: string) {
  const c = new Client({ connectionString: adminUrl });
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await c.connect();
    while (running) {
      const { rows } = await c.query<{ what: string; n: string }>(
        `select coalesce(state, '?') || ' ' || coalesce(wait_event_type || ':' || wait_event, 'cpu') as what,
                count(*) as n
           from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() group by 1`,
        [database],
      );
      samples++;
      for (const r of rows) counts.set(r.what, (counts.get(r.what) ?? 0) + Number(r.n));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await c.end();
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([what, n]) => `${what} ${(n / Math.max(1, samples)).toFixed(2)}`)
      .join("; ");
  };
}
