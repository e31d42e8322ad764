/**
 * A private PostgreSQL cluster for the fault tests that stop or restart PostgreSQL (R2, docs/operations.md). The
 * shared server on 5432 serves every other test on the machine and must never be restarted; this one is made for
 * the test: `initdb` into a temporary folder, run as the `postgres` OS user when the test runs as root (CI), on a
 * free port, listening on 127.0.0.1 and a socket in the same folder only, trusting local connections. `remove()`
 * stops it and deletes the folder; a process exit does the same if the test died before its afterAll.
 */
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { freePort, tempDir } from "./serverProcess";

const run = promisify(execFile);

export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: every connection is ended (57P01), the server shuts down and starts again. */
  restart(): Promise<void>;
  /** The server's own log, for a failing test's message. */
  log(): string;
  /** Stops the cluster at once and deletes its folder (idempotent). */
  remove(): void;
}

/** The newest PostgreSQL installed under /usr/lib/postgresql (Debian's layout), or PG_BIN. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error("no PostgreSQL binaries under /usr/lib/postgresql (set PG_BIN)");
  return path.join(root, versions[0], "bin");
}

/** Creates and starts a private cluster; resolves once it accepts connections. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  // PostgreSQL refuses to run as root: as root, every command runs as the `postgres` user, which owns the folder.
  const asRoot = process.getuid?.() === 0;
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
  const dir = tempDir("ca-pg-");
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const port = await freePort();

  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    process.off("exit", remove);
    try {
      execFileSync(...command("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]), { stdio: "ignore" });
    } catch {
      /* not running */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", remove);

  try {
    await run(
      ...command("initdb", [
        "-D",
        data,
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
      ]),
    );
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60`;
    await run(...command("pg_ctl", ["-D", data, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]));
  } catch (err) {
    remove();
    throw err;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    // Without -o, pg_ctl restarts with the options the server was started with (postmaster.opts).
    restart: async () =>
      void (await run(
        ...command("pg_ctl", ["-D", data, "-l", logFile, "-m", "fast", "-w", "-t", "60", "restart"]),
      )),
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""),
    remove,
  };
}
