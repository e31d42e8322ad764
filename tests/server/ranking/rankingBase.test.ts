/**
 * The live ranking's cached base reads again only the dossier an official write changed (ranking/rankingBase.ts,
 * docs/performance.md P7). After every write of a random sequence — self scores on draft dossiers, round-1 reviews
 * on submitted ones — the cached live ranking must equal one computed from scratch, and the read after a
 * one-dossier change must read that dossier, not the whole period.
 */
import type { Actor } from "@ca/shared";
import { computeRanking, liveRankingRows, noLiveProposals } from "@ca/server/src/ranking/ranking";
import { baseReads } from "@ca/server/src/ranking/rankingBase";
import { loadPeriod, type PeriodRules } from "@ca/server/src/queries/periods";
import { startTestApp, type TestApp } from "../../support/testApp";
import { trainingDossier } from "../../support/workflow";

const EVERY_FIGURE: Actor = { id: "00000000-0000-0000-0000-000000000000", roles: ["admin"], unitId: null };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type Leaf = { code: string; method: string; kind: string; maxPoints: number; step: number };
type Agent = Awaited<ReturnType<TestApp["login"]>>;

/** The points leaves a writer may score, from the dossier as its writer sees it. */
async function pointsLeaves(agent: Agent, dossierId: string, method: (m: string) => boolean) {
  const leaves = (await agent.get(`/api/dossiers/${dossierId}`)).body.data.leaves as Leaf[];
  return leaves.filter((l) => method(l.method) && l.kind === "points");
}

it("after each official write the cached live ranking equals a fresh one, reading only the changed dossier", async () => {
  const { admin, period } = await trainingDossier(app, "snv");
  const { db } = app.ctx.database;
  const rules = (await loadPeriod(db, period.id)).period.rules as PeriodRules;
  const dossiers = (await admin.get(`/api/periods/${period.id}/dossiers`)).body.data as {
    id: string;
    status: string;
    unit: { code: string };
  }[];
  const editor = await app.login("editor.snv");
  const chair = await app.login("chair");
  const draft = dossiers.find((d) => d.unit.code === "snv")!;
  const submitted = dossiers.filter((d) => d.status === "self_submitted").slice(0, 2);
  expect(submitted.length).toBeGreaterThan(0);
  const selfLeaves = await pointsLeaves(editor, draft.id, (m) => m === "self");
  const reviewLeaves = await Promise.all(
    submitted.map((d) => pointsLeaves(chair, d.id, (m) => m !== "survey")),
  );

  const live = () => liveRankingRows(db, noLiveProposals, period.id);
  const fresh = () => computeRanking(db, period.id, rules, EVERY_FIGURE);
  await live(); // the base, loaded once

  let seed = 7;
  const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  for (let i = 0; i < 24; i++) {
    // Taken before the write: a ranking push the write sets off may read the dossier before this test does.
    const reads = { ...baseReads };
    const kind = random(3);
    if (kind < 2) {
      const leaf = selfLeaves[random(selfLeaves.length)];
      const score = random(Math.round(leaf.maxPoints / leaf.step) + 1) * leaf.step;
      const res = await editor
        .put(`/api/dossiers/${draft.id}/items/${leaf.code}/self`)
        .send({ score, note: `lần ${i}` });
      expect(res.status).toBe(200);
    } else {
      const which = random(submitted.length);
      const leaf = reviewLeaves[which][random(reviewLeaves[which].length)];
      const score = random(Math.round(leaf.maxPoints / leaf.step) + 1) * leaf.step;
      const res = await chair
        .put(`/api/dossiers/${submitted[which].id}/items/${leaf.code}/review`)
        .send({ round: 1, score, comment: "" });
      expect(res.status).toBe(200);
    }
    const cachedRows = await live();
    // The written dossier was read again, not the period.
    expect(baseReads.period - reads.period).toBe(0);
    expect(baseReads.dossiers - reads.dossiers).toBeGreaterThanOrEqual(1);
    const expected = await fresh();
    expect(cachedRows).toEqual(expected);
  }
});
