import express from "express";
import { buildOpenApi, OPERATIONS } from "@ca/server/src/http/openapi";
import { createApp } from "@ca/server/src/app";
import { startTestApp, type TestApp } from "../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ sample: false });
});
afterAll(() => app.close());

/** Every route the Express app serves, as "METHOD /path/{param}". */
function servedRoutes(router: express.Router, prefix = ""): string[] {
  const out: string[] = [];
  for (const layer of (
    router as unknown as {
      stack: { route?: { path: string; methods: Record<string, boolean> }; handle: { stack?: unknown } }[];
    }
  ).stack) {
    if (layer.route) {
      for (const m of Object.keys(layer.route.methods))
        out.push(`${m.toUpperCase()} ${prefix}${layer.route.path}`.replace(/:(\w+)/g, "{$1}"));
    } else if (layer.handle.stack) out.push(...servedRoutes(layer.handle as express.Router, prefix));
  }
  return out;
}

describe("OpenAPI", () => {
  it("is served as a valid 3.0 document generated from the shared schemas", async () => {
    const res = await app.anonymous().get("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.0.3");
    expect(
      res.body.paths["/api/auth/login"].post.requestBody.content["application/json"].schema.properties
        .username,
    ).toBeDefined();
    expect(JSON.stringify(buildOpenApi())).not.toContain("undefined");
  });

  it("documents every API route the server serves", () => {
    const { app: expressApp } = createApp(app.ctx);
    const apiRouter = (expressApp as unknown as { router: express.Router }).router;
    const served = servedRoutes(apiRouter).filter((r) => r.includes("/"));
    // The walk must see the API routes themselves, or the check below would pass on nothing.
    expect(served).toEqual(
      expect.arrayContaining(["PUT /dossiers/{dossierId}/items/{code}/self", "POST /auth/login"]),
    );
    const documented = new Set(
      OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path.replace(/^\/api/, "")}`),
    );
    const missing = served.filter((r) =>
      r.startsWith("GET /healthz") || r.startsWith("GET /readyz")
        ? false
        : !documented.has(r) && !documented.has(r.replace(/^(\w+) /, "$1 /api")),
    );
    expect(
      missing.filter(
        (r) =>
          !r.includes("openapi.json") &&
          !r.includes("metrics") &&
          !/^GET \/\^/.test(r) &&
          !r.startsWith("GET /(?"),
      ),
    ).toEqual([]);
  });
});
