/** Why a unit has its band, from classifyUnits' reasons, and the footnote every screen and export prints. */
import { BANDS_2023, whyFootnote, whyOfReasons, type BandReason } from "@ca/shared";

const COUNCIL: BandReason = {
  kind: "override",
  source: "council",
  band: "tot",
  reason: "Người đứng đầu bị kỷ luật",
  documentNumber: "45/QĐ-UBND",
};

describe("whyOfReasons", () => {
  it("no band, no why; the index alone is basis index", () => {
    expect(whyOfReasons(null, [], BANDS_2023)).toBeNull();
    expect(whyOfReasons("tot", [{ kind: "index", band: "tot" }], BANDS_2023)).toEqual({
      basis: "index",
      bandByIndex: "tot",
      override: null,
      quota: null,
    });
  });

  it("the last reason settles the basis; the override and the first quota are both kept", () => {
    const why = whyOfReasons(
      "kha",
      [
        { kind: "index", band: "xuat_sac" },
        COUNCIL,
        { kind: "quota", band: "kha", from: "tot", seats: 2, tieAtCut: true },
      ],
      BANDS_2023,
    );
    expect(why).toEqual({
      basis: "quota",
      bandByIndex: "xuat_sac",
      override: {
        source: "council",
        reason: "Người đứng đầu bị kỷ luật",
        reasonEn: "Council decision: Người đứng đầu bị kỷ luật",
        documentNumber: "45/QĐ-UBND",
      },
      quota: { from: "tot", seats: 2, tieAtCut: true },
    });
    expect(whyFootnote(why, BANDS_2023, "vi")).toBe(
      'Hội đồng quyết định (45/QĐ-UBND): Người đứng đầu bị kỷ luật Đồng hạng tại ngưỡng hạn mức "Tốt" (2 suất): chờ Hội đồng quyết định.',
    );
  });

  it("a cascade keeps the band the unit first lost", () => {
    const why = whyOfReasons(
      "kha",
      [
        { kind: "index", band: "xuat_sac" },
        { kind: "quota", band: "tot", from: "xuat_sac", seats: 3, tieAtCut: false },
        { kind: "quota", band: "kha", from: "tot", seats: 1, tieAtCut: false },
      ],
      BANDS_2023,
    );
    expect(why!.quota).toEqual({ from: "xuat_sac", seats: 3, tieAtCut: false });
    expect(whyFootnote(why, BANDS_2023, "en")).toBe(
      'Over the "Excellent" quota (at most 3 units): moved down one level in rank order.',
    );
  });

  it("a band by index alone has no footnote", () => {
    expect(whyFootnote({ basis: "index", bandByIndex: "tot", override: null, quota: null }, BANDS_2023)).toBe(
      "",
    );
    expect(whyFootnote(null, BANDS_2023)).toBe("");
  });
});
