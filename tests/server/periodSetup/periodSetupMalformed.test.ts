/**
 * docs/targets.md S6 for the JSON routes of issue 16 (docs/periods-and-classification.md): a new period from a
 * template or from last year's, the period's quotas, the chair's band caps (record, withdraw) and tie decisions, and
 * which index set a period applies to a unit type.
 * ≥ 1,000 malformed payloads each: no 5xx, clear 4xx errors, the audit chain holds, and nothing is written but what
 * a 2xx acknowledged (one audit row each; a period per acknowledged creation; no unit merged or deactivated).
 * The multipart routes (index-set and unit imports) meet their hostile files in tests/server/services/files/uploadBombs.test.ts
 * and their bad rows in tests/server/periodSetup/unitImport.test.ts.
 */
import { count, eq } from "drizzle-orm";
import * as t from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { barrageJsonRoute, type JsonRouteBarrage } from "../../support/malformed";
import { startTestApp, type TestApp } from "../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
const PER_ROUTE = 1000;

let app: TestApp;
let admin: Agent;
let chair: Agent;
let training: string;
let snvId: string;
let stcId: string;
let capId: string;
/** A period from the 2026 template nobody has scored in, and the set it applies to its provincial agencies. */
let fresh: string;
let provinceSet: string;
let communeSet: string;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
  chair = await app.login("chair");
  training = (await admin.get("/api/periods")).body.data.find(
    (p: { kind: string }) => p.kind === "training",
  ).id;
  const units = (await admin.get("/api/units")).body.data as { id: string; code: string }[];
  snvId = units.find((u) => u.code === "snv")!.id;
  stcId = units.find((u) => u.code === "stc")!.id;
  // A cap to withdraw (the DELETE barrage's target).
  const cap = await chair.post(`/api/periods/${training}/classification/caps`).send({
    unitId: stcId,
    maxBand: "tot",
    reason: "Người đứng đầu bị kỷ luật",
    documentNumber: "3/QĐ-HĐ",
  });
  expect(cap.status).toBe(201);
  capId = cap.body.data.id;
  const made = await admin
    .post("/api/periods")
    .send({ name: "Kỳ thử S6 bộ chỉ số", year: 2031, code: "s6-bcs", templateKey: "framework-2026" });
  expect(made.status).toBe(201);
  fresh = made.body.data.id;
  const links = (await admin.get(`/api/periods/${fresh}/index-sets`)).body.data as {
    unitType: string;
    indexSetId: string;
  }[];
  provinceSet = links.find((l) => l.unitType === "co_quan_chuyen_mon_tinh")!.indexSetId;
  communeSet = links.find((l) => l.unitType === "ubnd_cap_xa")!.indexSetId;
}, 120_000);
afterAll(() => app.close());

interface Route extends JsonRouteBarrage {
  method: "put" | "post" | "delete";
  as: () => Agent;
  path: () => string;
  /** Rows of `periods` each acknowledged write adds. */
  periodsPerAck?: number;
}

