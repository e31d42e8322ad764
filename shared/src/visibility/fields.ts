/**
 * THE visibility rule (docs/visibility.md): for every field of every object the API, the exports and the live
 * events present about a dossier, which viewer class sees it at which dossier status. Presenters ask it
 * (`redact`, `visibleStages`, `audienceOf`); nothing else decides. The generated matrix
 * (tests/server/visibilityMatrix.test.ts) checks every response and event against these tables.
 */
import { rule, same, withOpts, type FieldRule, type FieldTable } from "./rule";

// The classes, grouped as the rule speaks of them.
const COUNCIL = { admin: true, leadership: true, chair: true, member: true, workingGroup: true } as const;
/** Every reader of the dossier: the council side (not recused) and the unit's own people. */
const readers = rule({ ...COUNCIL, ownAgency: true });
/** The council's internal work: every stage as written, internal notes, who wrote what. */
const council = rule(COUNCIL);
const councilOrNull = rule(COUNCIL, { hidden: "null" });
/** A round's scores reach the unit when the round is closed and released to it (docs/domain.md §2 steps 7–9). */
const released = (from: "round1_done" | "round2_done" | "agreed") => rule({ ...COUNCIL, ownAgency: from });
/** Identity and status of a dossier in lists the recused member also reads (ranking, agenda): never its figures. */
const listed = rule({ ...COUNCIL, recused: true });
/** Figures of the provisional ranking: the council; the recused member once published (then they are public). */
const figure = rule({ ...COUNCIL, recused: "published" }, { hidden: "null", nullable: true });
const rank = withOpts(figure, { peer: true });

const UNIT = ["unit.id", "unit.code", "unit.name", "unit.unitType"];
const TOTALS = [
  "total",
  "applicableMax",
  "index",
  "bonus",
  "penalty",
  "areas[].areaCode",
  "areas[].achieved",
  "areas[].applicableMax",
  "areas[].index",
];
const FILE = ["id", "name", "mime", "size", "purpose", "uploadedAt", "url"];
/** Why a unit has its band: the basis (index, quota, override), the band by index, and the override's reason. */
const WHY = [
  "why",
  "why.basis",
  "why.bandByIndex",
  "why.override",
  "why.override.source",
  "why.override.reason",
  "why.override.reasonEn",
  "why.override.documentNumber",
  "why.quota",
  "why.quota.from",
  "why.quota.seats",
  "why.quota.tieAtCut",
];
const STAGE = ["score", "confirmed", "at"];
const prefix = (p: string, paths: readonly string[]) => paths.map((x) => `${p}${x}`);
const nullable = (r: FieldRule) => withOpts(r, { nullable: true });

/** A stage of a leaf: its score, and on the council side its note and author (never the agency's to see). */
function stageFields(stage: string, r: FieldRule): Record<string, FieldRule> {
  return {
    [`leaves[].stages.${stage}`]: r,
    ...same(prefix(`leaves[].stages.${stage}.`, STAGE), r),
    // What the stage's points were derived from (docs/scoring-kinds.md): seen with the points, null on other kinds.
    [`leaves[].stages.${stage}.level`]: nullable(r),
    [`leaves[].stages.${stage}.figures`]: nullable(r),
    [`leaves[].stages.${stage}.note`]: councilOrNull,
    [`leaves[].stages.${stage}.by`]: withOpts(councilOrNull, { nullable: true }),
  };
}

const COMMENT = [
  "id",
  "code",
  "round",
  "kind",
  "body",
  "status",
  "answer",
  "proposedScore",
  "proposedLevel",
  "proposedFigures",
  "createdAt",
  "answeredAt",
];
const NULLABLE_COMMENT = new Set([
  "answer",
  "proposedScore",
  "proposedLevel",
  "proposedFigures",
  "answeredAt",
]);
function commentFields(p: string, kind: "request" | "internal", r: FieldRule): Record<string, FieldRule> {
  return {
    [`${p}[${kind}]`]: r,
    ...Object.fromEntries(
      COMMENT.map((f) => [`${p}[${kind}].${f}`, NULLABLE_COMMENT.has(f) ? nullable(r) : r]),
    ),
    // Which member wrote a comment is the council's business, even on a request the agency answers.
    [`${p}[${kind}].author`]: withOpts(councilOrNull, { nullable: true }),
  };
}

