/**
 * The live meeting (docs/architecture.md): the server's projection of proposals (valid ones move the provisional totals and
 * the ranking; invalid ones are marked in the document with a reason; the `review` map is the server's), the
 * tracker (focus, presence), locks (agreed scores in one transaction, `agreed`), and the council's agreement.
 * Figures are checked against hand-computed deltas on the training period.
 */
import { and, eq, inArray } from "drizzle-orm";
import { collabRoom, readAdjustments, setAdjustment } from "@ca/shared";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { readStoredProjection } from "@ca/server/src/collab/meetingProjections";
import {
  auditLog,
  dossiers,
  indexItems,
  periodIndexSets,
  periods,
  scores,
  units,
  users,
} from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";
import { collabClient, eventually, type CollabClient } from "../../support/collab";
import { liveClient, type LiveClient } from "../../support/sockets";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let chair: Agent;
let member: Agent;
const ids = { period: "", tuyhoa: "", snv: "", member: "", chair: "", home: "" };
/** Each dossier's leaves with the round-2 score given to them (hundredths). */
const leavesOf = new Map<
  string,
  { id: string; code: string; max: number; step: number; method: string; kind: string }[]
>();
const clients: CollabClient[] = [];
const sockets: LiveClient[] = [];

/** Round 2 closed with every leaf scored: half its maximum rounded down to its step (survey leaves: none). */
const round2Score = (max: number, step: number) => Math.floor(max / 2 / step) * step;

beforeAll(async () => {
  app = await startTestApp();
  const { db } = app.ctx.database;
  ids.period = (await db.select().from(periods)).find((p) => p.kind === "training")!.id;
  const rows = await db
    .select({ id: dossiers.id, code: units.code, unitTypeId: units.unitTypeId })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(and(eq(dossiers.periodId, ids.period), inArray(units.code, ["tp-tuyhoa", "snv"])));
  for (const r of rows) {
    if (r.code === "snv") ids.snv = r.id;
    else ids.tuyhoa = r.id;
    const [link] = await db
      .select()
      .from(periodIndexSets)
      .where(and(eq(periodIndexSets.periodId, ids.period), eq(periodIndexSets.unitTypeId, r.unitTypeId)));
    const items = await db.select().from(indexItems).where(eq(indexItems.indexSetId, link.indexSetId));
    const parents = new Set(items.map((i) => i.parentId));
    const leaves = items
      .filter((i) => !parents.has(i.id) && i.code !== "B" && i.code !== "P")
      .map((i) => ({
        id: i.id,
        code: i.code,
        max: i.maxPoints,
        step: i.step,
        method: i.method,
        // Leaves of another scoring kind take a level or figures; the proposals below are plain points.
        kind: i.scoringKind,
      }));
    leavesOf.set(r.id, leaves);
    const scored = leaves.filter((l) => l.method !== "survey");
    await db.insert(scores).values(
      scored.map((l) => ({
        dossierId: r.id,
        itemId: l.id,
        stage: "round2" as const,
        score: round2Score(l.max, l.step),
        note: "",
        confirmed: true,
        updatedAt: new Date(),
      })),
    );
  }
  await db
    .update(dossiers)
    .set({ status: "round2_done" })
    .where(inArray(dossiers.id, [ids.snv, ids.tuyhoa]));
  const named = async (u: string) => (await db.select().from(users).where(eq(users.username, u)))[0].id;
  ids.member = await named("member.finance");
  ids.chair = await named("chair");
  ids.home = await named("member.home");
  chair = await app.login("chair");
  member = await app.login("member.finance");
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  sockets.forEach((s) => s.close());
  await app.close();
});

async function runningMeeting(agenda: string[]) {
  // One meeting runs at a time in a period: end whatever an earlier block left running.
  const running = (await chair.get(`/api/periods/${ids.period}/meetings`)).body.data.filter(
    (m: { status: string }) => m.status === "running",
  );
  for (const m of running) expect((await chair.post(`/api/meetings/${m.id}/end`)).status).toBe(200);
  const created = await chair
    .post(`/api/periods/${ids.period}/meetings`)
    .send({ title: "Phiên họp thử nghiệm", startsAt: "2026-12-01T08:00:00+07:00", agenda });
  expect(created.status).toBe(201);
  const id = created.body.data.id as string;
  expect((await chair.post(`/api/meetings/${id}/start`)).status).toBe(200);
  return id;
}

