/**
 * The forms of the public contract (docs/api.md) that an integrator uses as documented: `POST
 * /api/meetings/:meetingId/lock {dossierId, codes?}`, a socket that joins `period:<id>` and receives
 * `ranking:update` (with the rows only when it may see every figure: S3), and the `presence` event of a meeting.
 */
import { and, eq, inArray } from "drizzle-orm";
import { dossiers, indexItems, periodIndexSets, periods, scores, units } from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";
import { malformedPayloads, sendMalformed } from "../../support/malformed";
import { liveClient, type LiveClient } from "../../support/sockets";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let chair: Agent;
const ids = { period: "", dossier: "", meeting: "" };
let leaves: { code: string }[] = [];
const sockets: LiveClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  const { db } = app.ctx.database;
  ids.period = (await db.select().from(periods)).find((p) => p.kind === "training")!.id;
  const [d] = await db
    .select({ id: dossiers.id, unitTypeId: units.unitTypeId })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(and(eq(dossiers.periodId, ids.period), inArray(units.code, ["tp-tuyhoa"])));
  ids.dossier = d.id;
  const [link] = await db
    .select()
    .from(periodIndexSets)
    .where(and(eq(periodIndexSets.periodId, ids.period), eq(periodIndexSets.unitTypeId, d.unitTypeId)));
  const items = await db.select().from(indexItems).where(eq(indexItems.indexSetId, link.indexSetId));
  const parents = new Set(items.map((i) => i.parentId));
  const scored = items.filter(
    (i) => !parents.has(i.id) && i.code !== "B" && i.code !== "P" && i.method !== "survey",
  );
  leaves = scored;
  // Round 2 closed with every leaf at half its maximum, on its step.
  await db.insert(scores).values(
    scored.map((l) => ({
      dossierId: d.id,
      itemId: l.id,
      stage: "round2" as const,
      score: Math.floor(l.maxPoints / 2 / l.step) * l.step,
    })),
  );
  await db.update(dossiers).set({ status: "round2_done" }).where(eq(dossiers.id, d.id));
  chair = await app.login("chair");
  const meeting = await chair
    .post(`/api/periods/${ids.period}/meetings`)
    .send({ title: "Phiên họp thống nhất", startsAt: new Date().toISOString(), agenda: [d.id] });
  expect(meeting.status).toBe(201);
  ids.meeting = meeting.body.data.id;
  expect((await chair.post(`/api/meetings/${ids.meeting}/start`)).status).toBe(200);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await app.close();
});

const connect = async (username: string) => {
  const socket = await liveClient(app, await app.login(username));
  sockets.push(socket);
  return socket;
};

describe("the documented forms", () => {
  it("a socket joined to period:<id> receives ranking:update; with rows only when it may see every figure", async () => {
    const [leader, home, agency] = [
      await connect("leader"),
      await connect("member.home"),
      await connect("head.snv"),
    ];
    for (const s of [leader, home, agency])
      expect(await s.join(`period:${ids.period}`)).toEqual({ ok: true });
    const res = await chair
      .post(`/api/meetings/${ids.meeting}/lock`)
      .send({ dossierId: ids.dossier, codes: [leaves[0].code] });
    expect(res.status).toBe(200);
    const pushed = await leader.waitFor("ranking:update", (p) => p.periodId === ids.period);
    expect(Array.isArray(pushed.payload.rows)).toBe(true);
    // member.home is recused on Sở Nội vụ, in this period: told to refetch, never sent the figures (S3).
    const told = await home.waitFor("ranking:update", (p) => p.periodId === ids.period);
    expect(told.payload.rows).toBeUndefined();
    // An agency may not read the ranking: it joins the period's room but hears no ranking at all.
    await new Promise((r) => setTimeout(r, 500));
    expect(agency.events.filter((e) => e.event === "ranking:update")).toEqual([]);
  });

  it("a member in meeting:<id> receives presence (the documented event name)", async () => {
    const member = await connect("member.finance");
    expect(await member.join(`meeting:${ids.meeting}`)).toEqual({ ok: true });
    member.socket.emit("meeting:look", {
      meetingId: ids.meeting,
      dossierId: ids.dossier,
      leafCode: null,
      following: true,
    });
    // On joining, the list as it stands (nobody has said what they look at yet); then the member in it.
    const greeted = await member.waitFor("presence", (p) => p.meetingId === ids.meeting);
    expect(greeted.payload.people).toEqual([]);
    const presence = await member.waitFor(
      "presence",
      (p) => p.meetingId === ids.meeting && (p.people as unknown[]).length > 0,
    );
    expect(presence.payload.people).toEqual([
      expect.objectContaining({ dossierId: ids.dossier, following: true, leafCode: null }),
    ]);
  });

  it("POST /api/meetings/:meetingId/lock {dossierId} locks the whole dossier: agreed", async () => {
    const res = await chair.post(`/api/meetings/${ids.meeting}/lock`).send({ dossierId: ids.dossier });
    expect({ status: res.status, body: res.status === 200 ? null : res.body }).toEqual({
      status: 200,
      body: null,
    });
    expect(
      res.body.data.leaves.every(
        (l: { locked: boolean; method: string }) => l.locked || l.method === "survey",
      ),
    ).toBe(true);
    const dossier = (await chair.get(`/api/dossiers/${ids.dossier}`)).body.data;
    expect(dossier.status).toBe("agreed");
  });

  it("POST /api/meetings/:meetingId/lock survives 1,000 malformed bodies with clear 4xx answers (S6), the dossier agreed by then", async () => {
    const valid = { dossierId: ids.dossier, codes: [leaves[1].code] };
    const { serverErrors, unclear, summary } = await sendMalformed(
      "POST /api/meetings/:meetingId/lock",
      malformedPayloads(valid, 1000, 13),
      (payload) =>
        chair.post(`/api/meetings/${ids.meeting}/lock`).set("Content-Type", "application/json").send(payload),
    );
    console.info(summary);
    expect(serverErrors).toEqual([]);
    expect(unclear).toEqual([]);
  });
});
