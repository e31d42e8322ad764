import { scoreProblemMessage, type ScoreProblem } from "@ca/shared";

// Every reason the judge, the REST routes or the screens give for refusing a score, in both languages.
const PROBLEMS: ScoreProblem[] = [
  "not_applicable",
  "survey_leaf",
  "council_only",
  "out_of_range",
  "off_step",
  "wrong_kind",
  "unknown_level",
  "bad_figures",
  "zero_denominator",
  "unknown_leaf",
  "locked",
  "author_mismatch",
  "not_a_proposer",
  "points_only",
  "derived_mismatch",
  "malformed",
];

describe("score problems: one vocabulary in both languages", () => {
  it("says every problem in Vietnamese and in English, differently", () => {
    for (const problem of PROBLEMS) {
      const vi = scoreProblemMessage(problem, { max: 200, step: 25, points: 150 }, "vi");
      const en = scoreProblemMessage(problem, { max: 200, step: 25, points: 150 }, "en");
      expect(vi.length).toBeGreaterThan(10);
      expect(en.length).toBeGreaterThan(10);
      expect(vi).not.toBe(en);
      expect(vi).not.toContain("?");
    }
    const vi = new Set(PROBLEMS.map((p) => scoreProblemMessage(p, {}, "vi")));
    expect(vi.size).toBe(PROBLEMS.length);
  });

  it("writes the figures as each language writes decimals", () => {
    expect(scoreProblemMessage("out_of_range", { max: 250 }, "vi")).toBe("Điểm phải từ 0 đến 2,5.");
    expect(scoreProblemMessage("out_of_range", { max: 250 }, "en")).toBe(
      "The score must be between 0 and 2.5.",
    );
    expect(scoreProblemMessage("off_step", { step: 25 }, "vi")).toBe("Điểm phải là bội số của 0,25.");
    expect(scoreProblemMessage("off_step", { step: 100 }, "en")).toBe("The score must be a multiple of 1.");
    expect(scoreProblemMessage("derived_mismatch", { points: 175 }, "vi")).toContain("1,75");
  });
});