function open(agent: Agent, meetingId: string, dossierId: string) {
  const c = collabClient(app, agent, collabRoom(meetingId, dossierId));
  clients.push(c);
  return c;
}

const projection = async (agent: Agent, meetingId: string, dossierId: string) => {
  const res = await agent.get(`/api/meetings/${meetingId}/dossiers/${dossierId}/projection`);
  expect(res.status).toBe(200);
  return res.body.data;
};
const rankingRow = async (dossierId: string) => {
  const res = await chair.get(`/api/periods/${ids.period}/ranking`);
  return res.body.data.find((r: { dossierId: string }) => r.dossierId === dossierId);
};
const round = (n: number) => Math.round(n * 100) / 100;

describe("the projection", () => {
  let meetingId = "";
  let doc: CollabClient;
  let leaf: { code: string; max: number; step: number };
  let before: { official: { total: number }; provisional: { total: number } };

  beforeAll(async () => {
    meetingId = await runningMeeting([ids.tuyhoa]);
    doc = open(member, meetingId, ids.tuyhoa);
    await doc.synced;
    // A council leaf with room above its round-2 score.
    leaf = leavesOf
      .get(ids.tuyhoa)!
      .find((l) => l.method !== "survey" && l.kind === "points" && l.max >= 2 * l.step && l.max > 100)!;
    before = await projection(chair, meetingId, ids.tuyhoa);
  });

  it("counts a valid proposal in the provisional totals and the live ranking, by exactly its difference", async () => {
    const rankBefore = await rankingRow(ids.tuyhoa);
    // Nothing under discussion yet: the row's figures are the official ones.
    expect(rankBefore.proposed).toBe(false);
    const period = await liveClient(app, chair);
    sockets.push(period);
    expect((await period.join(`period:${ids.period}:council`)).ok).toBe(true);
    const official = round2Score(leaf.max, leaf.step);
    setAdjustment(doc.md, leaf.code, { score: leaf.max, by: ids.member, at: new Date().toISOString() });
    const delta = (leaf.max - official) / 100;
    await eventually(async () => {
      const p = await projection(chair, meetingId, ids.tuyhoa);
      expect(p.provisional.total).toBe(round(before.provisional.total + delta));
    });
    const p = await projection(chair, meetingId, ids.tuyhoa);
    expect(p.official.total).toBe(before.official.total);
    const row = p.leaves.find((l: { code: string }) => l.code === leaf.code);
    expect(row).toMatchObject({
      official: official / 100,
      adjustment: { score: leaf.max / 100, by: ids.member, byName: expect.any(String) },
      valid: true,
      reason: null,
      locked: false,
    });
    await period.waitFor("ranking:update", (e) => e.periodId === ids.period);
    const rankAfter = await rankingRow(ids.tuyhoa);
    expect(rankAfter.total).toBe(round(rankBefore.total + delta));
    // …and says that it counts a proposal the council has not agreed yet.
    expect(rankAfter.proposed).toBe(true);
  });

  it("pushes the ranking with ranking:update to sockets recused on nothing; the recused only hear of it", async () => {
    const leader = await liveClient(app, await app.login("leader"));
    const home = await liveClient(app, await app.login("member.home"));
    sockets.push(leader, home);
    for (const s of [leader, home]) expect((await s.join(`period:${ids.period}:council`)).ok).toBe(true);
    // The ranking room is the server's to give: nobody joins it by asking.
    expect((await leader.join(`period:${ids.period}:ranking`)).ok).toBe(false);
    setAdjustment(doc.md, leaf.code, {
      score: leaf.max - leaf.step,
      by: ids.member,
      at: new Date().toISOString(),
    });
    const full = await leader.waitFor("ranking:update", (p) => Array.isArray(p.rows));
    const rows = full.payload.rows as { dossierId: string; total: number }[];
    expect(rows.find((r) => r.dossierId === ids.tuyhoa)!.total).toBe((await rankingRow(ids.tuyhoa)).total);
    const thin = await home.waitFor("ranking:update");
    expect(thin.payload.rows).toBeUndefined();
    // Back to the maximum, as the next tests expect.
    setAdjustment(doc.md, leaf.code, { score: leaf.max, by: ids.member, at: new Date().toISOString() });
    await eventually(async () =>
      expect(
        (await projection(chair, meetingId, ids.tuyhoa)).leaves.find(
          (l: { code: string }) => l.code === leaf.code,
        ).adjustment.score,
      ).toBe(leaf.max / 100),
    );
  });

  it("marks an off-step, an out-of-range and a forged proposal invalid in the document and ignores them", async () => {
    const others = leavesOf
      .get(ids.tuyhoa)!
      .filter((l) => l.method !== "survey" && l.kind === "points" && l.code !== leaf.code && l.step > 1);
    const [offStep, outOfRange, forged] = others;
    const now = new Date().toISOString();
    setAdjustment(doc.md, offStep.code, { score: offStep.step - 1, by: ids.member, at: now });
    setAdjustment(doc.md, outOfRange.code, {
      score: outOfRange.max + outOfRange.step,
      by: ids.member,
      at: now,
    });
    // Signed with the chair's id, but sent by member.finance's connection.
    setAdjustment(doc.md, forged.code, { score: forged.step, by: ids.chair, at: now });
    await eventually(() => {
      expect(doc.md.review.get(offStep.code)).toMatchObject({
        state: "invalid",
        problem: "off_step",
        vars: { max: offStep.max, step: offStep.step },
      });
      expect(doc.md.review.get(outOfRange.code)).toMatchObject({
        state: "invalid",
        problem: "out_of_range",
      });
      expect(doc.md.review.get(forged.code)).toMatchObject({ state: "invalid", problem: "author_mismatch" });
    });
    const p = await projection(chair, meetingId, ids.tuyhoa);
    for (const l of [offStep, outOfRange, forged])
      expect(p.leaves.find((x: { code: string }) => x.code === l.code)).toMatchObject({ valid: false });
    // The judge's reason reaches each reader in their language (the shared vocabulary).
    const reasonOf = (body: { leaves: { code: string; reason: string | null }[] }, code: string) =>
      body.leaves.find((x) => x.code === code)!.reason;
    expect(reasonOf(p, forged.code)).toBe("Người đề xuất ghi trong đề xuất không phải người đã gửi.");
    const inEnglish = await chair
      .get(`/api/meetings/${meetingId}/dossiers/${ids.tuyhoa}/projection`)
      .set("Accept-Language", "en");
    expect(reasonOf(inEnglish.body.data, forged.code)).toBe(
      "The proposal names someone other than its sender.",
    );
    expect(reasonOf(inEnglish.body.data, outOfRange.code)).toMatch(/^The score must be between 0 and /);
    // Only the valid proposal of the first test counts.
    expect(p.provisional.total).toBe(
      round(before.provisional.total + (leaf.max - round2Score(leaf.max, leaf.step)) / 100),
    );

    // Correcting a proposal clears its mark.
    setAdjustment(doc.md, offStep.code, { score: offStep.step, by: ids.member, at: now });
    await eventually(() => expect(doc.md.review.get(offStep.code)).toBeUndefined());

    // Read back from storage, where no connection says who sent it, the forged proposal still does not count.
    await app.collab.flush([collabRoom(meetingId, ids.tuyhoa)]);
    const stored = await readStoredProjection(app.ctx.database.db, meetingId, ids.tuyhoa);
    expect(stored.proposals.has(forged.code)).toBe(false);
    expect(stored.proposals.has(offStep.code)).toBe(true);
    expect(stored.read().get(forged.code)!.review).toMatchObject({
      state: "invalid",
      problem: "author_mismatch",
    });
  });

  it("reverts a client's write to the server's review map", async () => {
    const code = leavesOf.get(ids.tuyhoa)![0].code;
    doc.md.review.set(code, { state: "locked", score: 0, at: new Date().toISOString() });
    await eventually(() => expect(doc.md.review.get(code)).toBeUndefined());
    // Another client sees no trace of it either.
    const other = open(await app.login("wg"), meetingId, ids.tuyhoa);
    await other.synced;
    expect(other.md.review.get(code)).toBeUndefined();
  });

  it("keeps a leadership viewer's proposals out (read-only connection)", async () => {
    const viewer = open(await app.login("leader"), meetingId, ids.tuyhoa);
    await viewer.synced;
    const code = leavesOf
      .get(ids.tuyhoa)!
      .find((l) => l.method !== "survey" && l.kind === "points" && l.code !== leaf.code)!.code;
    setAdjustment(viewer.md, code, { score: 0, by: ids.member, at: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 300));
    expect(doc.md.adjustments.get(code)?.score).not.toBe(0);
  });
});

