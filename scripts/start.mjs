// `npm start`: builds what is stale — the client (Vite) and the server bundle (esbuild, with the workspace
// packages shared/ and seeds/ inlined) — then runs the server: API, Socket.IO and the built client on one port.
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

const server = spawn(process.execPath, ["--enable-source-maps", path.join(root, "server/dist/main.js")], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
