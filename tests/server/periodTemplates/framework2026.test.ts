/**
 * The 2026 template's sample index sets: 100 points inside (about 30 general, 70 task results), every area the sum
 * of its leaves, every leaf's scoring definition sound, and all four scoring kinds used by each unit type.
 */
import { checkDefinition, type ScoringDefinition } from "@ca/shared";
import { FRAMEWORK_2026 } from "@ca/server/src/periodTemplates/framework2026";

describe("the 2026 framework template", () => {
  for (const type of FRAMEWORK_2026.unitTypes) {
    const items = type.indexSet.items;
    const inside = items.filter((i) => /^\d/.test(i.code));
    const areas = inside.filter((i) => !i.code.includes("."));
    const leaves = items.filter((i) => i.code.includes("."));

    it(`${type.code}: 100 points, 30 general and 70 for the year's tasks; each area the sum of its leaves`, () => {
      expect(areas.reduce((s, a) => s + a.max, 0)).toBe(10000);
      expect(areas.find((a) => a.code === "6")!.max).toBe(7000);
      for (const a of [...areas, ...items.filter((i) => i.code === "B" || i.code === "P")]) {
        const sum = leaves.filter((l) => l.code.split(".")[0] === a.code).reduce((s, l) => s + l.max, 0);
        expect([a.code, sum]).toEqual([a.code, a.max]);
      }
    });

    it(`${type.code}: every leaf's definition is sound, and all four kinds are used`, () => {
      for (const l of leaves) {
        const def: ScoringDefinition = {
          kind: l.kind ?? "points",
          maxPoints: l.max,
          step: l.step ?? 25,
          levels: l.levels,
          rule: l.rule,
        };
        expect([l.code, checkDefinition(def)]).toEqual([l.code, []]);
      }
      expect(new Set(leaves.map((l) => l.kind)).size).toBe(4);
    });
  }

  it("its timeline ends before 15 December and its top level is capped at 20 %", () => {
    const last = FRAMEWORK_2026.timeline.map((m) => m.deadline[0] * 100 + m.deadline[1]);
    expect(Math.max(...last)).toBeLessThan(1215);
    expect(FRAMEWORK_2026.quotas).toEqual([{ band: "hoan_thanh_xuat_sac", maxPercent: 2000 }]);
  });
});
