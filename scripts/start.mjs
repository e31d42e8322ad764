// `npm start`: builds what is stale — the client (Vite), the server bundle and the seed bundle beside it (esbuild,
// with the workspace packages inlined) and, for an empty embedded data folder, the sample snapshot it starts from
// (server/src/firstStart.ts) — then runs the server: API, Socket.IO and the built client on one port.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function newest(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((max, name) => Math.max(max, newest(path.join(entry, name))), stat.mtimeMs);
}

/** True when the output is missing or older than any of its sources. */
function stale(output, sources) {
  const out = path.join(root, output);
  return (
    !fs.existsSync(out) ||
    Math.max(...sources.map((s) => newest(path.join(root, s)))) > fs.statSync(out).mtimeMs
  );
}

function run(what, command, args) {
  console.log(what);
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (
  stale("client/dist/index.html", [
    "client/src",
    "client/index.html",
    "client/vite.config.ts",
    "client/scripts/precompress.mjs",
    "client/public",
    "shared/src",
  ])
)
  run("Building the client (first start, or its sources changed)…", "npm", ["run", "build", "-w", "client"]);
if (stale("server/dist/main.js", ["server/src", "shared/src", "seeds/src"]))
  run("Bundling the server…", process.execPath, [path.join(root, "scripts/build-server.mjs")]);
if (snapshotWanted() && snapshotStale())
  run("Making the sample snapshot an empty data folder starts from…", process.execPath, [
    path.join(root, "server/dist/main.seed.js"),
    "--snapshot",
  ]);

/** An embedded data folder PGlite has not initialised, to be filled with the sample. */
function snapshotWanted() {
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? "./data");
  return (
    !process.env.DATABASE_URL &&
    process.env.LOAD_SAMPLE_DATA !== "never" &&
    !(process.env.DATA_DIR ?? "").startsWith("memory://") &&
    !fs.existsSync(path.join(dataDir, "PG_VERSION"))
  );
}

/** Missing, older than the seed bundle or the migrations, or made for another day (its training period moves). */
function snapshotStale() {
  const file = process.env.SAMPLE_SNAPSHOT ?? "server/dist/sample-snapshot.tar";
  if (stale(file, ["server/dist/main.seed.js", "server/drizzle"])) return true;
  try {
    const meta = JSON.parse(fs.readFileSync(path.resolve(root, `${file}.json`), "utf8"));
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    return meta.day !== day || meta.fastHashing !== (process.env.FAST_HASH === "1");
  } catch {
    return true;
  }
}

const server = spawn(process.execPath, ["--enable-source-maps", path.join(root, "server/dist/main.js")], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