describe("concurrent proposals on one leaf", () => {
  // Two members propose on the same leaf without seeing each other's proposal (one offline, or both at once). Yjs
  // orders such concurrent pairs by its client ids, not by time, so the one kept was arbitrary: an offline
  // member's older proposal could replace a newer one made meanwhile, with nobody told.
  let meetingId = "";
  let leaf: { code: string; max: number; step: number };

  beforeAll(async () => {
    meetingId = await runningMeeting([ids.tuyhoa]);
    leaf = leavesOf
      .get(ids.tuyhoa)!
      .find((l) => l.method !== "survey" && l.kind === "points" && l.max >= 4 * l.step)!;
  });

  const scoreIn = (c: CollabClient) => readAdjustments(c.md).get(leaf.code)?.score;
  const scoreOnServer = async () =>
    (await projection(chair, meetingId, ids.tuyhoa)).leaves.find(
      (l: { code: string }) => l.code === leaf.code,
    ).adjustment?.score;

  it("keeps the later of two concurrent proposals, however Yjs orders them", async () => {
    const c = open(chair, meetingId, ids.tuyhoa);
    const m = open(member, meetingId, ids.tuyhoa);
    await Promise.all([c.synced, m.synced]);
    // The one that goes offline is the one Yjs would put last (the higher client id): its stale pair would win.
    const [offline, online] = c.doc.clientID > m.doc.clientID ? [c, m] : [m, c];
    const by = (x: CollabClient) => (x === c ? ids.chair : ids.member);
    offline.provider.disconnect();
    const early = new Date(Date.now() - 30_000).toISOString();
    setAdjustment(offline.md, leaf.code, { score: leaf.step, by: by(offline), at: early });
    setAdjustment(online.md, leaf.code, {
      score: 3 * leaf.step,
      by: by(online),
      at: new Date().toISOString(),
    });
    await eventually(async () => expect(await scoreOnServer()).toBe((3 * leaf.step) / 100));
    offline.provider.connect();
    await eventually(async () => {
      expect(scoreIn(offline)).toBe(3 * leaf.step);
      expect(scoreIn(online)).toBe(3 * leaf.step);
      expect(await scoreOnServer()).toBe((3 * leaf.step) / 100);
    }, 5000);
  });

  it("lets a member replace the proposal they saw, whatever their clock says", async () => {
    const c = open(chair, meetingId, ids.tuyhoa);
    const m = open(member, meetingId, ids.tuyhoa);
    await Promise.all([c.synced, m.synced]);
    setAdjustment(c.md, leaf.code, { score: 2 * leaf.step, by: ids.chair, at: new Date().toISOString() });
    await eventually(() => expect(scoreIn(m)).toBe(2 * leaf.step));
    // The member's clock is two minutes behind, but they saw the chair's proposal: theirs replaces it.
    const behind = new Date(Date.now() - 120_000).toISOString();
    setAdjustment(m.md, leaf.code, { score: 4 * leaf.step, by: ids.member, at: behind });
    await eventually(async () => {
      expect(scoreIn(c)).toBe(4 * leaf.step);
      expect(await scoreOnServer()).toBe((4 * leaf.step) / 100);
    });
  });
});

