/**
 * The ranking's full recompute in columns (ranking/scoringColumns.ts) gives exactly what the object path gives
 * (unitInputOf + computeUnitTotals): on every dossier of the sample's periods at every stage set the ranking uses,
 * and on random sparse data over the sample's leaves — any subset of stages, unconfirmed drafts, survey points,
 * not-applicable leaves, bonus and penalty leaves, meeting proposals.
 */
import { computeUnitTotals, DOSSIER_STATUSES } from "@ca/shared";
import * as t from "@ca/server/src/db/schema";
import { loadScoringInputs } from "@ca/server/src/queries/scoringInputs";
import {
  councilStages,
  unitInputOf,
  type ScoreStage,
  type ScoringState,
} from "@ca/server/src/services/dossierScoring";
import { totalsInColumns } from "@ca/server/src/ranking/scoringColumns";
import { openTestDatabase, type TestDatabase } from "../../support/testApp";

let test: TestDatabase;
let inputs: Awaited<ReturnType<typeof loadScoringInputs>>;

beforeAll(async () => {
  test = await openTestDatabase({ sample: true });
  const periods = await test.database.db.select().from(t.periods);
  inputs = (await Promise.all(periods.map((p) => loadScoringInputs(test.database.db, p.id))))
    .flat()
    .filter((d) => d.state.leaves.length);
});
afterAll(() => test.drop());

const STAGE_SETS: Set<ScoreStage>[] = [
  new Set(["self"]),
  new Set(["self", "round1"]),
  new Set(["self", "round1", "round2"]),
  new Set(["self", "round1", "round2", "agreed"]),
  new Set(["round1", "agreed"]),
  new Set(),
];

const same = (state: ScoringState, stages: Set<ScoreStage>, proposals?: ReadonlyMap<string, number>) =>
  expect(totalsInColumns(state, stages, proposals)).toEqual(
    computeUnitTotals(unitInputOf(state, stages, proposals)),
  );

// Deterministic pseudo-random numbers (mulberry32): a failure names its seed and stays reproducible.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe("full recompute in columns", () => {
  it("equals the object path on every sample dossier, at its council stages and at every stage set", () => {
    expect(inputs.length).toBeGreaterThan(20);
    expect(inputs.some((d) => d.state.scores.length > 0)).toBe(true);
    for (const d of inputs) {
      same(d.state, councilStages(d.status));
      for (const stages of STAGE_SETS) same(d.state, stages);
    }
    for (const status of DOSSIER_STATUSES) same(inputs[0].state, councilStages(status));
  });

  it("equals the object path on random sparse data, with proposals", () => {
    const leaves = inputs.find((d) => d.state.leaves.some((l) => l.kind === "bonus"))!.state.leaves;
    const base = inputs.find((d) => d.state.leaves === leaves)!.state;
    const stageNames = ["self", "round1", "round2", "agreed", "survey"] as const;
    for (let seed = 1; seed <= 300; seed++) {
      const random = rng(seed);
      const density = random();
      const scores: ScoringState["scores"] = [];
      for (const leaf of leaves)
        for (const stage of stageNames) {
          if (random() > density * (stage === "survey" ? (leaf.method === "survey" ? 1 : 0.05) : 0.6))
            continue;
          scores.push({
            itemId: leaf.id,
            stage,
            score: leaf.step * Math.floor(random() * (leaf.maxPoints / Math.max(1, leaf.step) + 1)),
            confirmed: random() > 0.15,
          } as ScoringState["scores"][number]);
        }
      const notApplicable = new Set(leaves.filter(() => random() < 0.03).map((l) => l.id));
      const proposals = new Map(
        leaves.filter(() => random() < 0.05).map((l) => [l.code, l.step * Math.floor(random() * 3)] as const),
      );
      if (random() < 0.2) proposals.set("no-such-leaf", 100);
      const state: ScoringState = { ...base, scores, notApplicable };
      for (const stages of STAGE_SETS) {
        same(state, stages);
        same(state, stages, proposals);
        // Remembered without proposals (scoringColumns.ts): still right after proposals were overlaid.
        same(state, stages);
      }
    }
  });
});
