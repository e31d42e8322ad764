/**
 * The training sample on the day it loads (issue 14 point 6, docs/api.md "Sample data"): every role finds its own
 * step waiting, through HTTP only, without anyone moving a window or bringing a dossier on by hand. The council
 * finds dossiers awaiting round 1 and round 2 and saves reviews on them; the chair starts the planned training
 * meeting, whose agenda holds round-2 dossiers, and a member joins a dossier's Yjs room; a demo agency finds its
 * dossier a draft with its window open; the live ranking ranks what is submitted and leaves every draft unranked.
 */
import type { TDossierDetail, TDossierSummary, TLeafView, TPeriod, TRankingRow } from "@ca/shared";
import { collabClient, type CollabClient } from "../support/collab";
import { answerFor } from "../support/kindAnswers";
import { startTestApp, type TestApp } from "../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let training: TPeriod;
const clients: CollabClient[] = [];
const DEMO_UNITS = ["snv", "stc", "tp-tuyhoa"];

beforeAll(async () => {
  app = await startTestApp();
  const admin = await app.login("admin");
  training = ((await admin.get("/api/periods")).body.data as TPeriod[]).find((p) => p.kind === "training")!;
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await app.close();
});

const dossiersAs = async (agent: Agent) => {
  const res = await agent.get(`/api/periods/${training.id}/dossiers`);
  expect(res.status).toBe(200);
  return res.body.data as TDossierSummary[];
};
const detailAs = async (agent: Agent, id: string) => {
  const res = await agent.get(`/api/dossiers/${id}`);
  expect(res.status).toBe(200);
  return res.body.data as TDossierDetail;
};
/** A leaf the reviewer may score in its area (any, for the chair), answered a step below its maximum. */
const review = (agent: Agent, dossierId: string, leaf: TLeafView, round: 1 | 2) =>
  agent
    .put(`/api/dossiers/${dossierId}/items/${leaf.code}/review`)
    .send({ round, ...answerFor(leaf, Math.max(0, leaf.maxPoints - leaf.step)), comment: "Tập huấn" });

describe("the training sample on the day it loads", () => {
  it.each([
    ["chair", "2"],
    ["member.finance", "5"],
    ["wg", "1"],
  ])(
    "%s finds dossiers awaiting round 1 and round 2 and saves a review on each (area %s)",
    async (username, area) => {
      const agent = await app.login(username);
      const all = await dossiersAs(agent);
      const round1 = all.filter((d) => d.status === "self_submitted");
      const round2 = all.filter((d) => d.status === "explained");
      expect(round1.length).toBeGreaterThanOrEqual(3);
      expect(round2.length).toBeGreaterThanOrEqual(3);
      for (const [queue, round] of [
        [round1, 1],
        [round2, 2],
      ] as const) {
        const dossier = queue[queue.length - 1];
        const detail = await detailAs(agent, dossier.id);
        const leaf = detail.leaves.find(
          (l) => l.method === "self" && l.applicable && l.code.startsWith(`${area}.`),
        )!;
        // What the agency claimed is there to appraise: its self score and its evidence.
        expect(leaf.stages.self).toBeDefined();
        expect(leaf.evidence.length).toBeGreaterThan(0);
        const res = await review(agent, dossier.id, leaf, round);
        expect([res.status, res.body.error]).toEqual([200, undefined]);
      }
    },
  );

  it("has round 1 closed with requests the agencies have not answered yet, and answered ones awaiting round 2", async () => {
    const chair = await app.login("chair");
    const all = await dossiersAs(chair);
    const waiting = all.find((d) => d.status === "round1_done")!;
    const requests = (await detailAs(chair, waiting.id)).leaves.flatMap((l) =>
      l.comments.filter((c) => c.kind === "request"),
    );
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((c) => c.status === "open")).toBe(true);
    const explained = all.find((d) => d.status === "explained")!;
    const answered = (await detailAs(chair, explained.id)).leaves.flatMap((l) =>
      l.comments.filter((c) => c.kind === "request"),
    );
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((c) => c.status === "answered" && !!c.answer)).toBe(true);
  });

  it("lets the chair start the planned training meeting over round-2 dossiers, and a member join its room", async () => {
    const chair = await app.login("chair");
    const meetings = (await chair.get(`/api/periods/${training.id}/meetings`)).body.data as {
      id: string;
      status: string;
      agendaSize: number;
    }[];
    expect(meetings).toHaveLength(1);
    const [planned] = meetings;
    expect(planned.status).toBe("planned");
    expect(planned.agendaSize).toBeGreaterThanOrEqual(3);
    const round2 = (await dossiersAs(chair)).filter((d) => d.status === "round2_done");
    expect(round2).toHaveLength(planned.agendaSize);

    const started = await chair.post(`/api/meetings/${planned.id}/start`);
    expect([started.status, started.body.error]).toEqual([200, undefined]);
    const member = await app.login("member.finance");
    const meeting = (await member.get(`/api/meetings/${planned.id}`)).body.data as {
      status: string;
      agenda: { dossierId: string; room: string }[];
    };
    expect(meeting.status).toBe("running");
    expect(new Set(meeting.agenda.map((a) => a.dossierId))).toEqual(new Set(round2.map((d) => d.id)));
    const client = collabClient(app, member, meeting.agenda[0].room);
    clients.push(client);
    await client.synced;
    // The server laid out the dossier's document: one notes text per leaf.
    expect(client.md.notes.size).toBeGreaterThan(20);
  });

  it.each(["editor.snv", "editor.stc", "editor.tuyhoa"])(
    "%s finds its dossier a bare draft with the self-assessment window open",
    async (username) => {
      const editor = await app.login(username);
      const own = await dossiersAs(editor);
      expect(own).toHaveLength(1);
      expect(own[0].status).toBe("draft");
      const detail = await detailAs(editor, own[0].id);
      expect(detail.windows.self_assessment).toMatchObject({ open: true, state: "open" });
      expect(detail.leaves.filter((l) => l.stages.self)).toEqual([]);
    },
  );

  it("ranks in the live ranking every submitted unit, and lists every draft unranked, scored or not", async () => {
    const chair = await app.login("chair");
    const res = await chair.get(`/api/periods/${training.id}/ranking`);
    expect(res.status).toBe(200);
    const rows = res.body.data as TRankingRow[];
    expect(rows).toHaveLength(30);
    // The three bare demo drafts and the eleven self-assessing with areas 1 and 2 scored: no rank, no band
    // ("Yếu" on two areas out of all would be a figure of nothing).
    const drafts = rows.filter((r) => r.status === "draft");
    expect(drafts).toHaveLength(14);
    expect(drafts.map((r) => r.unit.code)).toEqual(expect.arrayContaining(DEMO_UNITS));
    expect(
      drafts.every((r) => r.standing === "unranked" && r.rank === null && r.classification === null),
    ).toBe(true);
    const ranked = rows.filter((r) => r.standing === "ranked");
    expect(ranked).toHaveLength(16);
    expect(ranked.every((r) => r.rank !== null && r.total !== null && r.classification !== null)).toBe(true);
  });
});
