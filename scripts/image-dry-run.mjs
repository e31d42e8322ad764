// The production image without a Docker engine (CI machines have none): follows the Dockerfile's own COPY, ENV,
// WORKDIR, `RUN npm …` and CMD lines into a temporary folder, runs the result with the `node` on PATH (CI puts
// Node 24 there, the image's version), and checks what a container would serve: /readyz, the HEALTHCHECK command,
// a hashed asset as Brotli with its year-long cache, index.html revalidated, a sign-in on the bootstrap account.
// The build stage is this checkout: its RUN lines run in it, but `npm ci` (done already); of the other stages'
// RUN lines, the npm ones run, and the rest (mkdir, chown: the container's user) are listed, not run.
//
// With DATABASE_URL (a PostgreSQL server), the image runs on a fresh database created there and dropped after,
// as under docker-compose; without, on the embedded one.
//
//   [DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres] node scripts/image-dry-run.mjs
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "ca-image-"));
const fail = (message) => {
  throw new Error(`image dry run: ${message}`);
};

// Instructions, with backslash continuations joined and comments dropped.
const lines = fs
  .readFileSync(path.join(root, "Dockerfile"), "utf8")
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));

const stages = [];
for (const line of lines) {
  const [word, ...rest] = line.split(/\s+/);
  const args = rest.join(" ");
  if (word === "FROM") {
    const [image, , name] = rest;
    const base = stages.find((s) => s.name === image);
    if (!base && !/^node:24[.-]/.test(image)) fail(`a stage is built FROM ${image}, not Node 24`);
    stages.push({
      image,
      base,
      name: name ?? String(stages.length),
      dir: "",
      workdir: "/",
      env: {},
      steps: [],
    });
  } else stages.at(-1).steps.push([word, args]);
}
// The build stage is this checkout, its packages installed already (`npm ci`): its other RUN lines run here.
const build = stages.find((s) => s.name === "build") ?? fail("no stage named build");
console.log(`stage build: this checkout (FROM ${build.image})`);
build.dir = root;
build.workdir = "/app";
for (const [word, args] of build.steps)
  if (word === "RUN" && !args.startsWith("npm ci")) {
    console.log(`  RUN ${args}`);
    execSync(args, { cwd: root, stdio: "inherit" });
  }

/** A path inside a stage's file system, as a path on this machine. */
const inStage = (stage, p) => {
  const abs = path.posix.resolve(stage.workdir, p);
  if (stage === build) return path.join(root, path.posix.relative("/app", abs));
  return path.join(stage.dir, abs);
};

for (const stage of stages.filter((s) => s !== build)) {
  stage.dir = path.join(work, stage.name);
  fs.mkdirSync(stage.dir, { recursive: true });
  if (stage.base) {
    fs.cpSync(stage.base.dir, stage.dir, { recursive: true, verbatimSymlinks: true });
    Object.assign(stage, { workdir: stage.base.workdir, env: { ...stage.base.env } });
  }
  console.log(`stage ${stage.name} (FROM ${stage.image})`);
  for (const [word, args] of stage.steps) {
    if (word === "WORKDIR") {
      stage.workdir = path.posix.resolve(stage.workdir, args);
      fs.mkdirSync(inStage(stage, "."), { recursive: true });
    } else if (word === "ENV") {
      for (const m of args.matchAll(/(\w+)=(\S+)/g)) stage.env[m[1]] = m[2];
    } else if (word === "COPY") {
      const parts = args.split(/\s+/);
      const from = parts[0].startsWith("--from=") ? parts.shift().slice(7) : null;
      const source = from ? stages.find((s) => s.name === from) : null;
      if (from && !source) fail(`COPY --from=${from}: no such stage`);
      const dest = parts.pop();
      for (const src of parts) {
        const srcPath = source ? inStage(source, src) : path.join(root, src);
        if (!fs.existsSync(srcPath)) fail(`COPY ${src}: missing (${srcPath})`);
        const target = inStage(stage, dest);
        const into = dest.endsWith("/") || dest === "." || dest === "./";
        const to = into ? path.join(target, path.basename(src)) : target;
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.cpSync(srcPath, to, { recursive: true, verbatimSymlinks: true });
      }
    } else if (word === "RUN" && args.startsWith("npm ")) {
      console.log(`  RUN ${args}`);
      execSync(args, { cwd: inStage(stage, "."), stdio: "inherit" });
    } else if (word === "RUN") console.log(`  (not run here) RUN ${args}`);
    else if (word === "CMD" || word === "HEALTHCHECK") stage[word] = args;
  }
}

