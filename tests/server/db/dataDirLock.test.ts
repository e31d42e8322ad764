import fs from "node:fs";
import path from "node:path";
import {
  freePort,
  startServerProcess,
  tempDir,
  waitReady,
  type ServerProcess,
} from "../../support/serverProcess";

// docs/targets.md R4: a second server process on the same embedded data folder is refused; the first keeps working.
describe("embedded database folder lock", () => {
  let first: ServerProcess;
  const dataDir = tempDir("ca-lock-");
  afterAll(async () => {
    await first?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a second process with a clear message and leaves the first one working", async () => {
    first = startServerProcess({ DATA_DIR: dataDir }, await freePort());
    await waitReady(first);
    expect(first.output()).toContain("Demo accounts");

    const second = startServerProcess({ DATA_DIR: dataDir }, await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another server process \(pid \d+\)/);

    const res = await fetch(`${first.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: first.url },
      body: JSON.stringify({ username: "admin", password: "Demo@2023" }),
    });
    expect(res.status).toBe(200);
    // The lock names the live server process (tsx runs it as a child of its own).
    const owner = Number(fs.readFileSync(path.join(dataDir, ".lock"), "utf8"));
    expect(() => process.kill(owner, 0)).not.toThrow();
  });

  it("starts again on the same folder after a clean stop, without reloading the sample", async () => {
    await first.stop();
    expect(fs.existsSync(path.join(dataDir, ".lock"))).toBe(false);
    first = startServerProcess({ DATA_DIR: dataDir }, await freePort());
    await waitReady(first);
    expect(first.output()).not.toContain("Demo accounts");
  });

  it("refuses to start on bad configuration, naming the variable", async () => {
    const bad = startServerProcess({ DATA_DIR: tempDir(), PORT: "not-a-port" }, 1);
    bad.child.kill(0);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/Invalid configuration:\s+PORT/);
  });
});
