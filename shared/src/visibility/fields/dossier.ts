/** The visibility rule (docs/visibility.md): The dossier as its readers get it, in full and as a list row. */
import { same, type FieldTable } from "../rule";
import {
  readers,
  council,
  released,
  UNIT,
  TOTALS,
  FILE,
  prefix,
  nullable,
  stageFields,
  commentFields,
} from "./vocabulary";

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
