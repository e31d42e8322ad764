/**
 * The leadership dashboard's cards must not contradict themselves or flatter a unit the council has not appraised:
 * the "no band yet" row counts the units waiting for their appraisal (which the card's subtitle names), and the
 * self-versus-appraised gap is shown only once round 1 is closed (before, the total is the unit's own: a gap of
 * 0,00 read as "the council agreed"). Every standing × band and every dossier state is enumerated.
 */
import { DOSSIER_STATUSES } from "@ca/shared";
import { hasAppraisalGap, inBand } from "../../client/src/pages/dashboard/bands";

const STANDINGS = ["ranked", "unranked", "hidden"] as const;
const BANDS = ["xuat_sac", "tot", null] as const;

describe("the classification chart's rows", () => {
  it.each(STANDINGS.flatMap((standing) => BANDS.map((classification) => ({ standing, classification }))))(
    "%o is counted in exactly the row it belongs to",
    (u) => {
      const rows = ["xuat_sac", "tot", ""].filter((band) => inBand(u, band));
      if (u.standing === "hidden") expect(rows).toEqual([]);
      else if (u.standing === "unranked" || u.classification === null) expect(rows).toEqual([""]);
      else expect(rows).toEqual([u.classification]);
    },
  );
});

describe("the self-versus-appraised gap", () => {
  it.each([...DOSSIER_STATUSES])("is shown for a dossier %s only once round 1 is closed", (status) => {
    const shown = hasAppraisalGap({ status, selfTotal: 70, total: 65 });
    expect(shown).toBe(!["draft", "self_submitted"].includes(status));
  });

  it("is not shown without both totals", () => {
    expect(hasAppraisalGap({ status: "agreed", selfTotal: null, total: 65 })).toBe(false);
    expect(hasAppraisalGap({ status: "agreed", selfTotal: 70, total: null })).toBe(false);
  });
});
