/** Issue 14 point 5: people land on the period where a working window is open now, not on a closed year. */
import type { TPeriod } from "@ca/shared";
import { pickDefaultPeriod } from "../../client/src/period/defaultPeriod";

const NOW = new Date("2026-12-06T10:00:00Z");
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString();
function period(
  id: string,
  kind: TPeriod["kind"],
  year: number,
  windows: [string, number, number][],
): TPeriod {
  return {
    id,
    kind,
    year,
    status: "active",
    milestones: windows.map(([key, from, to], order) => ({
      key,
      label: key,
      labelEn: key,
      startsAt: day(from),
      deadline: day(to),
      order,
    })),
  } as unknown as TPeriod;
}

describe("the period someone lands on", () => {
  const closed2023 = period("2023", "official", 2023, [["self_assessment", -1100, -1090]]);
  const training = period("training", "training", 2026, [
    ["self_assessment", -7, 21],
    ["round1", 22, 27],
  ]);

  it("is the training period when only it has a window open now, not the closed 2023", () => {
    expect(pickDefaultPeriod([closed2023, training], null, NOW)).toBe("training");
  });

  it("prefers an official period with an open window over a training one", () => {
    const official = period("2026", "official", 2026, [["round1", -2, 5]]);
    expect(pickDefaultPeriod([closed2023, training, official], null, NOW)).toBe("2026");
  });

  it("keeps a remembered choice, and falls back to the newest official period when nothing is open", () => {
    expect(pickDefaultPeriod([closed2023, training], "2023", NOW)).toBe("2023");
    const upcoming = period("2027", "official", 2027, [["self_assessment", 30, 60]]);
    expect(pickDefaultPeriod([closed2023, upcoming], null, NOW)).toBe("2027");
    // Only preparatory steps open: nobody has a dossier step to do there yet.
    const preparing = period("prep", "training", 2026, [["plan", -1, 3]]);
    expect(pickDefaultPeriod([closed2023, preparing], null, NOW)).toBe("2023");
  });
});
