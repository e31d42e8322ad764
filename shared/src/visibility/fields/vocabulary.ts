/** The visibility rule (docs/visibility.md): The viewer classes grouped as the rule speaks of them, and the field paths several tables share. */
import { rule, same, withOpts, type FieldRule } from "../rule";

// The classes, grouped as the rule speaks of them.
export const COUNCIL = {
  admin: true,
  leadership: true,
  chair: true,
  member: true,
  workingGroup: true,
} as const;
/** Every reader of the dossier: the council side (not recused) and the unit's own people. */
export const readers = rule({ ...COUNCIL, ownAgency: true });
/** The council's internal work: every stage as written, internal notes, who wrote what. */
export const council = rule(COUNCIL);
export const councilOrNull = rule(COUNCIL, { hidden: "null" });
/** A round's scores reach the unit when the round is closed and released to it (docs/domain.md §2 steps 7–9). */
export const released = (from: "round1_done" | "round2_done" | "agreed") =>
  rule({ ...COUNCIL, ownAgency: from });
/** Identity and status of a dossier in lists the recused member also reads (ranking, agenda): never its figures. */
export const listed = rule({ ...COUNCIL, recused: true });
/** Figures of the provisional ranking: the council; the recused member once published (then they are public). */
export const figure = rule({ ...COUNCIL, recused: "published" }, { hidden: "null", nullable: true });
export const rank = withOpts(figure, { peer: true });

export const UNIT = ["unit.id", "unit.code", "unit.name", "unit.unitType"];
export const TOTALS = [
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
export const FILE = ["id", "name", "mime", "size", "purpose", "uploadedAt", "url"];
/** Why a unit has its band: the basis (index, quota, override), the band by index, and the override's reason. */
export const WHY = [
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
export const STAGE = ["score", "confirmed", "at"];
export const prefix = (p: string, paths: readonly string[]) => paths.map((x) => `${p}${x}`);
export const nullable = (r: FieldRule) => withOpts(r, { nullable: true });

/** A stage of a leaf: its score, and on the council side its note and author (never the agency's to see). */
export function stageFields(stage: string, r: FieldRule): Record<string, FieldRule> {
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

export const COMMENT = [
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
export const NULLABLE_COMMENT = new Set([
  "answer",
  "proposedScore",
  "proposedLevel",
  "proposedFigures",
  "answeredAt",
]);
export function commentFields(
  p: string,
  kind: "request" | "internal",
  r: FieldRule,
): Record<string, FieldRule> {
  return {
    [`${p}[${kind}]`]: r,
    ...Object.fromEntries(
      COMMENT.map((f) => [`${p}[${kind}].${f}`, NULLABLE_COMMENT.has(f) ? nullable(r) : r]),
    ),
    // Which member wrote a comment is the council's business, even on a request the agency answers.
    [`${p}[${kind}].author`]: withOpts(councilOrNull, { nullable: true }),
  };
}