const ROUTES: Route[] = [
  {
    name: "POST /api/periods (from a template)",
    method: "post",
    as: () => admin,
    path: () => "/api/periods",
    // A fixed code: acknowledged once, then refused as taken (409) unless a mutation drops or changes the code.
    valid: () => ({ name: "Kỳ thử S6", year: 2032, code: "s6-mau", templateKey: "framework-2026" }),
    extra: () => [
      { name: "x", year: 2032, templateKey: "khung-2030" },
      { name: "x", year: 1999, templateKey: "framework-2026" },
      { name: "x", year: 2032, templateKey: "framework-2026", fromPeriodId: training },
      { name: "x", year: 2032, code: "Có dấu", templateKey: "framework-2026" },
    ],
    periodsPerAck: 1,
  },
  {
    name: "POST /api/periods (from last year's)",
    method: "post",
    as: () => admin,
    path: () => "/api/periods",
    valid: () => ({ name: "Kỳ thử S6 năm sau", year: 2033, code: "s6-cu", fromPeriodId: training }),
    // Bad mappings: each names its lines and merges nothing.
    extra: () => [
      { name: "x", year: 2034, fromPeriodId: training, unitMapping: [{ from: "snv", to: "snv" }] },
      { name: "x", year: 2034, fromPeriodId: training, unitMapping: [{ from: "khong-co", to: "snv" }] },
      { name: "x", year: 2034, fromPeriodId: training, unitMapping: [{ from: "snv", to: "tp-tuyhoa" }] },
      {
        name: "x",
        year: 2034,
        fromPeriodId: training,
        unitMapping: [
          { from: "h-tuyan", to: "h-tayhoa" },
          { from: "h-tayhoa", to: "h-phuhoa" },
        ],
      },
      { name: "x", year: 2034, fromPeriodId: training, unitMapping: [{ from: "snv" }] },
      { name: "x", year: 2034, fromPeriodId: "00000000-0000-4000-8000-000000000097" },
      { name: "x", year: 2000, fromPeriodId: training },
    ],
    periodsPerAck: 1,
  },
  {
    name: "PUT /api/periods/:id/classification",
    method: "put",
    as: () => admin,
    path: () => `/api/periods/${training}/classification`,
    valid: () => ({
      quotas: [{ band: "xuat_sac", unitType: "provincial_agency", maxPercent: 40 }],
      reason: "Kế hoạch: Xuất sắc không quá 40%",
    }),
    extra: () => [
      { quotas: [{ band: "sieu_sao", maxUnits: 1 }], reason: "x" },
      { quotas: [{ band: "xuat_sac", unitType: "khong_co", maxUnits: 1 }], reason: "x" },
      { quotas: [{ band: "xuat_sac", maxPercent: 101 }], reason: "x" },
      { quotas: [{ band: "xuat_sac", maxPercent: 20.555 }], reason: "x" },
      { quotas: [{ band: "xuat_sac", maxUnits: -1 }], reason: "x" },
      { quotas: [{ band: "xuat_sac" }], reason: "x" },
    ],
  },
  {
    name: "POST /api/periods/:id/classification/caps",
    method: "post",
    as: () => chair,
    path: () => `/api/periods/${training}/classification/caps`,
    valid: () => ({
      unitId: snvId,
      maxBand: "tot",
      reason: "Để xảy ra vi phạm trong năm",
      documentNumber: "4/QĐ-HĐ",
    }),
    extra: () => [
      { unitId: snvId, maxBand: "sieu_sao", reason: "x x x", documentNumber: "1/QĐ" },
      {
        unitId: "00000000-0000-4000-8000-000000000099",
        maxBand: "tot",
        reason: "x x x",
        documentNumber: "1",
      },
      { unitId: snvId, maxBand: "tot", reason: "", documentNumber: "1/QĐ" },
      { unitId: snvId, maxBand: "tot", reason: "x x x", documentNumber: "" },
    ],
  },
  {
    name: "DELETE /api/periods/:id/classification/caps/:capId",
    method: "delete",
    as: () => chair,
    path: () => `/api/periods/${training}/classification/caps/${capId}`,
    // Withdrawn at most once; then the cap is gone (404).
    valid: () => ({ reason: "Quyết định kỷ luật bị hủy" }),
    extra: () => [{ reason: "" }, { reason: "x".repeat(2001) }],
  },
  {
    name: "POST /api/periods/:id/classification/ties",
    method: "post",
    as: () => chair,
    path: () => `/api/periods/${training}/classification/ties`,
    valid: () => ({
      unitType: "provincial_agency",
      band: "xuat_sac",
      unitIds: [snvId],
      reason: "Hội đồng biểu quyết",
      documentNumber: "12/BB-HĐ",
    }),
    extra: () => [
      { unitType: "provincial_agency", band: "xuat_sac", unitIds: [], reason: "x", documentNumber: "1" },
      { unitType: "khong_co", band: "xuat_sac", unitIds: [snvId], reason: "x", documentNumber: "1" },
      {
        unitType: "provincial_agency",
        band: "xuat_sac",
        unitIds: [snvId, snvId],
        reason: "x",
        documentNumber: "1",
      },
    ],
  },
  {
    name: "PUT /api/periods/:id/index-sets/:unitTypeCode",
    method: "put",
    as: () => admin,
    path: () => `/api/periods/${fresh}/index-sets/co_quan_chuyen_mon_tinh`,
    // The set it already applies: acknowledged (and audited) each time, and the period keeps it.
    valid: () => ({ indexSetId: provinceSet, reason: "Giữ bộ chỉ số của khung 2026" }),
    extra: () => [
      { indexSetId: communeSet },
      { indexSetId: "00000000-0000-4000-8000-000000000098" },
      { indexSetId: provinceSet, reason: "x" },
      { indexSetId: provinceSet, unitType: "ubnd_cap_xa" },
    ],
  },
];

async function snapshot() {
  const db = app.ctx.database.db;
  const [[audit], [ps], [caps], [ties], [active]] = await Promise.all([
    db.select({ n: count() }).from(t.auditLog),
    db.select({ n: count() }).from(t.periods),
    db.select({ n: count() }).from(t.councilBandCaps),
    db.select({ n: count() }).from(t.quotaTieDecisions),
    db.select({ n: count() }).from(t.units).where(eq(t.units.active, true)),
  ]);
  return { audit: audit.n, periods: ps.n, caps: caps.n, ties: ties.n, active: active.n };
}

describe.each(ROUTES.map((r) => [r.name, r] as const))("%s", (_name, route) => {
  it(`survives ${PER_ROUTE} malformed payloads with clear 4xx errors, and writes only what it acknowledges`, async () => {
    const before = await snapshot();
    const { acknowledged } = await barrageJsonRoute(route, PER_ROUTE, route.name.length * 13, (payload) =>
      route.as()[route.method](route.path()).set("Content-Type", "application/json").send(payload),
    );
    expect((await admin.get("/api/me")).status).toBe(200);
    expect((await verifyAuditChain(app.ctx.database.db, app.ctx.audit)).ok).toBe(true);
    const after = await snapshot();
    expect(after.audit - before.audit).toBe(acknowledged);
    expect(after.periods - before.periods).toBe(acknowledged * (route.periodsPerAck ?? 0));
    expect(after.active).toBe(before.active);
    expect(after.ties).toBe(before.ties);
    // A unit has one cap per period: recording again replaces it; withdrawing removes the one there is.
    const capsAdded = after.caps - before.caps;
    if (route.name.startsWith("POST") && route.name.includes("/caps")) expect([0, 1]).toContain(capsAdded);
    else if (route.method === "delete") expect(capsAdded).toBe(-acknowledged);
    else expect(capsAdded).toBe(0);
    if (route.method === "delete") expect(acknowledged).toBeLessThanOrEqual(1);
    if (route.name.includes("/index-sets/")) {
      const links = (await admin.get(`/api/periods/${fresh}/index-sets`)).body.data as {
        indexSetId: string;
      }[];
      expect(links.map((l) => l.indexSetId)).toEqual([provinceSet, communeSet]);
    }
  }, 600_000);
});
