/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded by node --require */
/**
 * A preload for profiling the server in a bench (node refuses --cpu-prof in NODE_OPTIONS):
 *   BENCH_SERVER_NODE_OPTIONS="--require ./tests/bench/cpuProfile.cjs" CPU_PROFILE_DIR=/tmp/prof
 * The first SIGUSR2 starts V8's sampling profiler, the next writes <dir>/<pid>-<n>.cpuprofile (open it in Chrome's
 * DevTools or summarise it with tests/bench/profileSummary.ts). The benches send SIGUSR2 around their measured phase.
 */
const fs = require("node:fs");
const path = require("node:path");
const inspector = require("node:inspector");

const dir = process.env.CPU_PROFILE_DIR || "/tmp";
const session = new inspector.Session();
session.connect();
let running = false;
let n = 0;
process.on("SIGUSR2", () => {
  if (!running) {
    running = true;
    session.post("Profiler.enable", () =>
      session.post("Profiler.setSamplingInterval", { interval: 200 }, () => session.post("Profiler.start")),
    );
    return;
  }
  running = false;
  session.post("Profiler.stop", (err, { profile }) => {
    if (err) return;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${process.pid}-${++n}.cpuprofile`), JSON.stringify(profile));
  });
});
