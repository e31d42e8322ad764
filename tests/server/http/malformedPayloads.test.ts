/** docs/targets.md S6: ≥ 1,000 malformed payloads per JSON route: no 5xx, no crash, nothing half-written. */
import { count } from "drizzle-orm";
import { units, users, milestones } from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { malformedPayloads } from "../../support/malformed";
import { startTestApp, type TestApp } from "../../support/testApp";

const PER_ROUTE = 1000;
let app: TestApp;
let ids: { periodId: string; unitId: string; unitTypeId: string; userId: string };
beforeAll(async () => {
  app = await startTestApp();
  const admin = await app.login("admin");
  const units = (await admin.get("/api/units")).body.data;
  const leader = (await admin.get("/api/users")).body.data.find(
    (u: { username: string }) => u.username === "leader",
  );
  ids = {
    periodId: (await admin.get("/api/periods")).body.data[0].id,
    unitId: units[3].id,
    unitTypeId: units[3].unitType.id,
    userId: leader.id,
  };
});
afterAll(() => app.close());

const ROUTES: {
  name: string;
  method: "post" | "put" | "patch";
  path: () => string;
  valid: () => Record<string, unknown>;
}[] = [
  {
    name: "POST /api/auth/login",
    method: "post",
    path: () => "/api/auth/login",
    valid: () => ({ username: "leader", password: "wrong-password" }),
  },
  {
    name: "PUT /api/periods/:id/milestones/:key",
    method: "put",
    path: () => `/api/periods/${ids.periodId}/milestones/guidance`,
    valid: () => ({ startsAt: null, deadline: "2023-10-31T23:59:59+07:00", reason: "Điều chỉnh" }),
  },
  {
    name: "POST /api/units",
    method: "post",
    path: () => "/api/units",
    valid: () => ({ code: "fuzz-unit", name: "Đơn vị thử", shortName: "T", unitTypeId: ids.unitTypeId }),
  },
  {
    name: "PATCH /api/units/:id",
    method: "patch",
    path: () => `/api/units/${ids.unitId}`,
    valid: () => ({ name: "Tên mới", active: true }),
  },
  {
    name: "POST /api/users",
    method: "post",
    path: () => "/api/users",
    valid: () => ({
      username: "fuzz.user",
      fullName: "Thử",
      password: "Fuzz12345",
      roles: ["leadership"],
      unitId: null,
    }),
  },
  {
    name: "PATCH /api/users/:id",
    method: "patch",
    path: () => `/api/users/${ids.userId}`,
    valid: () => ({ fullName: "Lãnh đạo", roles: ["leadership"] }),
  },
  {
    name: "POST /api/users/:id/reset-password",
    method: "post",
    path: () => `/api/users/${ids.userId}/reset-password`,
    valid: () => ({ password: "Demo@2023" }),
  },
];

const rowCounts = async () => {
  const db = app.ctx.database.db;
  const [[u], [us], [m]] = await Promise.all([
    db.select({ n: count() }).from(units),
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(milestones),
  ]);
  return { units: u.n, users: us.n, milestones: m.n };
};

describe.each(ROUTES.map((r) => [r.name, r] as const))("%s", (_name, route) => {
  it(`survives ${PER_ROUTE} malformed payloads with clear 4xx errors`, async () => {
    const admin = await app.login("admin");
    const before = await rowCounts();
    const statuses = new Map<number, number>();
    const serverErrors: string[] = [];
    for (const payload of malformedPayloads(route.valid(), PER_ROUTE, route.name.length)) {
      const res = await admin[route.method](route.path())
        .set("Content-Type", "application/json")
        .send(payload);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) serverErrors.push(payload.slice(0, 200));
      else if (res.status >= 400) expect(typeof res.body.error?.message).toBe("string");
    }
    expect(serverErrors).toEqual([]);
    // The server is alive, nothing was polluted, and the audit chain holds.
    expect((await admin.get("/api/me")).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await verifyAuditChain(app.ctx.database.db, app.ctx.audit)).ok).toBe(true);
    const after = await rowCounts();
    // Nothing half-written: every new row is one that a 201 acknowledged; milestones never grow.
    const created = statuses.get(201) ?? 0;
    expect(after.milestones).toBe(before.milestones);
    expect(after.units - before.units + (after.users - before.users)).toBe(created);
  });
});
