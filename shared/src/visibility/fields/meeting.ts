/** The visibility rule (docs/visibility.md): The meeting: its agenda, the council's live projection of a dossier, and frozen snapshots. */
import { same, type FieldTable } from "../rule";
import { council, listed, UNIT, prefix, nullable } from "./vocabulary";

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
