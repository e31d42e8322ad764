import fs from "node:fs";
import path from "node:path";
import { removeTemplates } from "./templateDatabase";

/**
 * Jest global teardown: removes this run's template databases (the tarballs, or the PostgreSQL databases), and
 * the server bundles test processes left in server/dist (serverProcess.ts): their exit hook does not run inside
 * Jest's sandbox, so bundles of processes now gone would pile up.
 */
export default async function globalTeardown(): Promise<void> {
  await removeTemplates();
  const dist = path.resolve(__dirname, "../../server/dist");
  if (!fs.existsSync(dist)) return;
  for (const name of fs.readdirSync(dist)) {
    const pid = Number(/^test-(\d+)(\.seed)?\.js(\.map)?$/.exec(name)?.[1]);
    if (pid && (pid === process.pid || !isAlive(pid))) fs.rmSync(path.join(dist, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
