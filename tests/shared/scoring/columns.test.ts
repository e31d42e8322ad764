/** The columnar full recompute gives exactly computeUnitTotals' totals, whatever stages exist. */
import fc from "fast-check";
import { computeUnitTotals, leafColumns, toUnitColumns, totalsOfColumns } from "@ca/shared";
import { groupArb } from "./builders";

describe("columns", () => {
  it("totalsOfColumns equals computeUnitTotals for random units, stage histories and applicability", () => {
    fc.assert(
      fc.property(groupArb(6), (units) => {
        const layout = leafColumns(units[0].leaves);
        return units.every(
          (u) =>
            JSON.stringify(totalsOfColumns(toUnitColumns(u, layout))) ===
            JSON.stringify(computeUnitTotals(u)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("a leaf outside the layout is refused rather than silently dropped", () => {
    const layout = leafColumns([{ code: "1.1", areaCode: "1", maxPoints: 100, method: "self" }]);
    const unit = {
      unitId: "u",
      unitTypeId: "t",
      leaves: [
        { code: "1.2", areaCode: "1", maxPoints: 100, step: 25, method: "self" as const, applicable: true },
      ],
      scores: {},
      bonus: [],
      penalty: [],
      bonusCap: 0,
      penaltyCap: 0,
    };
    expect(() => toUnitColumns(unit, layout)).toThrow("leaf 1.2 is not in the layout");
  });
});
