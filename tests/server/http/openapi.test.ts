/**
 * The OpenAPI document (docs/api.md): generated from the shared zod schemas, it lists every route the server serves
 * and nothing else, gives every operation its request body and its response bodies (success and error), and real
 * answers validate against it — read from /api/openapi.json, as an integrator reads it.
 */
import express from "express";
import { OPERATIONS } from "@ca/server/src/http/openapi";
import { createApp } from "@ca/server/src/app";
import { checkResponse, findOperation, responseSchema, type OpenApiDocument } from "../../support/openapi";
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
let doc: OpenApiDocument;
beforeAll(async () => {
  app = await startTestApp();
  doc = (await app.anonymous().get("/api/openapi.json")).body;
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

// Writes that take no body at all: the action is the path.
const NO_BODY = new Set([
  "post /api/auth/logout",
  "post /api/notifications/{notificationId}/read",
  "post /api/comments/{commentId}/resolve",
  "post /api/meetings/{meetingId}/start",
  "post /api/meetings/{meetingId}/end",
  "delete /api/periods/{periodId}/council/{userId}",
  "delete /api/dossiers/{dossierId}/evidence/{fileId}",
  "delete /api/dossiers/{dossierId}/items/{code}/self",
]);

describe("the OpenAPI document", () => {
  it("is served as OpenAPI 3.0 with every operation's bodies", () => {
    expect(doc.openapi).toBe("3.0.3");
    expect(JSON.stringify(doc)).not.toContain("undefined");
    expect(JSON.stringify(doc)).not.toContain("#/definitions/");
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const id = `${method} ${path}`;
        const responses = op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>;
        const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
        expect({ id, success: success.length }).toEqual({ id, success: 1 });
        // A success body (JSON or a file) unless it is 204; an error body for 4XX.
        expect({ id, body: success[0] === "204" || Boolean(responses[success[0]].content) }).toEqual({
          id,
          body: true,
        });
        expect(responses["4XX"].content!["application/json"].schema).toBeDefined();
        const writes = method !== "get" && !NO_BODY.has(id);
        expect({ id, requestBody: Boolean(op.requestBody) }).toEqual({ id, requestBody: writes });
      }
  });

  it("documents every route the server serves, and only those", () => {
    const { app: expressApp } = createApp(app.ctx);
    const apiRouter = (expressApp as unknown as { router: express.Router }).router;
    const served = servedRoutes(apiRouter)
      .filter((r) => r.includes("/") && !/^GET \/\^/.test(r) && !r.startsWith("GET /(?"))
      .map((r) =>
        /^\w+ \/(healthz|readyz|metrics|api\/openapi\.json)$/.test(r) ? r : r.replace(/ /, " /api"),
      );
    // The walk must see the API routes themselves, or the checks below would pass on nothing.
    expect(served).toEqual(
      expect.arrayContaining([
        "PUT /api/dossiers/{dossierId}/items/{code}/self",
        "POST /api/meetings/{meetingId}/lock",
      ]),
    );
    const documented = OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(served.filter((r) => !documented.includes(r) && r !== "GET /api/openapi.json")).toEqual([]);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });

  it("refuses what the contract does not allow: a flat ranking row, three decimals, an undocumented field", () => {
    const op = findOperation(doc, "get", "/api/periods/x/ranking")!;
    const schema = responseSchema(doc, op, 200)!;
    const row = {
      dossierId: "00000000-0000-4000-8000-000000000001",
      unit: { id: "00000000-0000-4000-8000-000000000002", code: "snv", name: "Sở Nội vụ", unitType: "a" },
      standing: "ranked",
      rank: 1,
      rankBeforeMeeting: 1,
      total: 85.25,
      index: 85.25,
      classification: "tot",
      why: { basis: "index", bandByIndex: "tot", override: null },
      provisional: true,
      proposed: false,
      status: "agreed",
    };
    expect(schema.safeParse({ data: [row] }).success).toBe(true);
    const { unit, ...flat } = row;
    expect(schema.safeParse({ data: [{ ...flat, unitCode: unit.code, unitName: unit.name }] }).success).toBe(
      false,
    );
    expect(schema.safeParse({ data: [{ ...row, total: 85.255 }] }).success).toBe(false);
    expect(schema.safeParse({ data: [{ ...row, extra: 1 }] }).success).toBe(false);
  });

  it("validates real answers of the sample's read routes, errors included", async () => {
    const admin = await app.login("admin");
    const home = await app.login("member.home");
    const periods = (await admin.get("/api/periods")).body.data as { id: string; code: string }[];
    const p2023 = periods.find((p) => p.code === "2023")!.id;
    const dossier = (await admin.get(`/api/periods/${p2023}/dossiers`)).body.data[0].id as string;
    const meeting = (await admin.get(`/api/periods/${p2023}/meetings`)).body.data[0].id as string;
    const indexSet = (await admin.get("/api/index-sets")).body.data[0].id as string;
    const reads = [
      "/healthz",
      "/readyz",
      "/api/me",
      "/api/periods",
      `/api/periods/${p2023}`,
      `/api/periods/${p2023}/dossiers`,
      `/api/dossiers/${dossier}`,
      `/api/periods/${p2023}/ranking`,
      `/api/periods/${p2023}/ranking?unitType=district_committee`,
      `/api/periods/${p2023}/dashboard`,
      `/api/periods/${p2023}/progress`,
      `/api/periods/${p2023}/council`,
      "/api/unit-types",
      "/api/units",
      "/api/users",
      "/api/index-sets",
      `/api/index-sets/${indexSet}`,
      "/api/notifications",
      `/api/periods/${p2023}/meetings`,
      `/api/meetings/${meeting}`,
      `/api/periods/${p2023}/agreements`,
      `/api/periods/${p2023}/publication`,
      `/api/periods/${p2023}/results`,
      `/api/periods/${p2023}/responsibility`,
      `/api/dossiers/${dossier}/responsibility`,
      `/api/periods/${p2023}/surveys`,
      `/api/periods/${p2023}/survey-results`,
      "/api/public/periods",
      `/api/public/periods/${p2023}/results`,
      // Errors: a missing record, a missing route, bad input.
      "/api/dossiers/00000000-0000-4000-8000-000000000000",
      "/api/nope",
      `/api/periods/${p2023}/ranking?unitType=${"x".repeat(100)}`,
    ];
    const problems: string[] = [];
    for (const [who, agent] of [
      ["admin", admin],
      ["member.home", home],
      ["public", app.anonymous()],
    ] as const)
      for (const url of reads) {
        const res = await agent.get(url);
        // An unknown route is documented nowhere: its 404 is the generic error body.
        if (url === "/api/nope") {
          expect(res.body.error.code).toBe("route_not_found");
          continue;
        }
        problems.push(
          ...checkResponse(doc, "get", url, res.status, res.body, res.headers["content-type"]).map(
            (p) => `${who}: ${p}`,
          ),
        );
      }
    expect(problems).toEqual([]);
  });
});
