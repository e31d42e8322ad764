/**
 * Classification beyond bands: quotas taken in rank order, ties at the cut left to the council, council caps. The
 * properties: never more than the quota in a band, ranks only read, the result independent of input order, and
 * with nothing configured the same bands as classify().
 */
import fc from "fast-check";
import {
  BANDS_NATIONAL_FOUR_LEVEL,
  classify,
  classifyUnits,
  quotaSeats,
  type BandQuota,
  type ClassifiableUnit,
} from "@ca/shared";

const TOP = "hoan_thanh_xuat_sac";
const GOOD = "hoan_thanh_tot";
const unit = (
  unitId: string,
  rank: number | null,
  index: number | null,
  unitType = "xa",
): ClassifiableUnit => ({
  unitId,
  unitType,
  rank,
  index,
  areas: [],
});
const top20: BandQuota = { band: TOP, maxPercent: 2000 };

describe("quotas by hand", () => {
  it("20 % of 102 communes is 20 seats; of 10 units, 2", () => {
    expect(quotaSeats(top20, 102)).toBe(20);
    expect(quotaSeats(top20, 10)).toBe(2);
    expect(quotaSeats({ band: TOP, maxPercent: 2000, maxUnits: 1 }, 10)).toBe(1);
    expect(quotaSeats({ band: TOP, maxUnits: 3 }, 10)).toBe(3);
  });

  it("the best two of ten keep the top level; the others over it drop one level, saying why", () => {
    const units = [
      unit("a", 1, 9800),
      unit("b", 2, 9500),
      unit("c", 3, 9200),
      unit("d", 4, 9000),
      ...Array.from({ length: 6 }, (_, i) => unit(`z${i}`, 5 + i, 6000)),
    ];
    const { bands, cuts } = classifyUnits(units, { bands: BANDS_NATIONAL_FOUR_LEVEL, quotas: [top20] });
    expect(bands.get("a")).toEqual({ band: TOP, why: [{ kind: "index", band: TOP }] });
    expect(bands.get("b")!.band).toBe(TOP);
    expect(bands.get("c")).toEqual({
      band: GOOD,
      why: [
        { kind: "index", band: TOP },
        { kind: "quota", band: GOOD, from: TOP, seats: 2, tieAtCut: false },
      ],
    });
    expect(bands.get("d")!.band).toBe(GOOD);
    expect(bands.get("z0")!.band).toBe("hoan_thanh");
    expect(cuts).toEqual([]);
  });

  it("a tie straddling the cut goes to the council: until it decides, the tied units are held below", () => {
    const units = [
      unit("a", 1, 9800),
      unit("b", 2, 9500),
      unit("c", 2, 9500),
      ...Array.from({ length: 7 }, (_, i) => unit(`z${i}`, 4 + i, 6000)),
    ];
    const config = { bands: BANDS_NATIONAL_FOUR_LEVEL, quotas: [top20] };
    const undecided = classifyUnits(units, config);
    expect(undecided.cuts).toEqual([
      { band: TOP, unitType: "xa", seats: 2, seatsForTie: 1, unitIds: ["b", "c"], decided: false },
    ]);
    expect(undecided.bands.get("a")!.band).toBe(TOP);
    expect(undecided.bands.get("b")!.band).toBe(GOOD);
    expect(undecided.bands.get("c")!.why.at(-1)).toEqual({
      kind: "quota",
      band: GOOD,
      from: TOP,
      seats: 2,
      tieAtCut: true,
    });
    const decided = classifyUnits(units, { ...config, tieDecisions: [{ band: TOP, unitIds: ["c"] }] });
    expect(decided.cuts[0].decided).toBe(true);
    expect(decided.bands.get("c")!.band).toBe(TOP);
    expect(decided.bands.get("b")!.band).toBe(GOOD);
    // A decision that picks too many, or a unit outside the tie, settles nothing.
    for (const unitIds of [["b", "c"], ["a"], ["z0"]]) {
      const bad = classifyUnits(units, { ...config, tieDecisions: [{ band: TOP, unitIds }] });
      expect([bad.cuts[0].decided, bad.bands.get("b")!.band, bad.bands.get("c")!.band]).toEqual([
        false,
        GOOD,
        GOOD,
      ]);
    }
  });

  it("a council cap lowers the band with its reason and document, and frees a quota seat", () => {
    const units = [unit("a", 1, 9800), unit("b", 2, 9500), unit("c", 3, 9400), unit("d", 4, 9300)];
    const { bands } = classifyUnits(units, {
      bands: BANDS_NATIONAL_FOUR_LEVEL,
      quotas: [{ band: TOP, maxUnits: 2 }],
      caps: [
        {
          unitId: "a",
          maxBand: "hoan_thanh",
          reason: "Người đứng đầu bị kỷ luật",
          documentNumber: "12/QĐ-UBND",
        },
      ],
    });
    expect(bands.get("a")).toEqual({
      band: "hoan_thanh",
      why: [
        { kind: "index", band: TOP },
        {
          kind: "override",
          source: "council",
          band: "hoan_thanh",
          reason: "Người đứng đầu bị kỷ luật",
          documentNumber: "12/QĐ-UBND",
        },
      ],
    });
    expect(["b", "c", "d"].map((id) => bands.get(id)!.band)).toEqual([TOP, TOP, GOOD]);
  });

  it("units not appraised (no rank) are not classified and take no seat; types are counted apart", () => {
    const units = [
      unit("a", 1, 9800, "tinh"),
      unit("b", null, null, "tinh"),
      unit("x", 1, 9900),
      unit("y", 2, 9900),
      unit("w", 3, 9900),
      unit("v", 4, 9900),
      unit("u", 5, 9900),
    ];
    const { bands } = classifyUnits(units, { bands: BANDS_NATIONAL_FOUR_LEVEL, quotas: [top20] });
    expect(bands.get("b")).toEqual({ band: null, why: [] });
    // 20 % of 1 ranked provincial agency is 0 seats; of 5 communes, 1.
    expect(bands.get("a")!.band).toBe(GOOD);
    expect(["x", "y", "w", "v", "u"].map((id) => bands.get(id)!.band)).toEqual([TOP, GOOD, GOOD, GOOD, GOOD]);
  });
});

