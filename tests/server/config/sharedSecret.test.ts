/**
 * Instances behind one address must share SESSION_SECRET (docs/scaling.md): with REDIS_URL set (several
 * instances) and no secret, each would generate its own and reject the cookies the others signed, so the server
 * refuses to start and says why.
 */
import { loadConfig } from "@ca/server/src/config";
import { freePort, startServerProcess } from "../../support/serverProcess";

describe("REDIS_URL without SESSION_SECRET", () => {
  it("is refused by the configuration", () => {
    expect(() => loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", DATA_DIR: "memory://" })).toThrow(
      /SESSION_SECRET: required with REDIS_URL/,
    );
    expect(
      loadConfig({
        REDIS_URL: "redis://127.0.0.1:6379",
        SESSION_SECRET: "a-secret-shared-by-every-instance",
        DATA_DIR: "memory://",
      }).SESSION_SECRET,
    ).toBe("a-secret-shared-by-every-instance");
    // A single instance still runs without one (development: a secret kept in the data folder).
    expect(loadConfig({ DATA_DIR: "memory://" }).SESSION_SECRET).toBeUndefined();
  });

  it("stops the server before it listens, naming the variable", async () => {
    const server = startServerProcess(
      { REDIS_URL: "redis://127.0.0.1:6379", DATA_DIR: "memory://", SESSION_SECRET: "" },
      await freePort(),
    );
    const code = await server.exited;
    expect(code).not.toBe(0);
    expect(server.output()).toMatch(/SESSION_SECRET: required with REDIS_URL/);
  });
});
