/**
 * Issue 13, point 1 (docs/targets.md S2, S3, S10): the council's internal work — internal notes, who wrote what — never
 * reaches an agency, and a recused member never gets the council's work on the conflicted dossier, by any path:
 * the dossier, notifications, live events, the ranking. Each case below failed before the visibility rule
 * (docs/visibility.md); the generated matrix (visibilityMatrix.test.ts) then checks every field everywhere.
 */
import { startTestApp, type TestApp } from "../../support/testApp";
import { liveClient, sleep, type LiveClient } from "../../support/sockets";
import { selfAssessAll, signedReport, trainingDossier } from "../../support/workflow";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

const INTERNAL = "Giải ngân đạt 85%, đối chiếu lại với Kho bạc (ghi chú nội bộ)";
const REQUEST = "Đề nghị bổ sung số liệu chỉ tiêu";

let app: TestApp;
let periodId: string;
let snv: string;
let editor: Agent;
let head: Agent;
let chair: Agent;
let finance: Agent;
let home: Agent;
const live: Record<"editor" | "home", LiveClient> = {} as never;
let councilNames: string[];

beforeAll(async () => {
  app = await startTestApp();
  const t = await trainingDossier(app, "snv");
  periodId = t.period.id;
  snv = t.dossierId;
  editor = await app.login("editor.snv");
  head = await app.login("head.snv");
  chair = await app.login("chair");
  finance = await app.login("member.finance");
  home = await app.login("member.home");
  councilNames = [];
  for (const a of [chair, finance, await app.login("wg")])
    councilNames.push((await a.get("/api/me")).body.data.fullName);
  live.editor = await liveClient(app, editor);
  live.home = await liveClient(app, home);
  expect(await live.editor.join(`dossier:${snv}`)).toEqual({ ok: true });
  expect(await live.home.join(`period:${periodId}:council`)).toEqual({ ok: true });

  await selfAssessAll(editor, snv, { "2.1": 10.5 });
  expect((await signedReport(head, `/api/dossiers/${snv}/submit`)).status).toBe(200);
  await sleep(300);
});
afterAll(async () => {
  for (const c of Object.values(live)) c?.close();
  await app.close();
});

const url = () => `/api/dossiers/${snv}`;

describe("the council's round-1 review", () => {
  it("does not tell the agency that the council is at work (no dossier:update for what it cannot see)", async () => {
    const before = live.editor.events.length;
    const res = await finance
      .put(`${url()}/items/5.1/review`)
      .send({ round: 1, score: 2.5, comment: INTERNAL, requestExplanation: false });
    expect(res.status).toBe(200);
    await sleep(400);
    expect(live.editor.events.slice(before).map((e) => e.event)).toEqual([]);
  });

  it("does not reach the recused member through the council's period room", async () => {
    const before = live.home.events.length;
    expect(
      (
        await chair
          .put(`${url()}/items/2.1/review`)
          .send({ round: 1, score: 9, comment: REQUEST, requestExplanation: true })
      ).status,
    ).toBe(200);
    await sleep(400);
    expect(
      live.home.events
        .slice(before)
        .filter((e) => e.event !== "ranking:update" && e.payload.dossierId === snv),
    ).toEqual([]);
  });

  it("once round 1 is closed, the agency gets the scores and the request, never the internal note nor who wrote what", async () => {
    expect((await chair.post(`${url()}/transition`).send({ to: "round1_done" })).status).toBe(200);
    for (const agent of [editor, head]) {
      const detail = (await agent.get(url())).body.data;
      const leaf = (code: string) => detail.leaves.find((l: { code: string }) => l.code === code);
      expect(leaf("5.1").stages.round1.score).toBe(2.5);
      expect(leaf("2.1").stages.round1.score).toBe(9);
      expect(leaf("2.1").comments.map((c: { body: string }) => c.body)).toEqual([REQUEST]);
      const text = JSON.stringify(detail);
      expect(text).not.toContain(INTERNAL);
      for (const name of councilNames) expect(text).not.toContain(name);
      for (const l of detail.leaves)
        for (const stage of ["round1", "round2", "agreed"]) {
          expect(l.stages[stage]?.note ?? null).toBeNull();
          expect(l.stages[stage]?.by ?? null).toBeNull();
        }
      // Its own people's work stays signed: the self stage names the editor.
      expect(leaf("5.1").stages.self.by).toEqual(expect.any(String));
    }
    // The council side still sees who appraised, and the note as a comment.
    const seen = (await chair.get(url())).body.data.leaves.find((l: { code: string }) => l.code === "5.1");
    expect(seen.stages.round1.by).toBe(councilNames[1]);
    expect(seen.comments.map((c: { kind: string; body: string }) => [c.kind, c.body])).toEqual([
      ["internal", INTERNAL],
    ]);
  });

  it("notifies the agency's accounts only, not the council member who heads the unit (recused on it)", async () => {
    const mine = (await home.get("/api/notifications")).body.data as { payload: { dossierId?: string } }[];
    expect(mine.filter((n) => n.payload.dossierId === snv)).toEqual([]);
    const agency = (await editor.get("/api/notifications")).body.data as { kind: string }[];
    expect(agency.map((n) => n.kind)).toContain("round1_closed");
  });
});

describe("the provisional ranking, for a member recused on one unit", () => {
  it("neither places the hidden unit by its rank nor lets the other ranks give it away", async () => {
    const rows = (await home.get(`/api/periods/${periodId}/ranking?unitType=provincial_agency`)).body
      .data as {
      unit: { code: string };
      rank: number | null;
      rankBeforeMeeting: number | null;
      total: number | null;
    }[];
    // Sở Nội vụ leads (the only appraised agency): the row must not sit first, nor leave rank 1 empty.
    expect(rows.findIndex((r) => r.unit.code === "snv")).toBe(rows.length - 1);
    expect(rows.find((r) => r.unit.code === "snv")).toMatchObject({ rank: null, total: null });
    expect(rows.every((r) => r.rank === null && r.rankBeforeMeeting === null)).toBe(true);
    // The dashboard shows the same ranking.
    const dash = (await home.get(`/api/periods/${periodId}/dashboard`)).body.data.units as {
      unit: { code: string; unitType: string };
      rank: number | null;
    }[];
    expect(dash.filter((u) => u.unit.unitType === "provincial_agency").every((u) => u.rank === null)).toBe(
      true,
    );
  });
});
