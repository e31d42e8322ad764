/**
 * P8 (docs/targets.md): time from starting the built server (`node server/dist/main.js`, what `npm start` runs once
 * its build step has nothing to do) to /readyz answering 200, on the embedded database:
 *   - first start, on an EMPTY data folder: filled from the build's sample snapshot (server/src/firstStart.ts);
 *     with BENCH_REPLAY=1 also the same start with the snapshot withheld, replaying the sample through the seeds;
 *   - restart on the folder the first start left.
 * Several rounds each (BENCH_ROUNDS, default 5); prints the median and the worst with the load average, and a
 * `BENCH_RESULT` line for run.ts. Builds the server bundle and the snapshot first if they are missing.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const MAIN = path.join(ROOT, "server/dist/main.js");
const SNAPSHOT = path.join(ROOT, "server/dist/sample-snapshot.tar");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** Starts the server on a data folder; resolves with the seconds until /readyz said 200, then stops it. */
async function timeToReady(dataDir: string, env: Record<string, string> = {}): Promise<number> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ["--enable-source-maps", MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: "",
      REDIS_URL: "",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return Number(process.hrtime.bigint() - started) / 1e9;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function main() {
  if (!fs.existsSync(MAIN) || !fs.existsSync(`${MAIN.replace(/\.js$/, ".seed.js")}`))
    execFileSync(process.execPath, [path.join(ROOT, "scripts/build-server.mjs")], { stdio: "inherit" });
  if (!fs.existsSync(SNAPSHOT))
    execFileSync(process.execPath, [MAIN.replace(/\.js$/, ".seed.js"), "--snapshot"], { stdio: "inherit" });
  const series: Record<string, number[]> = { first: [], restart: [], replay: [] };
  for (let i = 0; i < ROUNDS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-p8-"));
    try {
      series.first.push(await timeToReady(dir));
      series.restart.push(await timeToReady(dir));
      if (process.env.BENCH_REPLAY === "1") {
        const other = fs.mkdtempSync(path.join(os.tmpdir(), "ca-p8-"));
        try {
          series.replay.push(await timeToReady(other, { SAMPLE_SNAPSHOT: path.join(other, "none.tar") }));
        } finally {
          fs.rmSync(other, { recursive: true, force: true });
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      `round ${i + 1}: first ${series.first[i].toFixed(2)} s, restart ${series.restart[i].toFixed(2)} s` +
        (series.replay[i] !== undefined ? `, replay ${series.replay[i].toFixed(2)} s` : "") +
        ` (load ${load()})`,
    );
  }
  const line = (name: string, xs: number[], target: number) =>
    console.log(
      `P8 ${name}: median ${median(xs).toFixed(2)} s, worst ${Math.max(...xs).toFixed(2)} s over ${xs.length} ` +
        `(target ≤ ${target} s; ${os.cpus().length} cores, load ${load()})`,
    );
  line("first start on an empty folder (snapshot)", series.first, 5);
  line("restart on an existing folder", series.restart, 3);
  if (series.replay.length) line("first start replaying the sample (no snapshot)", series.replay, 5);
  console.log(
    `BENCH_RESULT ${JSON.stringify({
      P8: {
        first: median(series.first),
        restart: median(series.restart),
        ...(series.replay.length ? { replay: median(series.replay) } : {}),
      },
    })}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
