import { DEFAULT_SURVEY_OPTIONS, surveyLeafPoints, validSurveyOptions, type SurveyOption } from "@ca/shared";

const opts = DEFAULT_SURVEY_OPTIONS;

describe("surveyLeafPoints (docs/domain.md §3: maxPoints × mean weight of valid answers)", () => {
  it("mixed answers: 2 points, A B C D → 2 × (100+60+20+0)/400 = 0,90", () => {
    const r = surveyLeafPoints(200, opts, ["A", "B", "C", "D"], 1);
    expect(r).toEqual({
      points: 90,
      valid: 4,
      dontKnow: 0,
      counts: { A: 1, B: 1, C: 1, D: 1, X: 0 },
      flag: null,
    });
  });

  it("'don't know' is counted but excluded from the mean: 3 points, A A B X X → 3 × 260/300 = 2,60", () => {
    const r = surveyLeafPoints(300, opts, ["A", "X", "A", "B", "X"], 3);
    expect(r.points).toBe(260);
    expect(r.valid).toBe(3);
    expect(r.dontKnow).toBe(2);
    expect(r.flag).toBeNull();
  });

  it("rounds half-up to the hundredth on integers", () => {
    // 2 × (100+100+0)/300 = 1.3333… → 1,33; 2 × (100+60+0)/300 = 1.0666… → 1,07
    expect(surveyLeafPoints(200, opts, ["A", "A", "D"], 1).points).toBe(133);
    expect(surveyLeafPoints(200, opts, ["A", "B", "D"], 1).points).toBe(107);
    // Exactly half a hundredth: 1 point × (5+0)/200 = 0.025 → 0,03 (weights configurable)
    const custom: SurveyOption[] = [
      { code: "Y", label: "Có", labelEn: "Yes", weight: 5 },
      { code: "N", label: "Không", labelEn: "No", weight: 0 },
    ];
    expect(surveyLeafPoints(100, custom, ["Y", "N"], 1).points).toBe(3);
    // 0.1 + 0.2 never appears: 3 points × (20+0+0)/300 → 0,20 exactly
    expect(surveyLeafPoints(300, opts, ["C", "D", "D"], 1).points).toBe(20);
  });

  it("every answer A gives the maximum, every D gives 0", () => {
    expect(surveyLeafPoints(300, opts, Array(37).fill("A"), 10).points).toBe(300);
    expect(surveyLeafPoints(300, opts, Array(37).fill("D"), 10).points).toBe(0);
  });

  it("no answers at all: 0 points, flagged 'no_answers'", () => {
    expect(surveyLeafPoints(300, opts, [], 10)).toEqual({
      points: 0,
      valid: 0,
      dontKnow: 0,
      counts: { A: 0, B: 0, C: 0, D: 0, X: 0 },
      flag: "no_answers",
    });
  });

  it("only 'don't know': 0 points, flagged 'no_answers'", () => {
    const r = surveyLeafPoints(200, opts, ["X", "X"], 1);
    expect(r.points).toBe(0);
    expect(r.dontKnow).toBe(2);
    expect(r.flag).toBe("no_answers");
  });

  it("fewer valid answers than the minimum keeps the points and flags them", () => {
    // 3 valid (X does not count towards the minimum) below 4: 2 × (100+60+60)/300 = 1,4666… → 1,47
    const r = surveyLeafPoints(200, opts, ["A", "B", "B", "X"], 4);
    expect(r.points).toBe(147);
    expect(r.flag).toBe("below_minimum");
    expect(surveyLeafPoints(200, opts, ["A", "B", "B", "C"], 4).flag).toBeNull();
  });

  it("stays exact on a national-scale count of answers", () => {
    const answers = [...Array(1_000_000).fill("B"), ...Array(1).fill("A")];
    // 3 × (60·10^6 + 100)/(100·(10^6+1)) = 1.80000119… → 1,80
    expect(surveyLeafPoints(300, opts, answers, 10).points).toBe(180);
  });

  it("refuses an option the questionnaire does not have", () => {
    expect(() => surveyLeafPoints(200, opts, ["E"], 1)).toThrow(RangeError);
  });

  it("checks option sets", () => {
    expect(validSurveyOptions(opts)).toBe(true);
    expect(validSurveyOptions([{ code: "X", label: "?", labelEn: "", weight: null }])).toBe(false);
    expect(validSurveyOptions([...opts, opts[0]])).toBe(false);
    expect(validSurveyOptions([{ code: "A", label: "A", labelEn: "", weight: 101 }])).toBe(false);
  });
});
