/** The visibility rule (docs/visibility.md): Agreed and published results, the public page, and notifications. */
import { rule, same, type FieldTable } from "../rule";
import { COUNCIL, UNIT, WHY, prefix } from "./vocabulary";

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

export const PUBLISHED_FIELDS = [
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
  ...prefix("areas[].", ["code", "title", "titleEn", "achieved", "max", "index"]),
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
