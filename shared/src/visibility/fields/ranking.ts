/** The visibility rule (docs/visibility.md): Rankings, the dashboard, the admin's progress and the responsibility of heads and deputies. */
import { rule, same, withOpts, type FieldTable } from "../rule";
import { readers, council, listed, figure, rank, UNIT, WHY, prefix, nullable } from "./vocabulary";

/**
 * GET /api/periods/:id/ranking and the rows of `ranking:update`. A recused member sees the conflicted unit listed
 * without figures until publication, and no rank at all in its unit type: ranks around a hidden one give it away.
 */
export const RANKING_ROW: FieldTable = {
  name: "rankingRow",
  fields: {
    // `standing` says whether the row is ranked, unranked (nothing appraised yet) or hidden from this reader.
    ...same(["dossierId", ...UNIT, "standing", "provisional", "status"], listed),
    // Why the unit has its band (index, quota or override, with the override's reason): as secret as the band.
    // Whether the figures count a meeting's unlocked proposals: it says the total is moving, so as secret as it.
    ...same(["total", "index", "classification", ...WHY, "proposed"], figure),
    rank,
    rankBeforeMeeting: rank,
  },
};

/** GET /api/periods/:id/dashboard — one unit of the live dashboard (the ranking plus self totals and areas). */
export const DASHBOARD_UNIT: FieldTable = {
  name: "dashboardUnit",
  fields: {
    ...same(["dossierId", ...UNIT, "standing", "status", "hidden", "provisional"], listed),
    ...same(["total", "index", "classification", ...WHY, "proposed", "selfTotal", "selfIndex"], figure),
    rank,
    rankBeforeMeeting: rank,
    areas: withOpts(figure, { hidden: "omit" }),
    ...same(
      ["areas[].code", "areas[].achieved", "areas[].max", "areas[].index"],
      withOpts(figure, { hidden: "omit" }),
    ),
    // Last year's published result: public, so every dashboard reader sees it.
    previous: nullable(listed),
    ...same(
      ["previous.total", "previous.index", "previous.rank", "previous.classification"],
      nullable(listed),
    ),
  },
};

/** GET /api/periods/:id/progress — the admin's monitor. */
export const PROGRESS_ROW: FieldTable = {
  name: "progressRow",
  fields: same(
    [
      "dossierId",
      ...UNIT,
      "status",
      "unscored",
      "missingEvidence",
      "openRequests",
      "nextDeadline",
      "nextDeadline.key",
      "nextDeadline.deadline",
      "late",
    ],
    withOpts(rule({ admin: true }), { nullable: true }),
  ),
};

export const LEADER = [
  "leaderId",
  "fullName",
  "position",
  "title",
  "areaCodes",
  "areaIndex",
  "unitIndex",
  "index",
  "classification",
  "capped",
  "areasBelowHalf",
];
export const LEADER_FIGURES = [
  "areaIndex",
  "unitIndex",
  "index",
  "classification",
  "capped",
  "areasBelowHalf",
];

/**
 * The heads and deputies of one unit, GET /api/dossiers/:id/responsibility: the dossier's readers, with figures
 * computed from the stages they see (an agency's own, and the council's once released to it).
 */
export const UNIT_RESPONSIBILITY: FieldTable = {
  name: "unitResponsibility",
  fields: {
    ...same(["dossierId", ...UNIT, "status", "visible"], readers),
    ...same(["unitIndex", "unitClassification"], nullable(readers)),
    ...same(prefix("leaders[].", LEADER), nullable(readers)),
  },
};

/**
 * A unit's row of the period's heads-and-deputies report, GET /api/periods/:id/responsibility: the council side.
 * A member recused on the unit gets the names without figures, even once published — the leaders' results are not
 * part of the public results.
 */
export const RESPONSIBILITY_ROW: FieldTable = {
  name: "responsibilityRow",
  fields: {
    ...same(["dossierId", ...UNIT, "status", "visible"], listed),
    ...same(["unitIndex", "unitClassification"], withOpts(council, { hidden: "null", nullable: true })),
    ...same(prefix("leaders[].", LEADER), nullable(listed)),
    ...same(prefix("leaders[].", LEADER_FIGURES), withOpts(council, { hidden: "null", nullable: true })),
  },
};
