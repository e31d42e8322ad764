/**
 * docs/targets.md S6 for the results routes (issue 6): ≥ 1,000 malformed payloads per JSON route — publication, the
 * responsibility rules, clone, archive. No 5xx, clear 4xx errors, the audit chain holds, and nothing is written
 * but what a 2xx acknowledged (one audit row each; a period per acknowledged clone; no publication at all).
 */
import { count, eq } from "drizzle-orm";
import { auditLog, periods, resultPublications } from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { barrageJsonRoute, type JsonRouteBarrage } from "../../../support/malformed";
import { startTestApp, type TestApp } from "../../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
const PER_ROUTE = 1000;

let app: TestApp;
let admin: Agent;
let training: string;
let archivable: string;
let n = 0;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
  training = (await admin.get("/api/periods")).body.data.find(
    (p: { kind: string }) => p.kind === "training",
  ).id;
  const res = await admin
    .post(`/api/periods/${training}/clone`)
    .send({ code: "luu-tru-thu", name: "Kỳ để lưu trữ" });
  archivable = res.body.data.id;
}, 120_000);
afterAll(() => app.close());

interface Route extends JsonRouteBarrage {
  method: "put" | "post";
  path: () => string;
  /** Rows of `periods` each acknowledged write adds. */
  periodsPerAck?: number;
}

const ROUTES: Route[] = [
  {
    name: "POST /api/periods/:id/publication",
    method: "post",
    path: () => `/api/periods/${training}/publication`,
    valid: () => ({ stage: "leadership", documentNumber: "12/BC-SNV" }),
    extra: () => [
      { stage: "units" },
      { stage: "public" },
      { stage: "LEADERSHIP" },
      { stage: "leadership", documentNumber: "<b>1</b>" },
      { stage: "leadership", documentNumber: "1/BC-SNV'; drop table periods;--" },
      { stage: "leadership", documentNumber: "x".repeat(41) },
    ],
  },
  {
    name: "PUT /api/periods/:id/rules/responsibility",
    method: "put",
    path: () => `/api/periods/${training}/rules/responsibility`,
    valid: () => ({
      deputyAreaWeight: 70,
      unitWeight: 30,
      headCappedByUnit: true,
      deputyCap: { areaIndexBelow: 50, band: "yeu" },
    }),
    extra: () => [
      { deputyAreaWeight: 70, unitWeight: 31, headCappedByUnit: true },
      { deputyAreaWeight: -10, unitWeight: 110, headCappedByUnit: true },
      { deputyAreaWeight: 70.5, unitWeight: 29.5, headCappedByUnit: true },
      { deputyAreaWeight: 70, unitWeight: 30, headCappedByUnit: "true" },
      {
        deputyAreaWeight: 70,
        unitWeight: 30,
        headCappedByUnit: true,
        deputyCap: { areaIndexBelow: 50, band: "khong_co" },
      },
      {
        deputyAreaWeight: 70,
        unitWeight: 30,
        headCappedByUnit: true,
        deputyCap: { areaIndexBelow: 100.01, band: "yeu" },
      },
      {
        deputyAreaWeight: 70,
        unitWeight: 30,
        headCappedByUnit: true,
        deputyCap: { areaIndexBelow: 50.555, band: "yeu" },
      },
    ],
  },
  {
    name: "POST /api/periods/:id/clone",
    method: "post",
    path: () => `/api/periods/${training}/clone`,
    valid: () => ({ code: `thu-${n++}`, name: "Kỳ thử", years: 1 }),
    extra: () => [
      { code: "2023", name: "Trùng mã" },
      { code: "Có dấu", name: "x" },
      { code: "-bad", name: "x" },
      { code: "ok-1", name: "x", years: 0 },
      { code: "ok-2", name: "x", years: 6 },
      { code: "ok-3", name: "x", years: 1.5 },
      { code: "ok-4", name: "" },
    ],
    periodsPerAck: 1,
  },
  {
    name: "POST /api/periods/:id/archive",
    method: "post",
    path: () => `/api/periods/${archivable}/archive`,
    valid: () => ({ reason: "Kết thúc kỳ đánh giá" }),
    // The valid one last: acknowledged once, then refused (409) because the period is archived.
    extra: () => [
      { reason: "  " },
      { reason: "ab" },
      { reason: "x".repeat(1001) },
      { reason: "Lưu trữ" },
      { reason: "Lưu trữ lần hai" },
    ],
  },
];

async function snapshot() {
  const db = app.ctx.database.db;
  const [[audit], [ps], [pubs], [period]] = await Promise.all([
    db.select({ n: count() }).from(auditLog),
    db.select({ n: count() }).from(periods),
    db.select({ n: count() }).from(resultPublications),
    db.select({ rules: periods.rules, status: periods.status }).from(periods).where(eq(periods.id, training)),
  ]);
  return { audit: audit.n, periods: ps.n, publications: pubs.n, trainingStatus: period.status };
}

describe.each(ROUTES.map((r) => [r.name, r] as const))("%s", (_name, route) => {
  it(`survives ${PER_ROUTE} malformed payloads with clear 4xx errors, and writes only what it acknowledges`, async () => {
    const before = await snapshot();
    const { acknowledged } = await barrageJsonRoute(route, PER_ROUTE, route.name.length * 11, (payload) =>
      admin[route.method](route.path()).set("Content-Type", "application/json").send(payload),
    );
    expect((await admin.get("/api/me")).status).toBe(200);
    expect((await verifyAuditChain(app.ctx.database.db, app.ctx.audit)).ok).toBe(true);
    const after = await snapshot();
    expect(after.audit - before.audit).toBe(acknowledged);
    expect(after.periods - before.periods).toBe(acknowledged * (route.periodsPerAck ?? 0));
    expect(after.publications).toBe(before.publications);
    expect(after.trainingStatus).toBe("active");
    if (route.name.endsWith("/archive")) expect(acknowledged).toBe(1);
  }, 600_000);
});