const final = stages.at(-1);
const cmd = JSON.parse(final.CMD ?? fail("no CMD"));
const health = (final.HEALTHCHECK ?? fail("no HEALTHCHECK")).replace(/^.*?CMD\s+/, "");
const port = await new Promise((resolve) => {
  const srv = net.createServer().listen(0, "127.0.0.1", () => {
    const p = srv.address().port;
    srv.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
const adminUrl = process.env.DATABASE_URL;
const dbName = `ca_image_${process.pid}_${Date.now()}`;
const admin = async (sql) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
};
if (adminUrl) await admin(`create database ${dbName}`);
const env = {
  ...process.env,
  ...final.env,
  PORT: String(port),
  HOST: "127.0.0.1",
  // compose's production settings; a throwaway database on the given server, or the embedded one.
  DATA_DIR: path.join(work, "data"),
  SESSION_SECRET: "image-dry-run-session-secret-0123456789",
  AUDIT_KEY: "image-dry-run-audit-key-0123456789abcdef",
  AUDIT_CHECKPOINT_FILE: path.join(work, "data", "audit-checkpoints.log"),
  LOAD_SAMPLE_DATA: "never",
  BOOTSTRAP_ADMIN_PASSWORD: "Image-Dry-Run-2026",
  LOG_LEVEL: "warn",
};
if (adminUrl) {
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  env.DATABASE_URL = url.toString();
} else delete env.DATABASE_URL;
delete env.REDIS_URL;
const [command, ...args] = cmd;
const server = spawn(command, args, {
  cwd: inStage(final, "."),
  env,
  stdio: ["ignore", "inherit", "inherit"],
});
const stop = () => server.exitCode === null && server.kill("SIGTERM");
try {
  const version = execSync("node -v", { env }).toString().trim();
  console.log(`running ${cmd.join(" ")} on Node ${version}`);
  let ready = false;
  for (let i = 0; i < 120 && !ready && server.exitCode === null; i++) {
    ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 500));
  }
  if (!ready) fail("the server never became ready");
  // The HEALTHCHECK command as Docker would run it, on the container's port.
  execSync(health.replaceAll("127.0.0.1:3000", `127.0.0.1:${port}`), { env, shell: "/bin/sh" });

  const indexHtml = await fetch(`${base}/`, { headers: { "Accept-Encoding": "br" } });
  const html = await indexHtml.text();
  const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1] ?? fail("index.html names no script");
  // fetch() decompresses; the headers still say how the bytes travelled.
  const js = await fetch(`${base}${asset}`, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
  const expect = (what, got, want) => got === want || fail(`${what}: ${got}, expected ${want}`);
  expect("index.html Cache-Control", indexHtml.headers.get("cache-control"), "no-cache");
  expect(`${asset} Content-Encoding`, js.headers.get("content-encoding"), "br");
  expect(`${asset} Cache-Control`, js.headers.get("cache-control"), "public, max-age=31536000, immutable");
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify({ username: "admin", password: env.BOOTSTRAP_ADMIN_PASSWORD }),
  });
  expect("bootstrap admin sign-in", login.status, 200);
  console.log(
    `image dry run (${adminUrl ? "PostgreSQL" : "PGlite"}): ready, healthy, ${asset} as Brotli (immutable), ` +
      "index.html no-cache, admin signs in",
  );
} finally {
  stop();
  await new Promise((r) => (server.exitCode === null ? server.once("exit", r) : r()));
  fs.rmSync(work, { recursive: true, force: true });
  if (adminUrl) await admin(`drop database if exists ${dbName} with (force)`);
}