describe("the tracker", () => {
  let meetingId = "";
  beforeAll(async () => {
    meetingId = await runningMeeting([ids.snv, ids.tuyhoa]);
  });

  it("broadcasts the chair's focus to the meeting room; only the chair or admin moves it", async () => {
    const watcher = await liveClient(app, member);
    sockets.push(watcher);
    expect((await watcher.join(`meeting:${meetingId}`)).ok).toBe(true);
    const code = leavesOf.get(ids.tuyhoa)![1].code;
    const moved = await chair
      .post(`/api/meetings/${meetingId}/focus`)
      .send({ dossierId: ids.tuyhoa, leafCode: code });
    expect(moved.status).toBe(200);
    expect(moved.body.data.focus).toMatchObject({ dossierId: ids.tuyhoa, leafCode: code, by: ids.chair });
    const e = await watcher.waitFor("meeting:focus", (p) => p.leafCode === code);
    expect(e.payload).toMatchObject({ meetingId, dossierId: ids.tuyhoa });
    // Late joiners read it from the meeting.
    expect((await member.get(`/api/meetings/${meetingId}`)).body.data.focus.leafCode).toBe(code);

    expect(
      (await member.post(`/api/meetings/${meetingId}/focus`).send({ dossierId: ids.tuyhoa, leafCode: null }))
        .status,
    ).toBe(403);
    const badLeaf = await chair
      .post(`/api/meetings/${meetingId}/focus`)
      .send({ dossierId: ids.tuyhoa, leafCode: "Z.9.9" });
    expect(badLeaf.status).toBe(400);
    expect(badLeaf.body.error.message).toContain("Z.9.9");
    const offAgenda = await chair
      .post(`/api/meetings/${meetingId}/focus`)
      .send({ dossierId: ids.chair, leafCode: null });
    expect(offAgenda.status).toBe(404);
  });

  it("shows who is connected and what they look at, stamped with the session's user", async () => {
    const c = await liveClient(app, chair);
    const m = await liveClient(app, member);
    const agency = await liveClient(app, await app.login("head.snv"));
    sockets.push(c, m, agency);
    expect((await c.join(`meeting:${meetingId}`)).ok).toBe(true);
    expect((await m.join(`meeting:${meetingId}`)).ok).toBe(true);
    // Agencies have no part in meetings: the room is refused, and their "look" is ignored.
    expect((await agency.join(`meeting:${meetingId}`)).ok).toBe(false);
    agency.socket.emit("meeting:look", { meetingId, dossierId: ids.snv, leafCode: null, following: true });
    m.socket.emit("meeting:look", {
      meetingId,
      dossierId: ids.tuyhoa,
      leafCode: "A.1",
      following: false,
      userId: ids.chair,
    });
    const e = await c.waitFor("presence", (p) => (p.people as unknown[]).length > 0);
    const people = e.payload.people as { userId: string; dossierId: string; following: boolean }[];
    expect(people).toEqual([
      expect.objectContaining({ userId: ids.member, dossierId: ids.tuyhoa, following: false }),
    ]);
  });

  it("lists the recused per dossier; a recused member's document connection is refused", async () => {
    const m = (await chair.get(`/api/meetings/${meetingId}`)).body.data;
    expect(m.agenda[0].recusedUserIds).toContain(ids.home);
    const recused = open(await app.login("member.home"), meetingId, ids.snv);
    expect(await recused.closed).toBe(4409);
    expect(
      (
        await (
          await app.login("member.home")
        ).get(`/api/meetings/${meetingId}/dossiers/${ids.snv}/projection`)
      ).status,
    ).toBe(403);
  });

  it("a conflict declared mid-meeting closes the member's connection and voids their proposals there", async () => {
    // Another member stays on the document, so it stays in memory: the live projection must re-judge.
    const staying = open(member, meetingId, ids.tuyhoa);
    await staying.synced;
    const wg = await app.login("wg");
    const conn = open(wg, meetingId, ids.tuyhoa);
    await conn.synced;
    const wgId = (await app.ctx.database.db.select().from(users).where(eq(users.username, "wg")))[0].id;
    const target = leavesOf
      .get(ids.tuyhoa)!
      .filter((l) => l.method !== "survey" && l.kind === "points")
      .at(-1)!;
    setAdjustment(conn.md, target.code, { score: target.step, by: wgId, at: new Date().toISOString() });
    const leafOf = async () =>
      (await projection(chair, meetingId, ids.tuyhoa)).leaves.find(
        (x: { code: string }) => x.code === target.code,
      );
    await eventually(async () => expect(await leafOf()).toMatchObject({ valid: true }));
    const tuyhoaUnit = (
      await app.ctx.database.db.select().from(dossiers).where(eq(dossiers.id, ids.tuyhoa))
    )[0].unitId;
    const declared = await (
      await app.login("admin")
    )
      .post(`/api/periods/${ids.period}/conflicts`)
      .send({ userId: wgId, unitId: tuyhoaUnit, reason: "Người thân công tác tại đơn vị" });
    expect(declared.status).toBe(201);
    expect(await conn.closed).toBe(4409);
    // Proposed before the recusal, it stops counting at once, with the reason shown to the meeting.
    expect(await leafOf()).toMatchObject({
      valid: false,
      reason: expect.stringContaining("không có quyền"),
    });
  });
});

