/**
 * TARGETS P7: an official score write (self-assessment or round-1 review) committed in the database, p95 ≤ 50 ms,
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
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import os from "node:os";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import {
  freePort,
  sessionCookieOf,
  startServerProcess,
  tempDir,
  waitReady,
  type ServerProcess,
} from "../support/serverProcess";

const WRITERS_AGENCY = 30;
const WRITERS_COUNCIL = 10;
const SUBMITTED = 5;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const WARMUP_WRITES = 10;
const PASSWORD = "Bench12345";
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

interface Leaf {
  code: string;
  method: string;
  maxPoints: number;
  step: number;
  evidenceRequired: boolean;
}

/** A signed-in HTTP client (cookie kept by hand; Origin set for state-changing requests). */
class Session {
  private cookie = "";
  constructor(
    private readonly base: string,
    readonly name: string,
  ) {}

  async login(username: string, password: string) {
    const res = await this.request("POST", "/api/auth/login", { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    return this;
  }

  async request(method: string, path: string, body?: unknown, form?: FormData): Promise<Response> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        Origin: this.base,
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      },
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    this.cookie = sessionCookieOf(res) ?? this.cookie;
    return res;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read loosely by a script
  async json(method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.request(method, path, body);
    const data = await res.json().catch(() => null);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A valid score for a leaf: a multiple of its step, at most its maximum. */
function scoreFor(leaf: Leaf, n: number): number {
  const steps = Math.round(leaf.maxPoints / leaf.step);
  return Math.round((n % (steps + 1)) * leaf.step * 100) / 100;
}

function pin(pid: number, core: number): boolean {
  try {
    execFileSync("taskset", ["-a", "-cp", String(core), String(pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

interface Writer {
  session: Session;
  path: (n: number) => { url: string; body: unknown };
}

async function setUp(base: string): Promise<Writer[]> {
  const admin = await new Session(base, "admin").login("admin", "Demo@2023");
  const period = (await admin.json("GET", "/api/periods")).data.find(
    (p: { kind: string }) => p.kind === "training",
  );
  const dossiers = (await admin.json("GET", `/api/periods/${period.id}/dossiers`)).data as {
    id: string;
    unit: { id: string; code: string };
  }[];
  const createUser = async (username: string, roles: string[], unitId: string | null) => {
    await admin.json("POST", "/api/users", {
      username,
      fullName: `Bench ${username}`,
      password: PASSWORD,
      roles,
      unitId,
    });
    return new Session(base, username).login(username, PASSWORD);
  };
  const leavesOf = async (s: Session, dossierId: string) =>
    (await s.json("GET", `/api/dossiers/${dossierId}`)).data.leaves as Leaf[];

  // Five dossiers submitted first, for the council's round-1 reviews.
  const submitted = dossiers.slice(-SUBMITTED);
  for (const d of submitted) {
    const head = await createUser(`bench.head.${d.unit.code}`, ["agency_head"], d.unit.id);
    for (const leaf of (await leavesOf(head, d.id)).filter((l) => l.method === "self")) {
      await head.json("PUT", `/api/dossiers/${d.id}/items/${leaf.code}/self`, {
        score: leaf.maxPoints,
        note: "",
      });
      if (leaf.evidenceRequired) {
        const form = new FormData();
        form.append("file", new Blob([PDF], { type: "application/pdf" }), `mc-${leaf.code}.pdf`);
        const res = await head.request(
          "POST",
          `/api/dossiers/${d.id}/items/${leaf.code}/evidence`,
          undefined,
          form,
        );
        if (res.status !== 201) throw new Error(`evidence: ${res.status} ${await res.text()}`);
      }
    }
    const form = new FormData();
    form.append("signedReport", new Blob([PDF], { type: "application/pdf" }), "bao-cao-ky.pdf");
    const res = await head.request("POST", `/api/dossiers/${d.id}/submit`, undefined, form);
    if (res.status !== 200) throw new Error(`submit: ${res.status} ${await res.text()}`);
  }

  const writers: Writer[] = [];
  const drafts = dossiers.slice(0, dossiers.length - SUBMITTED);
  for (let i = 0; i < WRITERS_AGENCY; i++) {
    const d = drafts[i % drafts.length];
    const session = await createUser(
      `bench.editor${i >= drafts.length ? "2" : ""}.${d.unit.code}`,
      ["agency_editor"],
      d.unit.id,
    );
    const leaves = (await leavesOf(session, d.id)).filter((l) => l.method === "self");
    writers.push({
      session,
      path: (n) => {
        const leaf = leaves[n % leaves.length];
        return {
          url: `/api/dossiers/${d.id}/items/${leaf.code}/self`,
          body: { score: scoreFor(leaf, n), note: `bench ${n}` },
        };
      },
    });
  }
  for (let i = 0; i < WRITERS_COUNCIL; i++) {
    const d = submitted[i % submitted.length];
    const session = await createUser(`bench.council.${i}`, ["council_member"], null);
    const leaves = (await leavesOf(session, d.id)).filter((l) => /^[BP]\./.test(l.code));
    writers.push({
      session,
      path: (n) => {
        const leaf = leaves[n % leaves.length];
        return {
          url: `/api/dossiers/${d.id}/items/${leaf.code}/review`,
          body: { round: 1, score: scoreFor(leaf, n), comment: "" },
        };
      },
    });
  }
  return writers;
}

interface PhaseResult {
  latencies: number[];
  errors: Map<string, number>;
  elapsedMs: number;
}

/** Each writer issues writes for `ms`: every 1000/rate ms when paced, back to back when rate is 0. */
async function runPhase(
  writers: Writer[],
  ms: number,
  rate: number,
  counter: { n: number },
): Promise<PhaseResult> {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const start = performance.now();
  const end = start + ms;
  const interval = rate > 0 ? 1000 / rate : 0;
  await Promise.all(
    writers.map(async (w, wi) => {
      // Spread the writers' first writes over one interval so that they do not all fire together.
      let due = start + (interval ? (wi / writers.length) * interval : 0);
      while (due < end) {
        const now = performance.now();
        if (due > now) await new Promise((r) => setTimeout(r, due - now));
        const { url, body } = w.path(counter.n++);
        const sent = interval ? due : performance.now();
        try {
          const res = await w.session.request("PUT", url, body);
          await res.arrayBuffer();
          if (res.status === 200) latencies.push(performance.now() - sent);
          else errors.set(String(res.status), (errors.get(String(res.status)) ?? 0) + 1);
        } catch (err) {
          const key = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
        due = interval ? due + interval : performance.now();
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors, elapsedMs: performance.now() - start };
}

function report(name: string, r: PhaseResult) {
  const errors = [...r.errors.values()].reduce((a, b) => a + b, 0);
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(34)} writes ${String(r.latencies.length).padStart(6)}  ${(r.latencies.length / (r.elapsedMs / 1000)).toFixed(0).padStart(5)}/s  ` +
      `p50 ${f(percentile(r.latencies, 50))} ms  p95 ${f(percentile(r.latencies, 95))} ms  p99 ${f(percentile(r.latencies, 99))} ms  ` +
      `max ${f(r.latencies[r.latencies.length - 1] ?? NaN)} ms  errors ${errors}${errors ? ` ${JSON.stringify(Object.fromEntries(r.errors))}` : ""}`,
  );
}

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
    const paced = await runPhase(writers, SECONDS * 1000, RATE, counter);
    const closed = await runPhase(writers, (SECONDS * 1000) / 2, 0, counter);
    console.log("");
    report("one writer alone, 5 s", alone);
    report(`paced, ${writers.length} × ${RATE}/s for ${SECONDS} s`, paced);
    report(`closed loop, ${writers.length} writers, ${SECONDS / 2} s`, closed);
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
