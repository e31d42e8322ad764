import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** A new empty temporary folder. */
export function tempDir(prefix = "ca-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

let bundle: string | null = null;

/**
 * The server bundled from the current sources, as `npm start` runs it (esbuild; built once per test process, into
 * its own file so that parallel test processes never read a bundle another is writing).
 */
export function serverBundle(): string {
  if (bundle) return bundle;
  const out = path.join(ROOT, `server/dist/test-${process.pid}.js`);
  execFileSync(process.execPath, [path.join(ROOT, "scripts/build-server.mjs"), "--outfile", out], {
    cwd: ROOT,
    stdio: "inherit",
  });
  process.on("exit", () => {
    const seed = out.replace(/\.js$/, ".seed.js");
    for (const f of [out, `${out}.map`, seed, `${seed}.map`]) fs.rmSync(f, { force: true });
  });
  bundle = out;
  return out;
}

/** Starts the real server as its own process (the bundle, with source maps), exactly as `npm start` runs it. */
export function startServerProcess(env: Record<string, string>, port: number): ServerProcess {
  const child = spawn(process.execPath, ["--enable-source-maps", serverBundle()], {
    cwd: ROOT,
    // The child gets the embedded database unless the caller names a DATABASE_URL itself.
    env: {
      ...withoutServices(process.env),
      NODE_OPTIONS: "",
      LOG_LEVEL: "warn",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Polls /readyz until it answers 200, or fails with the server's output. */
export async function waitReady(server: ServerProcess, timeoutMs = 90_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    try {
      const res = await fetch(`${server.url}/readyz`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not ready after ${timeoutMs} ms: ${server.output()}`);
}

function withoutServices(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...rest } = env;
  return rest;
}

/**
 * The session cookie (`ca.sid=…`) a response sets, if any, for a client that keeps only that one. A sign-in also
 * sets the device cookie, so the first Set-Cookie is not necessarily the session's.
 */
export function sessionCookieOf(res: Response): string | null {
  return (
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith("ca.sid="))
      ?.split(";")[0] ?? null
  );
}
