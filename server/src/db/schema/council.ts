/** The council: members, conflicts, agreements, classification decisions and publications. */
import { sql } from "drizzle-orm";
import { jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, ref, tstz } from "./columns";
import { users } from "./accounts";
import { periods } from "./periods";
import { unitTypes, units } from "./units";

/** The appraisal council of a period: chair, members and working group, with assigned areas. */
export const councilMembers = pgTable(
  "council_members",
  {
    id: id(),
    periodId: ref("period_id", () => periods.id, "cascade"),
    userId: ref("user_id", () => users.id),
    role: text("role", { enum: ["chair", "member", "working_group"] }).notNull(),
    /** Area codes (e.g. "5" public finance) the member appraises, in every index set of the period. */
    areaCodes: text("area_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex("council_members_idx").on(t.periodId, t.userId)],
);

/** Declared conflicts of interest: the member is recused on that unit's dossier (docs/domain.md §1). */
export const conflicts = pgTable(
  "conflicts",
  {
    id: id(),
    periodId: ref("period_id", () => periods.id, "cascade"),
    userId: ref("user_id", () => users.id),
    unitId: ref("unit_id", () => units.id),
    reason: text("reason").notNull(),
  },
  (t) => [uniqueIndex("conflicts_idx").on(t.periodId, t.userId, t.unitId)],
);

/**
 * The council's agreement on the whole ranking of one unit type in a period (step 9's result, sent to UBND tỉnh):
 * the ranking frozen as agreed, with the minutes. One per unit type per period.
 */
export const councilAgreements = pgTable(
  "council_agreements",
  {
    id: id(),
    periodId: ref("period_id", () => periods.id, "cascade"),
    unitTypeId: ref("unit_type_id", () => unitTypes.id),
    minutes: text("minutes").notNull(),
    ranking: jsonb("ranking").notNull(),
    agreedBy: ref("agreed_by", () => users.id),
    agreedAt: tstz("agreed_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("council_agreements_period_type_idx").on(t.periodId, t.unitTypeId)],
);

/**
 * The publication (công bố) of a period's agreed results, staged (docs/domain.md §2 step 10): to leadership first, then to
 * the appraised units, then to the public. The results are frozen at the first step, so every audience, the
 * report and the public page read the very same figures, whatever happens to the working data afterwards.
 */
export const resultPublications = pgTable("result_publications", {
  periodId: uuid("period_id")
    .primaryKey()
    .references(() => periods.id, { onDelete: "cascade" }),
  stage: text("stage", { enum: ["leadership", "units", "public"] }).notNull(),
  /** The published results (TPublishedResults in shared/src/schemas/results.ts): ranking and score cards. */
  results: jsonb("results").notNull(),
  /** Số ký hiệu of the report to UBND tỉnh, e.g. "125/BC-SNV". */
  documentNumber: text("document_number").notNull(),
  leadershipAt: tstz("leadership_at").notNull(),
  unitsAt: tstz("units_at"),
  publicAt: tstz("public_at"),
  publishedBy: ref("published_by", () => users.id),
});

/**
 * The council's decision that a unit may be rated no higher than `maxBand` in a period (a disqualifying fact, such
 * as the head disciplined this year), recorded by the chair with its reason and document number, audited, and
 * footnoted wherever the band is shown (docs/periods-and-classification.md). One per unit and period.
 */
export const councilBandCaps = pgTable(
  "council_band_caps",
  {
    id: id(),
    periodId: ref("period_id", () => periods.id, "cascade"),
    unitId: ref("unit_id", () => units.id),
    maxBand: text("max_band").notNull(),
    reason: text("reason").notNull(),
    documentNumber: text("document_number").notNull(),
    recordedBy: ref("recorded_by", () => users.id),
    recordedAt: tstz("recorded_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("council_band_caps_idx").on(t.periodId, t.unitId)],
);

/**
 * The council's choice of which units of a tie straddling a band quota's cut keep the band (the tie-breaks could not
 * separate them). Valid only while the same tie stands; otherwise the ranking shows the cut as undecided again.
 */
export const quotaTieDecisions = pgTable(
  "quota_tie_decisions",
  {
    id: id(),
    periodId: ref("period_id", () => periods.id, "cascade"),
    unitTypeId: ref("unit_type_id", () => unitTypes.id),
    band: text("band").notNull(),
    unitIds: uuid("unit_ids").array().notNull(),
    reason: text("reason").notNull(),
    documentNumber: text("document_number").notNull(),
    decidedBy: ref("decided_by", () => users.id),
    decidedAt: tstz("decided_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("quota_tie_decisions_idx").on(t.periodId, t.unitTypeId, t.band)],
);
