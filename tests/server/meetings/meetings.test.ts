/** Council meetings over REST (docs/architecture.md, §7): plan, read with the tracker's recusals, start, end, snapshots, audit. */
import { and, asc, eq, inArray } from "drizzle-orm";
import { collabRoom } from "@ca/shared";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { auditLog, collabSnapshots, dossiers, periods, units, users } from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let chair: Agent;
const ids = { period: "", training: "", tuyhoa: "", snv: "", stc: "", trainingDossier: "", home: "" };
const plan = (agenda: string[], title = "Phiên họp thống nhất kết quả năm 2023") => ({
  title,
  startsAt: "2023-12-22T08:00:00+07:00",
  agenda,
});

beforeAll(async () => {
  app = await startTestApp();
  const { db } = app.ctx.database;
  const ps = await db.select().from(periods);
  ids.period = ps.find((p) => p.code === "2023")!.id;
  ids.training = ps.find((p) => p.kind === "training")!.id;
  const rows = await db
    .select({ id: dossiers.id, periodId: dossiers.periodId, code: units.code })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(inArray(units.code, ["tp-tuyhoa", "snv", "stc"]));
  const of = (code: string, periodId = ids.period) =>
    rows.find((r) => r.code === code && r.periodId === periodId)!.id;
  Object.assign(ids, {
    tuyhoa: of("tp-tuyhoa"),
    snv: of("snv"),
    stc: of("stc"),
    trainingDossier: of("snv", ids.training),
  });
  ids.home = (await db.select().from(users).where(eq(users.username, "member.home")))[0].id;
  await db
    .update(dossiers)
    .set({ status: "round2_done" })
    .where(inArray(dossiers.id, [ids.tuyhoa, ids.snv]));
  chair = await app.login("chair");
});
afterAll(() => app.close());

describe("planning a meeting", () => {
  it("is the chair's or the admin's, over the period's dossiers that reached round 2", async () => {
    for (const who of ["member.finance", "wg", "leader", "head.snv"])
      expect(
        (await (await app.login(who)).post(`/api/periods/${ids.period}/meetings`).send(plan([ids.tuyhoa])))
          .status,
      ).toBe(403);
    expect(
      (
        await app
          .anonymous()
          .post(`/api/periods/${ids.period}/meetings`)
          .send(plan([ids.tuyhoa]))
      ).status,
    ).toBe(401);

    const bad = [
      {},
      { ...plan([ids.tuyhoa]), extra: 1 },
      plan([]),
      plan([ids.tuyhoa, ids.tuyhoa]),
      plan(["not-an-id"]),
      { ...plan([ids.tuyhoa]), startsAt: "22/12/2023" },
      plan([ids.tuyhoa], ""),
    ];
    for (const body of bad)
      expect((await chair.post(`/api/periods/${ids.period}/meetings`).send(body)).status).toBe(400);
    const other = await chair
      .post(`/api/periods/${ids.period}/meetings`)
      .send(plan([ids.tuyhoa, ids.trainingDossier]));
    expect(other.status).toBe(400);
    expect(other.body.error.details).toEqual([{ path: "agenda.1", message: "not a dossier of this period" }]);
    const draft = await chair.post(`/api/periods/${ids.period}/meetings`).send(plan([ids.stc]));
    expect(draft.status).toBe(409);
    expect(draft.body.error.message).toContain("Sở Tài chính");

    const created = await chair.post(`/api/periods/${ids.period}/meetings`).send(plan([ids.snv, ids.tuyhoa]));
    expect(created.status).toBe(201);
    const m = created.body.data;
    expect(m).toMatchObject({ periodId: ids.period, status: "planned", agendaSize: 2, startedAt: null });
    expect(m.agenda.map((a: { dossierId: string }) => a.dossierId)).toEqual([ids.snv, ids.tuyhoa]);
    expect(m.agenda[0]).toMatchObject({
      position: 0,
      room: collabRoom(m.id, ids.snv),
      status: "round2_done",
    });
    expect(created.body.abilities).toMatchObject({ read: true, start: true, end: false });
    const admin = await app.login("admin");
    expect((await admin.post(`/api/periods/${ids.period}/meetings`).send(plan([ids.tuyhoa]))).status).toBe(
      201,
    );
    const list = await (await app.login("leader")).get(`/api/periods/${ids.period}/meetings`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((x: { id: string }) => x.id)).toContain(m.id);
  });
});