describe("locking and agreeing", () => {
  let meetingId = "";
  let doc: CollabClient;

  beforeAll(async () => {
    meetingId = await runningMeeting([ids.snv]);
    doc = open(member, meetingId, ids.snv);
    await doc.synced;
  });

  it("locks one leaf: the valid proposal becomes the agreed score; later proposals on it are refused", async () => {
    const leaf = leavesOf
      .get(ids.snv)!
      .find((l) => l.method !== "survey" && l.kind === "points" && l.max > l.step)!;
    setAdjustment(doc.md, leaf.code, { score: leaf.step, by: ids.member, at: new Date().toISOString() });
    await eventually(async () => {
      const p = await projection(chair, meetingId, ids.snv);
      expect(p.leaves.find((l: { code: string }) => l.code === leaf.code).valid).toBe(true);
    });
    await eventually(async () => expect((await rankingRow(ids.snv)).proposed).toBe(true));
    expect(
      (await member.post(`/api/meetings/${meetingId}/dossiers/${ids.snv}/lock`).send({ codes: [leaf.code] }))
        .status,
    ).toBe(403);
    const locked = await chair
      .post(`/api/meetings/${meetingId}/dossiers/${ids.snv}/lock`)
      .send({ codes: [leaf.code] });
    expect(locked.status).toBe(200);
    expect(locked.body.data.leaves.find((l: { code: string }) => l.code === leaf.code)).toMatchObject({
      locked: true,
      agreed: leaf.step / 100,
    });
    const [agreed] = await app.ctx.database.db
      .select()
      .from(scores)
      .where(and(eq(scores.dossierId, ids.snv), eq(scores.itemId, leaf.id), eq(scores.stage, "agreed")));
    expect(agreed.score).toBe(leaf.step);
    await eventually(() =>
      expect(doc.md.review.get(leaf.code)).toMatchObject({ state: "locked", score: leaf.step }),
    );
    // Locked, the proposal is the record: nothing of Sở Nội vụ is under discussion any more.
    await eventually(async () => expect((await rankingRow(ids.snv)).proposed).toBe(false));
    setAdjustment(doc.md, leaf.code, { score: 0, by: ids.member, at: new Date().toISOString() });
    await eventually(() => expect(doc.md.review.get(leaf.code)).toMatchObject({ state: "locked" }));
    const p = await projection(chair, meetingId, ids.snv);
    expect(p.leaves.find((l: { code: string }) => l.code === leaf.code)).toMatchObject({
      agreed: leaf.step / 100,
    });
    const again = await chair
      .post(`/api/meetings/${meetingId}/dossiers/${ids.snv}/lock`)
      .send({ codes: [leaf.code] });
    expect(again.status).toBe(409);
  });

  it("locks the rest: the dossier is agreed, audited, and its totals are the agreed ones", async () => {
    const before = await projection(chair, meetingId, ids.snv);
    const res = await chair.post(`/api/meetings/${meetingId}/dossiers/${ids.snv}/lock`).send({});
    expect(res.status).toBe(200);
    expect(
      res.body.data.leaves
        .filter((l: { locked: boolean }) => !l.locked)
        .every(
          (l: { code: string }) => leavesOf.get(ids.snv)!.find((x) => x.code === l.code)!.method === "survey",
        ),
    ).toBe(true);
    expect(res.body.data.official.total).toBe(before.provisional.total);
    const [row] = await app.ctx.database.db.select().from(dossiers).where(eq(dossiers.id, ids.snv));
    expect(row.status).toBe("agreed");
    const audits = await app.ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, ids.snv));
    expect(audits.filter((a) => a.action === "score.agreed").length).toBe(
      leavesOf.get(ids.snv)!.filter((l) => l.method !== "survey").length,
    );
    expect(
      audits.some(
        (a) => a.action === "dossier.transition" && (a.newValue as { status: string }).status === "agreed",
      ),
    ).toBe(true);
    expect((await verifyAuditChain(app.ctx.database.db, app.ctx.audit)).ok).toBe(true);
  });

  it("keeps read-only snapshots at the start and at each lock, with proposals, notes and minutes", async () => {
    const list = await chair.get(`/api/meetings/${meetingId}/dossiers/${ids.snv}/snapshots`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((x: { label: string }) => x.label)).toEqual(["start", "lock", "lock"]);
    const last = list.body.data[2];
    const one = await (
      await app.login("leader")
    ).get(`/api/meetings/${meetingId}/dossiers/${ids.snv}/snapshots/${last.id}`);
    expect(one.status).toBe(200);
    expect(one.body.data.adjustments.length).toBeGreaterThan(0);
    expect(one.body.data.adjustments[0]).toMatchObject({ by: ids.member, byName: expect.any(String) });
    expect(typeof one.body.data.minutes).toBe("string");
    // member.home sits for Sở Nội vụ: recused, no snapshot either; another document's id is not found here.
    expect(
      (await (await app.login("member.home")).get(`/api/meetings/${meetingId}/dossiers/${ids.snv}/snapshots`))
        .status,
    ).toBe(403);
    expect(
      (await chair.get(`/api/meetings/${meetingId}/dossiers/${ids.snv}/snapshots/${ids.snv}`)).status,
    ).toBe(404);
  });

  it("records the council's agreement only once every dossier of the unit type is agreed", async () => {
    const body = {
      unitType: "provincial_agency",
      minutes: "Hội đồng thống nhất kết quả xếp hạng khối sở, ban, ngành.",
    };
    const types = (await app.ctx.database.db.select().from(units).where(eq(units.code, "snv")))[0];
    expect(types).toBeDefined();
    expect((await member.post(`/api/periods/${ids.period}/agreements`).send(body)).status).toBe(403);
    const early = await chair.post(`/api/periods/${ids.period}/agreements`).send(body);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain("Chưa thống nhất");
    // Every other agency dossier of the period agreed directly (they are not what this test is about).
    const { db } = app.ctx.database;
    const agencyDossiers = await db
      .select({ id: dossiers.id })
      .from(dossiers)
      .innerJoin(units, eq(units.id, dossiers.unitId))
      .where(eq(dossiers.periodId, ids.period));
    const snvType = (await db.select().from(units).where(eq(units.code, "snv")))[0].unitTypeId;
    const sameType = (
      await db
        .select({ id: dossiers.id, unitTypeId: units.unitTypeId })
        .from(dossiers)
        .innerJoin(units, eq(units.id, dossiers.unitId))
        .where(eq(dossiers.periodId, ids.period))
    ).filter((d) => d.unitTypeId === snvType);
    expect(agencyDossiers.length).toBeGreaterThan(sameType.length);
    await db
      .update(dossiers)
      .set({ status: "agreed" })
      .where(
        inArray(
          dossiers.id,
          sameType.map((d) => d.id),
        ),
      );
    const ok = await chair.post(`/api/periods/${ids.period}/agreements`).send(body);
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({
      unitType: "provincial_agency",
      minutes: body.minutes,
      agreedBy: { id: ids.chair },
    });
    const ranking = (await chair.get(`/api/periods/${ids.period}/ranking?unitType=provincial_agency`)).body
      .data;
    expect(
      ok.body.data.ranking.map((r: { dossierId: string; rank: number; total: number }) => [
        r.dossierId,
        r.rank,
        r.total,
      ]),
    ).toEqual(
      ranking.map((r: { dossierId: string; rank: number; total: number }) => [r.dossierId, r.rank, r.total]),
    );
    expect((await chair.post(`/api/periods/${ids.period}/agreements`).send(body)).status).toBe(409);
    const list = await (await app.login("leader")).get(`/api/periods/${ids.period}/agreements`);
    expect(list.body.data).toHaveLength(1);
    expect((await (await app.login("head.snv")).get(`/api/periods/${ids.period}/agreements`)).status).toBe(
      403,
    );
  });
});
