import {
  BANDS_2023,
  blendIndex,
  computeIndex,
  computeResponsibility,
  DEFAULT_RESPONSIBILITY_RULES,
  ZResponsibilityRules,
  type AreaTotals,
  type LeaderInput,
} from "@ca/shared";

// A provincial agency whose second deputy's areas (3 and 5) score below 50 %, every figure worked by hand:
//   area 1: 10.00 / 12.00 = 83.33 %      area 2: 18.00 / 22.00 = 81.82 %
//   area 3:  6.00 / 15.00 = 40.00 %      area 5:  3.00 /  7.00 = 42.86 %
//   unit:   37.00 / 56.00 = 66.07 % → Trung bình
const area = (areaCode: string, achieved: number, applicableMax: number): AreaTotals => ({
  areaCode,
  achieved,
  applicableMax,
  index: computeIndex(achieved, applicableMax),
});
const AREAS = [area("1", 1000, 1200), area("2", 1800, 2200), area("3", 600, 1500), area("5", 300, 700)];
const UNIT = { index: 6607, areas: AREAS, band: "trung_binh" };
const LEADERS: LeaderInput[] = [
  { id: "d2", fullName: "Trần Văn Bình", position: "deputy", title: "Phó Giám đốc", areaCodes: ["3", "5"] },
  { id: "h", fullName: "Nguyễn Văn An", position: "head", title: "Giám đốc", areaCodes: [] },
  { id: "d1", fullName: "Lê Thị Cúc", position: "deputy", title: "Phó Giám đốc", areaCodes: ["1", "2"] },
];
const byId = (rows: ReturnType<typeof computeResponsibility>) =>
  Object.fromEntries(rows.map((r) => [r.leaderId, r]));

