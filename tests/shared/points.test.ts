import { formatPoints, isValidScore, parsePoints, centiToNumber } from "@ca/shared";

describe("exact points", () => {
  it("parses decimals with a comma or a point into hundredths", () => {
    expect(parsePoints("85,25")).toBe(8525);
    expect(parsePoints("85.25")).toBe(8525);
    expect(parsePoints("0.1")).toBe(10);
    expect(parsePoints(0.3)).toBe(30);
    expect(parsePoints("-2")).toBe(-200);
  });
  it("refuses more than two decimals, text and non-finite numbers", () => {
    expect(parsePoints("1.255")).toBeNull();
    expect(parsePoints(1.255)).toBeNull();
    expect(parsePoints("abc")).toBeNull();
    expect(parsePoints(Number.NaN)).toBeNull();
    expect(parsePoints(Infinity)).toBeNull();
  });
  it("adds 0.1 and 0.2 exactly", () => {
    expect(centiToNumber(parsePoints(0.1)! + parsePoints(0.2)!)).toBe(0.3);
  });
  it("formats with a decimal comma in Vietnamese", () => {
    expect(formatPoints(8525, "vi")).toBe("85,25");
    expect(formatPoints(8525, "en")).toBe("85.25");
    expect(formatPoints(-5, "vi")).toBe("-0,05");
  });
  it("accepts a score only in range and on the step", () => {
    expect(isValidScore(75, 100, 25)).toBe(true);
    expect(isValidScore(80, 100, 25)).toBe(false);
    expect(isValidScore(125, 100, 25)).toBe(false);
    expect(isValidScore(-25, 100, 25)).toBe(false);
  });
});
