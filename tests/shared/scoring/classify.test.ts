import {
  BANDS_2023,
  BANDS_NATIONAL_FOUR_LEVEL,
  bandForIndex,
  classify,
  computeUnitTotals,
  type AreaTotals,
  type ClassificationOverride,
} from "@ca/shared";
import { unitWithPoints } from "./builders";

const area = (areaCode: string, index: number | null): AreaTotals => ({
  areaCode,
  achieved: 0,
  applicableMax: 0,
  index,
});

describe("bands", () => {
  it("2023 sample bands at their boundaries", () => {
    const cases: [number, string][] = [
      [10300, "xuat_sac"],
      [9000, "xuat_sac"],
      [8999, "tot"],
      [8000, "tot"],
      [7999, "kha"],
      [7000, "kha"],
      [6999, "trung_binh"],
      [5000, "trung_binh"],
      [4999, "yeu"],
      [0, "yeu"],
    ];
    for (const [index, band] of cases)
      expect([index, bandForIndex(index, BANDS_2023)]).toEqual([index, band]);
  });
  it("national four-level scheme at its boundaries", () => {
    const cases: [number, string][] = [
      [9000, "hoan_thanh_xuat_sac"],
      [8999, "hoan_thanh_tot"],
      [7000, "hoan_thanh_tot"],
      [6999, "hoan_thanh"],
      [5000, "hoan_thanh"],
      [4999, "khong_hoan_thanh"],
      [0, "khong_hoan_thanh"],
    ];
    for (const [index, band] of cases)
      expect([index, bandForIndex(index, BANDS_NATIONAL_FOUR_LEVEL)]).toEqual([index, band]);
  });
  it("does not depend on the order the bands are listed in", () => {
    expect(bandForIndex(8500, [...BANDS_2023].reverse())).toBe("tot");
  });
  it("gives no band without an index or below every band", () => {
    expect(bandForIndex(null, BANDS_2023)).toBeNull();
    expect(bandForIndex(4000, [{ code: "pass", minIndex: 5000 }])).toBeNull();
  });
  it("classifies on the published, rounded index: 89.99 % is Tốt, 89.995 % shows and counts as 90.00 %", () => {
    const at8999 = computeUnitTotals(unitWithPoints("a", [["1.1", 20000, 17998]])); // 89.99 %
    const at9000 = computeUnitTotals(unitWithPoints("b", [["1.1", 20000, 17999]])); // 89.995 % → 90.00 %
    expect([at8999.index, classify(at8999, BANDS_2023).band]).toEqual([8999, "tot"]);
    expect([at9000.index, classify(at9000, BANDS_2023).band]).toEqual([9000, "xuat_sac"]);
    expect(classify(at9000, BANDS_NATIONAL_FOUR_LEVEL).band).toBe("hoan_thanh_xuat_sac");
  });
});

describe("overrides", () => {
  const noExcellentBelow70: ClassificationOverride = {
    kind: "maxBandIfAreaBelow",
    band: "tot",
    areaIndexBelow: 7000,
  };

  it("holds a unit at Tốt when one area is below 70 %", () => {
    const result = classify({ index: 9200, areas: [area("1", 9800), area("2", 6999)] }, BANDS_2023, [
      noExcellentBelow70,
    ]);
    expect(result).toEqual({ band: "tot", bandByIndex: "xuat_sac", appliedOverrides: [noExcellentBelow70] });
  });
  it("does not fire at exactly 70 % nor for areas where nothing applies", () => {
    expect(
      classify({ index: 9200, areas: [area("1", 7000), area("2", null)] }, BANDS_2023, [noExcellentBelow70])
        .band,
    ).toBe("xuat_sac");
  });
  it("never raises a band", () => {
    const result = classify({ index: 7500, areas: [area("1", 5000)] }, BANDS_2023, [noExcellentBelow70]);
    expect(result).toEqual({ band: "kha", bandByIndex: "kha", appliedOverrides: [] });
  });
  it("applies the strictest of several overrides, whatever their order", () => {
    const toKha: ClassificationOverride = { kind: "maxBandIfAreaBelow", band: "kha", areaIndexBelow: 5000 };
    const unit = { index: 9500, areas: [area("1", 4000)] };
    expect(classify(unit, BANDS_2023, [noExcellentBelow70, toKha]).band).toBe("kha");
    expect(classify(unit, BANDS_2023, [toKha, noExcellentBelow70]).band).toBe("kha");
  });
  it("works with the national scheme", () => {
    const cap: ClassificationOverride = {
      kind: "maxBandIfAreaBelow",
      band: "hoan_thanh_tot",
      areaIndexBelow: 7000,
    };
    expect(classify({ index: 9100, areas: [area("1", 6500)] }, BANDS_NATIONAL_FOUR_LEVEL, [cap]).band).toBe(
      "hoan_thanh_tot",
    );
  });
  it("refuses an override naming a band the period does not have", () => {
    const wrong: ClassificationOverride = { kind: "maxBandIfAreaBelow", band: "good", areaIndexBelow: 7000 };
    expect(() => classify({ index: 9100, areas: [] }, BANDS_2023, [wrong])).toThrow(/unknown band "good"/);
  });
});