describe("heads and deputies (docs/domain.md §3)", () => {
  it("checks the hand-computed area and unit indices", () => {
    expect(AREAS.map((a) => a.index)).toEqual([8333, 8182, 4000, 4286]);
    expect(computeIndex(3700, 5600)).toBe(6607);
  });

  it("rates the head by the unit and each deputy 70/30 from their areas and the unit (defaults)", () => {
    const rows = computeResponsibility(UNIT, LEADERS, DEFAULT_RESPONSIBILITY_RULES, BANDS_2023);
    // The head comes first whatever the input order.
    expect(rows[0].position).toBe("head");
    const r = byId(rows);
    expect(r.h).toMatchObject({ index: 6607, band: "trung_binh", capped: false, areaIndex: null });
    // Deputy 1, areas 1 + 2: 28.00 / 34.00 = 82.35 %; 0.7 × 82.35 + 0.3 × 66.07 = 77.466 → 77.47 % → Khá.
    expect(r.d1).toMatchObject({
      areaAchieved: 2800,
      areaMax: 3400,
      areaIndex: 8235,
      index: 7747,
      band: "kha",
    });
    expect(r.d1.areasBelowHalf).toBe(false);
    // Deputy 2, areas 3 + 5 (below 50 %): 9.00 / 22.00 = 40.91 %; 0.7 × 40.91 + 0.3 × 66.07 = 48.458 → 48.46 % → Yếu.
    expect(r.d2).toMatchObject({
      areaAchieved: 900,
      areaMax: 2200,
      areaIndex: 4091,
      index: 4846,
      band: "yeu",
    });
    expect(r.d2.areasBelowHalf).toBe(true);
    expect(r.d2.capped).toBe(false);
  });

  it("follows the configured weights: 50/50 lifts the weak deputy to Trung bình", () => {
    const r = byId(
      computeResponsibility(
        UNIT,
        LEADERS,
        { ...DEFAULT_RESPONSIBILITY_RULES, deputyAreaWeight: 50, unitWeight: 50 },
        BANDS_2023,
      ),
    );
    // (40.91 + 66.07) ÷ 2 = 53.49 % → Trung bình.
    expect(r.d2).toMatchObject({ index: 5349, band: "trung_binh" });
    // (82.35 + 66.07) ÷ 2 = 74.21 %.
    expect(r.d1).toMatchObject({ index: 7421, band: "kha" });
  });

  it("caps a deputy whose areas are below the configured threshold", () => {
    // A strong unit (91.00 %, but only Tốt after an override) with a deputy in charge of area 3 alone (40.00 %):
    // 0.7 × 40 + 0.3 × 91 = 55.30 % → Trung bình by index; the cap "below 50 % → at most Yếu" lowers it.
    const unit = { index: 9100, areas: AREAS, band: "tot" };
    const deputy: LeaderInput = {
      id: "d",
      fullName: "X",
      position: "deputy",
      title: "Phó",
      areaCodes: ["3"],
    };
    const plain = byId(computeResponsibility(unit, [deputy], DEFAULT_RESPONSIBILITY_RULES, BANDS_2023));
    expect(plain.d).toMatchObject({ areaIndex: 4000, index: 5530, band: "trung_binh", capped: false });
    const capped = byId(
      computeResponsibility(
        unit,
        [deputy],
        { ...DEFAULT_RESPONSIBILITY_RULES, deputyCap: { areaIndexBelow: 5000, band: "yeu" } },
        BANDS_2023,
      ),
    );
    expect(capped.d).toMatchObject({ index: 5530, band: "yeu", capped: true, areasBelowHalf: true });
  });

  it("never rates the head above the unit when capped; by index alone when not", () => {
    const unit = { index: 9100, areas: AREAS, band: "tot" };
    const head = LEADERS.filter((l) => l.position === "head");
    expect(byId(computeResponsibility(unit, head, DEFAULT_RESPONSIBILITY_RULES, BANDS_2023)).h).toMatchObject(
      {
        index: 9100,
        band: "tot",
        capped: true,
      },
    );
    expect(
      byId(
        computeResponsibility(
          unit,
          head,
          { ...DEFAULT_RESPONSIBILITY_RULES, headCappedByUnit: false },
          BANDS_2023,
        ),
      ).h,
    ).toMatchObject({ index: 9100, band: "xuat_sac", capped: false });
  });

  it("lets a deputy with no area of the index set answer for the unit, and gives no result without a unit index", () => {
    const deputy: LeaderInput = {
      id: "d",
      fullName: "X",
      position: "deputy",
      title: "Phó",
      areaCodes: ["9"],
    };
    expect(
      byId(computeResponsibility(UNIT, [deputy], DEFAULT_RESPONSIBILITY_RULES, BANDS_2023)).d,
    ).toMatchObject({
      areaIndex: null,
      index: 6607,
      band: "trung_binh",
    });
    expect(
      byId(
        computeResponsibility(
          { index: null, areas: [], band: null },
          [deputy],
          DEFAULT_RESPONSIBILITY_RULES,
          BANDS_2023,
        ),
      ).d,
    ).toMatchObject({ index: null, band: null });
  });

  it("rounds the blend half up on integers", () => {
    expect(blendIndex(1, 2, 50, 50)).toBe(2); // 1.5 → 2
    expect(blendIndex(8235, 6607, 70, 30)).toBe(7747); // 7746.6
    expect(blendIndex(4091, 6607, 70, 30)).toBe(4846); // 4845.8
  });

  it("refuses rules whose weights do not add up to 100, and unknown cap bands", () => {
    expect(
      ZResponsibilityRules.safeParse({ deputyAreaWeight: 70, unitWeight: 30, headCappedByUnit: true })
        .success,
    ).toBe(true);
    expect(
      ZResponsibilityRules.safeParse({ deputyAreaWeight: 70, unitWeight: 40, headCappedByUnit: true })
        .success,
    ).toBe(false);
    expect(
      ZResponsibilityRules.safeParse({ deputyAreaWeight: 70.5, unitWeight: 29.5, headCappedByUnit: true })
        .success,
    ).toBe(false);
    expect(() =>
      computeResponsibility(
        UNIT,
        LEADERS,
        { ...DEFAULT_RESPONSIBILITY_RULES, deputyCap: { areaIndexBelow: 5000, band: "nope" } },
        BANDS_2023,
      ),
    ).toThrow(/unknown band/);
  });
});
