import fc from "fast-check";
import {
  councilScore,
  officialScore,
  selfVsCouncil,
  stageDifference,
  toStageScores,
  validateLeafScore,
} from "@ca/shared";
import { buildLeaf, leafSetArb } from "./builders";

describe("officialScore", () => {
  it("is the last stage that exists in self → round 1 → round 2 → agreed", () => {
    expect(officialScore(undefined)).toBeNull();
    expect(officialScore({})).toBeNull();
    expect(officialScore({ self: 50 })).toBe(50);
    expect(officialScore({ self: 50, round1: 25 })).toBe(25);
    expect(officialScore({ self: 50, round1: 25, round2: 75 })).toBe(75);
    expect(officialScore({ self: 50, round1: 25, round2: 75, agreed: 100 })).toBe(100);
  });
  it("never takes the agency's explanation, which is only a proposal", () => {
    expect(officialScore({ self: 50, explanation: 100 })).toBe(50);
    expect(officialScore({ self: 50, round1: 25, explanation: 100 })).toBe(25);
    expect(officialScore({ explanation: 100 })).toBeNull();
  });
  it("treats 0 as a real score and null as a missing stage", () => {
    expect(officialScore({ self: 75, round1: 0 })).toBe(0);
    expect(officialScore({ self: 75, round1: null, round2: null })).toBe(75);
  });
});

describe("toStageScores", () => {
  it("gives every leaf the same five keys, null where a stage is missing, without changing the official score", () => {
    const s = toStageScores({ round1: 0, self: 50 });
    expect(Object.keys(s)).toEqual(["self", "round1", "explanation", "round2", "agreed"]);
    expect(s).toEqual({ self: 50, round1: 0, explanation: null, round2: null, agreed: null });
    expect(officialScore(s)).toBe(0);
  });
});

describe("stage differences", () => {
  it("shows self vs the council's latest score and their difference", () => {
    expect(selfVsCouncil({ self: 100, round1: 75 })).toEqual({ self: 100, council: 75, difference: -25 });
    expect(selfVsCouncil({ self: 100, round1: 75, round2: 100 })).toEqual({
      self: 100,
      council: 100,
      difference: 0,
    });
    expect(selfVsCouncil({ self: 100 })).toEqual({ self: 100, council: null, difference: null });
    expect(selfVsCouncil({ round1: 50 })).toEqual({ self: null, council: 50, difference: null });
    expect(councilScore({ self: 100, explanation: 50 })).toBeNull();
  });
  it("gives to − from between any two stages, null when one is missing", () => {
    expect(stageDifference({ round1: 50, explanation: 75 }, "round1", "explanation")).toBe(25);
    expect(stageDifference({ round1: 50 }, "round1", "round2")).toBeNull();
    expect(stageDifference(undefined, "self", "agreed")).toBeNull();
  });
});

describe("validateLeafScore", () => {
  const leaf = buildLeaf({ code: "1.1", maxPoints: 100, step: 25 });
  it("accepts a score in range and on the step", () => {
    for (const s of [0, 25, 50, 75, 100]) expect(validateLeafScore(leaf, s)).toEqual({ ok: true });
  });
  it("names the problem with anything else", () => {
    expect(validateLeafScore(leaf, 80)).toEqual({ ok: false, problem: "off_step" });
    expect(validateLeafScore(leaf, 125)).toEqual({ ok: false, problem: "out_of_range" });
    expect(validateLeafScore(leaf, -25)).toEqual({ ok: false, problem: "out_of_range" });
    expect(validateLeafScore(leaf, 0.5)).toEqual({ ok: false, problem: "out_of_range" });
    expect(validateLeafScore(leaf, Number.NaN)).toEqual({ ok: false, problem: "out_of_range" });
    expect(validateLeafScore({ ...leaf, applicable: false }, 50)).toEqual({
      ok: false,
      problem: "not_applicable",
    });
    expect(validateLeafScore({ ...leaf, method: "survey" }, 50)).toEqual({
      ok: false,
      problem: "survey_leaf",
    });
    expect(validateLeafScore({ ...leaf, method: "council" }, 50, "self")).toEqual({
      ok: false,
      problem: "council_only",
    });
    expect(validateLeafScore({ ...leaf, method: "council" }, 50, "round1")).toEqual({ ok: true });
  });
  it("never accepts a score outside [0, max] or off the step (property)", () => {
    const scoreArb = fc.oneof(
      fc.integer({ min: -5000, max: 5000 }),
      fc.double({ min: -5000, max: 5000 }),
      fc.constantFrom(Infinity, -Infinity, NaN),
    );
    fc.assert(
      fc.property(
        leafSetArb,
        scoreArb,
        fc.constantFrom("self", "round1", "explanation", "round2", "agreed") as fc.Arbitrary<"self">,
        (leaves, score, stage) => {
          const leaf = { ...leaves[0], method: "self" as const };
          const expected =
            Number.isInteger(score) && score >= 0 && score <= leaf.maxPoints && score % leaf.step === 0;
          expect(validateLeafScore(leaf, score, stage).ok).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