/** GET /api/dossiers/:id — the dossier with its leaves, stages, evidence, comments, totals and windows. */
export const DOSSIER: FieldTable = {
  name: "dossier",
  variants: { "leaves[].comments": (c: { kind: string }) => c.kind },
  records: ["windows"],
  fields: {
    ...same(
      [
        "id",
        "period.id",
        "period.code",
        "period.name",
        ...UNIT,
        "status",
        // A counter of every change: it moves when the council writes, but says nothing of what (docs/visibility.md).
        "version",
        "areas[].code",
        "areas[].title",
        "areas[].titleEn",
        "areas[].maxPoints",
        ...prefix("leaves[].", [
          "code",
          "areaCode",
          "title",
          "titleEn",
          "guidance",
          "maxPoints",
          "step",
          "method",
          "kind",
          "evidenceRequired",
          "applicable",
        ]),
        ...prefix("leaves[].evidence[].", FILE),
        ...prefix("selfTotals.", TOTALS),
        ...prefix("officialTotals.", TOTALS),
        ...prefix("reports[].", FILE),
        "windows.*.open",
        "windows.*.state",
        "windows.*.deadline",
      ],
      readers,
    ),
    "selfTotals.index": nullable(readers),
    "selfTotals.areas[].index": nullable(readers),
    "officialTotals.index": nullable(readers),
    "officialTotals.areas[].index": nullable(readers),
    // The leaf's scoring kind: its rubric or its rule, part of the index set every reader has.
    "leaves[].levels": nullable(readers),
    // Each level's fields by name: a field without a rule is left out by redact.
    "leaves[].levels[].code": nullable(readers),
    "leaves[].levels[].label": nullable(readers),
    "leaves[].levels[].labelEn": nullable(readers),
    "leaves[].levels[].description": nullable(readers),
    "leaves[].levels[].points": nullable(readers),
    "leaves[].rule": nullable(readers),
    "windows.*.extendedUntil": nullable(readers),
    "windows.*.startsAt": nullable(readers),
    // Computed from the stages the viewer sees (visibleStages), so it never runs ahead of them.
    "leaves[].official": nullable(readers),
    ...stageFields("self", readers),
    "leaves[].stages.self.note": readers,
    "leaves[].stages.self.by": nullable(readers),
    ...stageFields("round1", released("round1_done")),
    ...stageFields("round2", released("round2_done")),
    ...stageFields("agreed", released("agreed")),
    ...commentFields("leaves[].comments", "request", readers),
    ...commentFields("leaves[].comments", "internal", council),
  },
};

/** GET /api/periods/:id/dossiers — one row per dossier the caller reads. */
export const DOSSIER_SUMMARY: FieldTable = {
  name: "dossierSummary",
  fields: {
    ...same(["id", "periodId", ...UNIT, "status", "updatedAt"], readers),
    selfTotal: nullable(readers),
    // From the stages the viewer sees, like the dossier's official totals.
    officialTotal: nullable(readers),
  },
};

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
    ...same(["total", "index", "classification", ...WHY], figure),
    rank,
    rankBeforeMeeting: rank,
  },
};