describe("reading a meeting", () => {
  it("lists who is recused per dossier and what each caller may do with each document", async () => {
    const { body } = await chair
      .post(`/api/periods/${ids.period}/meetings`)
      .send(plan([ids.snv, ids.tuyhoa]));
    const url = `/api/meetings/${body.data.id}`;
    const read = async (who: string) => (await (await app.login(who)).get(url)).body;
    const asHome = await read("member.home");
    const [snvItem, tuyhoaItem] = asHome.data.agenda;
    // The tracker: member.home heads Sở Nội vụ (recused by the policy and by the declared conflict).
    expect(snvItem.recusedUserIds).toEqual([ids.home]);
    expect(tuyhoaItem.recusedUserIds).toEqual([]);
    expect(snvItem.abilities).toEqual({ viewDocument: false, editDocument: false, lock: false });
    // Planned: documents are readable, not yet editable.
    expect(tuyhoaItem.abilities).toEqual({ viewDocument: true, editDocument: false, lock: false });
    expect((await read("leader")).data.agenda[1].abilities).toEqual({
      viewDocument: true,
      editDocument: false,
      lock: false,
    });
    expect((await (await app.login("head.tuyhoa")).get(url)).status).toBe(403);
    expect((await app.anonymous().get(url)).status).toBe(401);
    expect((await chair.get(`/api/meetings/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await chair.get("/api/meetings/nope")).status).toBe(404);
  });
});

describe("running a meeting", () => {
  it("starts (snapshot 'start'), refuses a second running meeting, ends (snapshot 'end'), all audited", async () => {
    const first = (await chair.post(`/api/periods/${ids.period}/meetings`).send(plan([ids.tuyhoa, ids.snv])))
      .body.data;
    const second = (await chair.post(`/api/periods/${ids.period}/meetings`).send(plan([ids.tuyhoa]))).body
      .data;
    expect((await (await app.login("member.finance")).post(`/api/meetings/${first.id}/start`)).status).toBe(
      403,
    );
    expect((await chair.post(`/api/meetings/${first.id}/end`)).status).toBe(403);

    const started = await chair.post(`/api/meetings/${first.id}/start`);
    expect(started.status).toBe(200);
    expect(started.body.data).toMatchObject({ status: "running" });
    expect(started.body.data.startedAt).not.toBeNull();
    expect(started.body.abilities).toMatchObject({ start: false, end: true });
    const wgView = (await (await app.login("wg")).get(`/api/meetings/${first.id}`)).body.data.agenda;
    expect(wgView.map((a: { abilities: object }) => a.abilities)).toEqual([
      { viewDocument: true, editDocument: true, lock: false },
      { viewDocument: true, editDocument: true, lock: false },
    ]);
    const chairView = (await chair.get(`/api/meetings/${first.id}`)).body.data.agenda;
    expect(chairView[0].abilities).toEqual({ viewDocument: true, editDocument: true, lock: true });

    expect((await chair.post(`/api/meetings/${first.id}/start`)).status).toBe(403);
    const clash = await chair.post(`/api/meetings/${second.id}/start`);
    expect(clash.status).toBe(409);
    expect(clash.body.error.details).toEqual({ running: first.id });

    const ended = await chair.post(`/api/meetings/${first.id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.data).toMatchObject({ status: "ended" });
    expect((await chair.post(`/api/meetings/${first.id}/end`)).status).toBe(403);
    const afterEnd = (await (await app.login("wg")).get(`/api/meetings/${first.id}`)).body.data.agenda[0]
      .abilities;
    expect(afterEnd).toEqual({ viewDocument: true, editDocument: false, lock: false });

    const { db } = app.ctx.database;
    const snaps = await db
      .select({ docName: collabSnapshots.docName, label: collabSnapshots.label })
      .from(collabSnapshots)
      .where(
        inArray(collabSnapshots.docName, [collabRoom(first.id, ids.tuyhoa), collabRoom(first.id, ids.snv)]),
      );
    expect(
      snaps.map((s) => `${s.docName === collabRoom(first.id, ids.snv) ? "snv" : "tuyhoa"}:${s.label}`).sort(),
    ).toEqual(["snv:end", "snv:start", "tuyhoa:end", "tuyhoa:start"]);
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "meeting"), eq(auditLog.entityId, first.id)))
      // In insertion order: the sealer rewrites rows, so their physical order is no order.
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["meeting.create", "meeting.start", "meeting.end"]);
    expect((await verifyAuditChain(db, app.ctx.audit)).ok).toBe(true);

    // With the first ended, the second may start; it needs every dossier's round 2 closed.
    await db.update(dossiers).set({ status: "explained" }).where(eq(dossiers.id, ids.tuyhoa));
    const early = await chair.post(`/api/meetings/${second.id}/start`);
    expect(early.status).toBe(409);
    expect(early.body.error.details.notReady).toEqual([{ dossierId: ids.tuyhoa, status: "explained" }]);
    await db.update(dossiers).set({ status: "round2_done" }).where(eq(dossiers.id, ids.tuyhoa));
    expect((await chair.post(`/api/meetings/${second.id}/start`)).status).toBe(200);
    expect((await (await app.login("admin")).post(`/api/meetings/${second.id}/end`)).status).toBe(200);
  });
});
