/**
 * The access log (http/accessLog.ts): one line per answered request with method, URL, status and time, a server
 * error at `error`; health probes not logged; nothing of the cookies; nothing written below the logger's level.
 */
import express from "express";
import request from "supertest";
import { createLogger } from "@ca/server/src/logger";
import { accessLog } from "@ca/server/src/http/accessLog";

function appLoggingAt(level: "info" | "warn") {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ LOG_LEVEL: level }, { write: (l: string) => void lines.push(JSON.parse(l)) });
  const app = express();
  app.use(accessLog(logger));
  app.get("/healthz", (_req, res) => void res.send("ok"));
  app.get("/api/ok", (_req, res) => void res.json({ ok: true }));
  app.get("/api/boom", (_req, res) => void res.status(500).json({ error: "x" }));
  return { app, lines };
}

it("logs each answered request once, with its status, and a server error at error level", async () => {
  const { app, lines } = appLoggingAt("info");
  await request(app).get("/api/ok?x=1").set("Cookie", "ca.sid=s%3Asecret-value");
  await request(app).get("/api/boom");
  await request(app).get("/healthz");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatchObject({
    level: 30,
    msg: "request completed",
    req: { method: "GET", url: "/api/ok?x=1" },
    res: { statusCode: 200 },
  });
  expect(typeof lines[0].responseTime).toBe("number");
  expect(lines[1]).toMatchObject({ level: 50, req: { url: "/api/boom" }, res: { statusCode: 500 } });
  expect(JSON.stringify(lines)).not.toContain("secret-value");
});

it("writes nothing below the logger's level but the server errors", async () => {
  const { app, lines } = appLoggingAt("warn");
  await request(app).get("/api/ok");
  await request(app).get("/api/boom");
  expect(lines.map((l) => (l.res as { statusCode: number }).statusCode)).toEqual([500]);
});