/** GET /api/periods/:id/dashboard — one unit of the live dashboard (the ranking plus self totals and areas). */
export const DASHBOARD_UNIT: FieldTable = {
  name: "dashboardUnit",
  fields: {
    ...same(["dossierId", ...UNIT, "standing", "status", "hidden", "provisional"], listed),
    ...same(["total", "index", "classification", ...WHY, "selfTotal", "selfIndex"], figure),
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

const LEADER = [
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
const LEADER_FIGURES = ["areaIndex", "unitIndex", "index", "classification", "capped", "areasBelowHalf"];

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

/** One agenda item of GET /api/meetings/:id: every reader of the meeting, the recused member included. */
export const MEETING_AGENDA_ITEM: FieldTable = {
  name: "meetingAgendaItem",
  fields: same(
    [
      "position",
      "dossierId",
      ...UNIT,
      "status",
      "room",
      "recusedUserIds",
      "abilities.viewDocument",
      "abilities.editDocument",
      "abilities.lock",
    ],
    listed,
  ),
};

/** GET /api/meetings/:id/dossiers/:d/projection, and the snapshots: the council's live work on the dossier. */
export const PROJECTION: FieldTable = {
  name: "projection",
  fields: same(
    [
      "meetingId",
      "dossierId",
      ...prefix("leaves[].", [
        "code",
        "area",
        "title",
        "maxPoints",
        "step",
        "method",
        "kind",
        "levels",
        "levels[].code",
        "levels[].label",
        "levels[].labelEn",
        "levels[].description",
        "levels[].points",
        "rule",
        "stages.self",
        "stages.round1",
        "stages.proposed",
        "stages.round2",
        "stages.survey",
        "answers.self",
        "answers.self.level",
        "answers.self.figures",
        "answers.round1",
        "answers.round1.level",
        "answers.round1.figures",
        "answers.proposed",
        "answers.proposed.level",
        "answers.proposed.figures",
        "answers.round2",
        "answers.round2.level",
        "answers.round2.figures",
        "official",
        "adjustment",
        "adjustment.score",
        "adjustment.level",
        "adjustment.figures",
        "adjustment.by",
        "adjustment.byName",
        "adjustment.at",
        "valid",
        "reason",
        "locked",
        "agreed",
      ]),
      "official.total",
      "official.index",
      "provisional.total",
      "provisional.index",
      "provisional.classification",
    ],
    nullable(council),
  ),
};

export const SNAPSHOT: FieldTable = {
  name: "snapshot",
  records: ["notes"],
  fields: same(
    [
      "id",
      "label",
      "createdAt",
      "bytes",
      ...prefix("adjustments[].", ["code", "score", "level", "figures", "by", "byName", "at"]),
      "notes.*",
      "minutes",
    ],
    nullable(council),
  ),
};

/**
 * One row of a council agreement (GET /api/periods/:id/agreements): the council's decision on the ranking. For a
 * recused member the whole agreement of the conflicted unit's type is withheld until publication (its rows' ranks
 * and its minutes speak of that unit).
 */
export const AGREEMENT_ROW: FieldTable = {
  name: "agreementRow",
  fields: same(
    ["dossierId", ...UNIT, "standing", "rank", "total", "index", "classification", ...WHY],
    rule({ ...COUNCIL, recused: "published" }, { nullable: true }),
  ),
};

const PUBLISHED_FIELDS = [
  "rank",
  ...UNIT,
  "standing",
  ...WHY,
  "total",
  "max",
  "index",
  "classification",
  "classificationLabel",
  "classificationLabelEn",
  ...prefix("areas[].", ["code", "title", "achieved", "max", "index"]),
];

/**
 * A unit's row of the published results for signed-in readers (GET /api/periods/:id/results): once published; the
 * publication's stage then says from when each audience reads them (resultsPolicy `readPublished`).
 */
export const PUBLISHED_ROW: FieldTable = {
  name: "publishedRow",
  fields: same(
    PUBLISHED_FIELDS,
    rule(
      { ...COUNCIL, recused: "published", ownAgency: "published", otherAgency: "published" },
      { nullable: true },
    ),
  ),
};

/** The same row on the public route (GET /api/public/periods/:id/results), for everyone once published to the public. */
export const PUBLIC_ROW: FieldTable = {
  name: "publicRow",
  fields: same(
    PUBLISHED_FIELDS,
    rule(
      {
        ...COUNCIL,
        recused: "published",
        ownAgency: "published",
        otherAgency: "published",
        public: "published",
      },
      { nullable: true },
    ),
  ),
};

/** An in-app notification about a dossier (GET /api/notifications, e-mail): its unit's own people only. */
export const NOTIFICATION: FieldTable = {
  name: "notification",
  fields: same(
    [
      "id",
      "kind",
      "read",
      "createdAt",
      "payload.dossierId",
      "payload.requests",
      "payload.milestoneKey",
      "payload.until",
      "payload.message",
    ],
    rule({ ownAgency: true }),
  ),
};

/**
 * The live events that name a dossier (Socket.IO), one table each: a socket hears an event only when its viewer
 * class sees every field of it at the dossier's status, and `dossier:update` only when the viewer sees what
 * changed (`audienceOf`).
 */
export const LIVE_EVENTS: Readonly<Record<string, FieldTable>> = {
  "dossier:update": { name: "dossier:update", fields: same(["dossierId", "status", "version"], readers) },
  "comment:new:request": { name: "comment:new", fields: same(["dossierId", "commentId"], readers) },
  "comment:new:internal": { name: "comment:new", fields: same(["dossierId", "commentId"], council) },
  "comment:update": {
    name: "comment:update",
    fields: same(["dossierId", "commentId", "status"], readers),
  },
  "notification:new": {
    name: "notification:new",
    fields: same(["notificationId", "kind"], rule({ ownAgency: true })),
  },
  // The meeting room: its readers, the recused member included (they see the agenda and where the meeting is).
  "meeting:focus": {
    name: "meeting:focus",
    fields: same(["meetingId", "dossierId", "leafCode", "by", "at"], nullable(listed)),
  },
  // The council's live work on one dossier: never to a member recused on it.
  "meeting:projection": {
    name: "meeting:projection",
    fields: same(["meetingId", "dossierId", "at"], council),
  },
  "ranking:update": {
    name: "ranking:update",
    fields: {
      ...same(["periodId", "at"], listed),
      ...Object.fromEntries(Object.entries(RANKING_ROW.fields).map(([p, r]) => [`rows[].${p}`, r])),
    },
  },
};

/**
 * The period's exports (GET /api/periods/:id/exports/…): one row per dossier, every stage of every unit. Nobody
 * gets them row by row, so only the classes that see every column of every dossier at every status and can never
 * be recused download them: the admin and leadership (resultsPolicy `export`).
 */
export const EXPORTS: Readonly<Record<string, FieldTable>> = Object.fromEntries(
  Object.entries({
    "ranking.xlsx": [
      "auditHead",
      "rank",
      "unitCode",
      "unit",
      "total",
      "max",
      "index",
      "classification",
      "areas",
      "why",
    ],
    "matrix.xlsx": [
      "auditHead",
      "rank",
      "unitCode",
      "unit",
      "status",
      "total",
      "index",
      "leaf",
      "self",
      "round1",
      "round2",
      "agreed",
      "official",
      // Beside a kinded leaf's points: each stage's level or figures (docs/scoring-kinds.md).
      "answers",
    ],
    "report.docx": ["document"],
    "minutes.docx": ["document"],
    "responsibility.xlsx": [
      "auditHead",
      "unitRank",
      "unit",
      "unitIndex",
      "unitClassification",
      "leader",
      "position",
      "areas",
      "areaIndex",
      "index",
      "classification",
      "flags",
    ],
  }).map(([name, columns]) => [
    name,
    { name, fields: same(columns, rule({ admin: true, leadership: true })) } satisfies FieldTable,
  ]),
);

/** Every table of the rule, by name (for the generated tests and docs). */
export const VISIBILITY_TABLES: readonly FieldTable[] = [
  DOSSIER,
  DOSSIER_SUMMARY,
  RANKING_ROW,
  DASHBOARD_UNIT,
  PROGRESS_ROW,
  UNIT_RESPONSIBILITY,
  RESPONSIBILITY_ROW,
  MEETING_AGENDA_ITEM,
  PROJECTION,
  SNAPSHOT,
  AGREEMENT_ROW,
  PUBLISHED_ROW,
  PUBLIC_ROW,
  NOTIFICATION,
  ...Object.values(LIVE_EVENTS),
  ...Object.values(EXPORTS),
];
