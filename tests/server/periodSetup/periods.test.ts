import { asc, eq } from "drizzle-orm";
import { auditLog } from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type M = { key: string; startsAt: string | null; deadline: string };
type P = { code: string; kind: string; milestones: M[] };
const find = (periods: P[], pred: (p: P) => boolean) => periods.find(pred)!;

describe("periods", () => {
  it("lists the 2023 period with the plan's dates and the training period open now", async () => {
    const a = await app.login("editor.tuyhoa");
    const res = await a.get("/api/periods");
    expect(res.status).toBe(200);
    const periods = res.body.data;
    const p2023 = find(periods, (p) => p.code === "2023");
    const training = find(periods, (p) => p.kind === "training");
    const ms = (p: { milestones: M[] }, key: string) => p.milestones.find((m) => m.key === key)!;
    const vn = (d: string) => new Date(`${d}T00:00:00+07:00`).getTime();
    // Section II of the plan: each deadline falls before the date it names.
    expect(new Date(ms(p2023, "self_assessment").startsAt!).getTime()).toBe(vn("2023-11-01"));
    expect(new Date(ms(p2023, "self_assessment").deadline).getTime()).toBeLessThan(vn("2023-12-10"));
    expect(new Date(ms(p2023, "self_assessment").deadline).getTime()).toBeGreaterThan(vn("2023-12-09"));
    expect(new Date(ms(p2023, "round1").deadline).getTime()).toBeLessThan(vn("2023-12-16"));
    expect(new Date(ms(p2023, "explanation").deadline).getTime()).toBeLessThan(vn("2023-12-18"));
    expect(new Date(ms(p2023, "round2").deadline).getTime()).toBeLessThan(vn("2023-12-25"));
    expect(new Date(ms(p2023, "meeting").deadline).getTime()).toBeLessThan(vn("2023-12-25"));
    expect(p2023.milestones.map((m: M) => m.key)).toEqual([
      "plan",
      "guidance",
      "council_setup",
      "training",
      "survey",
      "self_assessment",
      "round1",
      "explanation",
      "round2",
      "meeting",
      "publication",
    ]);
    const self = ms(training, "self_assessment");
    const now = Date.now();
    expect(new Date(self.startsAt!).getTime()).toBeLessThan(now);
    expect(new Date(self.deadline).getTime()).toBeGreaterThan(now);
    // Every working step up to the meeting is open now, so each role can rehearse its step (issue 14 point 6);
    // the deadlines keep the plan's order.
    for (const key of ["round1", "explanation", "round2", "meeting"]) {
      expect(new Date(ms(training, key).startsAt!).getTime()).toBeLessThan(now);
      expect(new Date(ms(training, key).deadline).getTime()).toBeGreaterThan(now);
    }
    const deadlines = training.milestones.slice(5).map((m: M) => new Date(m.deadline).getTime());
    expect(ms(training, "round1").deadline > self.deadline).toBe(true);
    expect(ms(training, "explanation").deadline > ms(training, "round1").deadline).toBe(true);
    expect(deadlines[deadlines.length - 1]).toBeGreaterThan(
      new Date(ms(training, "round2").deadline).getTime(),
    );
  });

  it("shows abilities: only the admin may move milestones", async () => {
    const admin = await app.login("admin");
    const { body } = await admin.get("/api/periods");
    const id = body.data[0].id;
    expect((await admin.get(`/api/periods/${id}`)).body.abilities.updateMilestone).toBe(true);
    const chair = await app.login("chair");
    expect((await chair.get(`/api/periods/${id}`)).body.abilities.updateMilestone).toBe(false);
  });

  it("lets the admin move a milestone, with the reason in the audit log", async () => {
    const admin = await app.login("admin");
    const period = (await admin.get("/api/periods")).body.data.find(
      (p: { kind: string }) => p.kind === "training",
    );
    const body = {
      startsAt: "2026-11-01T00:00:00+07:00",
      deadline: "2027-01-10T23:59:59+07:00",
      reason: "Gia hạn theo chỉ đạo",
    };
    const res = await admin.put(`/api/periods/${period.id}/milestones/self_assessment`).send(body);
    expect(res.status).toBe(200);
    expect(res.body.data.deadline).toBe(new Date(body.deadline).toISOString());
    const rows = await app.ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "milestone.update"))
      .orderBy(asc(auditLog.id));
    expect(rows.at(-1)).toMatchObject({
      reason: "Gia hạn theo chỉ đạo",
      entityId: `${period.id}:self_assessment`,
    });
  });

  it("refuses a milestone whose start is after its deadline, an unknown key, and a missing reason", async () => {
    const admin = await app.login("admin");
    const id = (await admin.get("/api/periods")).body.data[0].id;
    const bad = await admin
      .put(`/api/periods/${id}/milestones/round1`)
      .send({ startsAt: "2023-12-20T00:00:00+07:00", deadline: "2023-12-15T00:00:00+07:00", reason: "test" });
    expect(bad.status).toBe(400);
    const unknown = await admin
      .put(`/api/periods/${id}/milestones/lunch`)
      .send({ startsAt: null, deadline: "2023-12-15T00:00:00+07:00", reason: "test" });
    expect(unknown.status).toBe(400);
    const noReason = await admin
      .put(`/api/periods/${id}/milestones/round1`)
      .send({ startsAt: null, deadline: "2023-12-15T00:00:00+07:00" });
    expect(noReason.status).toBe(400);
  });
});

describe("dossiers of a period", () => {
  it.each(["2023", "training"])("shows %s: all 30 to the admin, only its own to an agency", async (which) => {
    const admin = await app.login("admin");
    const period = (await admin.get("/api/periods")).body.data.find(
      (p: { code: string; kind: string }) => p.code === which || p.kind === which,
    );
    const all = await admin.get(`/api/periods/${period.id}/dossiers`);
    expect(all.body.data).toHaveLength(30);
    const editor = await app.login("editor.snv");
    const own = await editor.get(`/api/periods/${period.id}/dossiers`);
    expect(own.body.data.map((d: { unit: { code: string } }) => d.unit.code)).toEqual(["snv"]);
    const head = await app.login("head.tuyhoa");
    expect(
      (await head.get(`/api/periods/${period.id}/dossiers`)).body.data.map(
        (d: { unit: { code: string } }) => d.unit.code,
      ),
    ).toEqual(["tp-tuyhoa"]);
  });

  it("hides Sở Nội vụ's dossier from the recused member.home", async () => {
    const member = await app.login("member.home");
    const id = (await member.get("/api/periods")).body.data[0].id;
    const list = (await member.get(`/api/periods/${id}/dossiers`)).body.data;
    expect(list).toHaveLength(29);
    expect(list.some((d: { unit: { code: string } }) => d.unit.code === "snv")).toBe(false);
  });

  it("gives 404 for an unknown or malformed period id", async () => {
    const admin = await app.login("admin");
    expect((await admin.get("/api/periods/00000000-0000-4000-8000-000000000000/dossiers")).status).toBe(404);
    expect((await admin.get("/api/periods/not-an-id")).status).toBe(404);
  });

  it("requires a session", async () => {
    const res = await app.anonymous().get("/api/periods");
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("Vui lòng đăng nhập.");
  });
});