// Arbitrary groups: many ties (indices drawn from a few values), ranks computed as competition ranks by index.
const groupArb = fc
  .array(
    fc.record({
      type: fc.constantFrom("tinh", "xa"),
      index: fc.option(fc.constantFrom(4000, 5500, 7500, 9000, 9300, 9600, 10000), { nil: null, freq: 8 }),
    }),
    { minLength: 0, maxLength: 40 },
  )
  .map((rows) => {
    const units = rows.map((r, i) => ({
      unitId: `u${String(i).padStart(2, "0")}`,
      unitType: r.type,
      index: r.index,
    }));
    return units.map((u): ClassifiableUnit => {
      const rank =
        u.index === null
          ? null
          : 1 +
            units.filter((o) => o.unitType === u.unitType && o.index !== null && o.index > u.index!).length;
      return { ...u, rank, areas: [] };
    });
  });
const quotasArb = fc.array(
  fc.record({
    band: fc.constantFrom(TOP, GOOD, "hoan_thanh"),
    maxPercent: fc.option(fc.integer({ min: 0, max: 10000 }), { nil: undefined }),
    maxUnits: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  }),
  { maxLength: 3 },
);

describe("quota properties", () => {
  it("never more than the quota in a band, per unit type", () => {
    fc.assert(
      fc.property(groupArb, quotasArb, (units, quotas) => {
        const { bands } = classifyUnits(units, { bands: BANDS_NATIONAL_FOUR_LEVEL, quotas });
        for (const type of ["tinh", "xa"]) {
          const ranked = units.filter((u) => u.unitType === type && u.rank !== null);
          for (const q of quotas) {
            // The first quota named for a band is the one that applies.
            if (quotas.find((o) => o.band === q.band) !== q) continue;
            const inBand = ranked.filter((u) => bands.get(u.unitId)!.band === q.band).length;
            if (inBand > quotaSeats(q, ranked.length)) return false;
          }
        }
        return true;
      }),
    );
  });

  it("the result does not depend on the order of the input, and the input is left as it was", () => {
    fc.assert(
      fc.property(groupArb, quotasArb, fc.integer(), (units, quotas, seed) => {
        const before = JSON.stringify(units);
        const shuffled = fc.sample(fc.shuffledSubarray(units, { minLength: units.length }), {
          seed,
          numRuns: 1,
        })[0];
        const a = classifyUnits(units, { bands: BANDS_NATIONAL_FOUR_LEVEL, quotas });
        const b = classifyUnits(shuffled, { bands: BANDS_NATIONAL_FOUR_LEVEL, quotas });
        const sorted = (m: typeof a.bands) =>
          JSON.stringify([...m.entries()].sort(([x], [y]) => (x < y ? -1 : 1)));
        return (
          sorted(a.bands) === sorted(b.bands) &&
          JSON.stringify(a.cuts) === JSON.stringify(b.cuts) &&
          JSON.stringify(units) === before
        );
      }),
    );
  });

  it("a quota keeps rank order: a better-ranked unit never ends in a worse band than one it outranks", () => {
    fc.assert(
      fc.property(groupArb, quotasArb, (units, quotas) => {
        const { bands } = classifyUnits(units, { bands: BANDS_NATIONAL_FOUR_LEVEL, quotas });
        const at = (code: string | null) => BANDS_NATIONAL_FOUR_LEVEL.findIndex((b) => b.code === code);
        for (const a of units)
          for (const b of units)
            if (a.unitType === b.unitType && a.rank !== null && b.rank !== null && a.rank < b.rank)
              if (at(bands.get(a.unitId)!.band) > at(bands.get(b.unitId)!.band)) return false;
        return true;
      }),
    );
  });

  it("with no quota and no cap, the bands are classify()'s", () => {
    fc.assert(
      fc.property(groupArb, (units) => {
        const { bands } = classifyUnits(units, { bands: BANDS_NATIONAL_FOUR_LEVEL });
        return units.every(
          (u) =>
            bands.get(u.unitId)!.band ===
            (u.rank === null ? null : classify(u, BANDS_NATIONAL_FOUR_LEVEL).band),
        );
      }),
    );
  });
});
