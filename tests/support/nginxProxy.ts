/**
 * Debian's nginx (/usr/sbin/nginx) in front of test instances, run as a child process with the shipped
 * configuration (deploy/nginx.conf): only the upstream servers, the listening address and the folders nginx
 * writes are replaced, and each response says which instance answered (X-Upstream, for the tests only).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, ROOT, tempDir } from "./serverProcess";

export const NGINX = "/usr/sbin/nginx";
export const SHIPPED_CONFIG = path.join(ROOT, "deploy/nginx.conf");

export interface NginxProxy {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/**
 * The shipped configuration made runnable in `dir` without root's folders: `upstreams` ("127.0.0.1:1234") in place
 * of the app servers, nginx listening on 127.0.0.1:`port`, its pid, logs and temporary files under `dir`.
 */
export function configFor(upstreams: string[], port: number, dir: string): string {
  let conf = fs.readFileSync(SHIPPED_CONFIG, "utf8");
  const servers = /^( *)server app\d+:3000 (.*);\n/gm;
  const [first] = [...conf.matchAll(servers)];
  if (!first) throw new Error("deploy/nginx.conf: no `server appN:3000` lines in its upstream");
  const [, indent, params] = first;
  conf = conf.replace(servers, "");
  conf = conf.replace(
    /(upstream app \{\n(?: *#.*\n| *zone .*;\n| *least_conn;\n)*)/,
    `$1${upstreams.map((u) => `${indent}server ${u} ${params};\n`).join("")}`,
  );
  if (!/^ *listen 80;$/m.test(conf)) throw new Error("deploy/nginx.conf: no `listen 80;`");
  conf = conf.replace(
    /^( *)listen 80;$/m,
    `$1listen 127.0.0.1:${port};\n$1add_header X-Upstream $upstream_addr always;`,
  );
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((t) => `  ${t}_temp_path ${path.join(dir, t)};`)
    .join("\n");
  conf = conf.replace(/^http \{$/m, `http {\n  access_log off;\n${temp}\n`);
  // Workers as root would otherwise switch to `nobody`, who cannot write the temporary folders.
  const user = process.getuid?.() === 0 ? "user root;\n" : "";
  return `${user}pid ${path.join(dir, "nginx.pid")};\nerror_log ${path.join(dir, "error.log")} warn;\n${conf}`;
}

/** Checks a configuration with `nginx -t` (throws with nginx's message). */
export function checkConfig(file: string, dir: string): string {
  return execFileSync(NGINX, ["-t", "-p", dir, "-c", file, "-e", path.join(dir, "error.log")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Starts nginx in front of these instances ("127.0.0.1:port"), in the foreground, as a child of this process. */
export async function startNginx(upstreams: string[], listen?: number): Promise<NginxProxy> {
  const dir = tempDir("ca-nginx-");
  const port = listen ?? (await freePort());
  const file = path.join(dir, "nginx.conf");
  fs.writeFileSync(file, configFor(upstreams, port, dir));
  checkConfig(file, dir);
  const child: ChildProcess = spawn(
    NGINX,
    ["-p", dir, "-c", file, "-e", path.join(dir, "error.log"), "-g", "daemon off;"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${output}`);
    try {
      await fetch(`${url}/healthz`);
      break;
    } catch {
      if (Date.now() - started > 10_000) throw new Error(`nginx not listening: ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    port,
    dir,
    async stop() {
      // Fast shutdown: a graceful one (SIGQUIT) would wait for every open WebSocket to end.
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
