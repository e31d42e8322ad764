/**
 * Issue 3: the scoring engine gives identical results on Node and in the browser bundle. The engine is bundled for
 * the browser with esbuild (as Vite would), run in Debian's Chromium, and compared with Node on the same inputs.
 */
import path from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import {
  classify,
  computeUnitTotals,
  rankByUnitType,
  BANDS_2023,
  type StageScores,
  type UnitInput,
} from "@ca/shared";
import { prng } from "../support/malformed";
import { launchChromium } from "./support/browser";

function dataset(seed: number, units: number): UnitInput[] {
  const rand = prng(seed);
  const leaves = Array.from({ length: 40 }, (_, i) => ({
    code: `${(i % 7) + 1}.${i + 1}`,
    areaCode: String((i % 7) + 1),
    maxPoints: [100, 200, 300, 400, 1200][i % 5],
    step: 25,
    method: (i % 9 === 0 ? "survey" : i % 13 === 0 ? "council" : "self") as "self" | "survey" | "council",
    applicable: rand() > 0.05,
  }));
  return Array.from({ length: units }, (_, u) => {
    const scores: Record<string, StageScores> = {};
    const surveyPoints: Record<string, number> = {};
    for (const leaf of leaves) {
      const pick = () => Math.floor(rand() * (leaf.maxPoints / leaf.step + 1)) * leaf.step;
      scores[leaf.code] = {
        self: pick(),
        round1: rand() > 0.5 ? pick() : null,
        round2: rand() > 0.7 ? pick() : null,
        agreed: rand() > 0.9 ? pick() : null,
      };
      if (leaf.method === "survey") surveyPoints[leaf.code] = pick();
    }
    return {
      unitId: `u${u}`,
      unitTypeId: u % 3 === 0 ? "district" : "provincial",
      name: `Đơn vị ${u}`,
      leaves,
      scores,
      surveyPoints,
      bonus: [Math.floor(rand() * 13) * 25],
      penalty: [Math.floor(rand() * 21) * 25],
      bonusCap: 300,
      penaltyCap: 500,
    };
  });
}

function compute(
  engine: {
    computeUnitTotals: typeof computeUnitTotals;
    rankByUnitType: typeof rankByUnitType;
    classify: typeof classify;
    BANDS_2023: typeof BANDS_2023;
  },
  units: UnitInput[],
) {
  const totals = units.map((u) => engine.computeUnitTotals(u));
  const ranks = Object.fromEntries(
    [...engine.rankByUnitType(totals).entries()].map(([k, rows]) => [k, rows.map((r) => [r.unitId, r.rank])]),
  );
  const classes = totals.map(
    (t) =>
      engine.classify(t, engine.BANDS_2023, [
        { kind: "maxBandIfAreaBelow", band: "tot", areaIndexBelow: 7000 },
      ]).band,
  );
  return { totals, ranks, classes };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

it("computes the same totals, indices, classes and ranks in Chromium as on Node", async () => {
  const bundle = await build({
    stdin: {
      contents: `export { computeUnitTotals, rankByUnitType, classify, BANDS_2023 } from "@ca/shared";`,
      resolveDir: path.resolve(__dirname, "../.."),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    globalName: "Scoring",
    platform: "browser",
    target: "es2020",
    write: false,
  });
  const units = dataset(20231225, 300);
  const onNode = compute({ computeUnitTotals, rankByUnitType, classify, BANDS_2023 }, units);
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const inBrowser = await page.evaluate(
    ({ units, src }) => {
      const engine = (globalThis as unknown as { Scoring: Parameters<typeof compute>[0] }).Scoring;
      return new Function("engine", "units", `return (${src})(engine, units)`)(engine, units);
    },
    { units, src: compute.toString() },
  );
  expect(onNode.totals.length).toBe(300);
  expect(inBrowser).toEqual(JSON.parse(JSON.stringify(onNode)));
});
