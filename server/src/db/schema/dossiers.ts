/** Dossiers, per-unit extensions of their windows, and what they hold: scores at every stage, non-applicable leaves, evidence files, comments. */
import type { Figures } from "@ca/shared";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ref, tstz } from "./columns";
import { users } from "./accounts";
import { indexItems } from "./indexSets";
import { periods } from "./periods";
import { units } from "./units";

/** One unit's file for one period (docs/domain.md §2). */
export const dossiers = pgTable(
  "dossiers",
  {
    id: id(),
    periodId: ref("period_id", () => periods.id, "cascade"),
    unitId: ref("unit_id", () => units.id),
    status: text("status").notNull().default("draft"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("dossiers_period_unit_idx").on(t.periodId, t.unitId)],
);

/**
 * The score of one leaf of one dossier at one stage (docs/domain.md §3: self → round1 → round2 → agreed). Round scores
 * written by the working group are drafts until a council member confirms them.
 */
export const scores = pgTable(
  "scores",
  {
    id: id(),
    dossierId: ref("dossier_id", () => dossiers.id, "cascade"),
    itemId: ref("item_id", () => indexItems.id),
    // "survey": the locked survey points of a survey leaf (issue 5), written by lockSurveyResults.
    stage: text("stage", { enum: ["self", "round1", "round2", "agreed", "survey"] }).notNull(),
    /** Hundredths of a point: given (`points` leaves) or derived on the server from the level or the figures. */
    score: integer("score").notNull(),
    /** The level chosen, on a `levels` or `yesno` leaf. */
    level: text("level"),
    /** The figures reported or appraised, on a `quantity` leaf (hundredths of their unit). */
    figures: jsonb("figures").$type<Figures>(),
    note: text("note").notNull().default(""),
    confirmed: boolean("confirmed").notNull().default(true),
    authorId: uuid("author_id").references(() => users.id),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("scores_dossier_item_stage_idx").on(t.dossierId, t.itemId, t.stage)],
);

/** Leaves that do not apply to a unit: the applicable maximum shrinks by theirs (docs/domain.md §3). */
export const notApplicable = pgTable(
  "not_applicable",
  {
    dossierId: ref("dossier_id", () => dossiers.id, "cascade"),
    itemId: ref("item_id", () => indexItems.id),
    reason: text("reason").notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("not_applicable_idx").on(t.dossierId, t.itemId)],
);

/**
 * Uploaded files: evidence for a leaf (self-assessment or explanation) and signed reports. The bytes live on disk
 * under their SHA-256, outside the web root; this row is what makes them reachable, and only through `can()`.
 */
export const files = pgTable(
  "files",
  {
    id: id(),
    dossierId: ref("dossier_id", () => dossiers.id, "cascade"),
    itemId: uuid("item_id").references(() => indexItems.id),
    purpose: text("purpose", {
      enum: ["evidence", "explanation_evidence", "signed_self_report", "signed_explanation_report"],
    }).notNull(),
    sha256: text("sha256").notNull(),
    originalName: text("original_name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
    deletedAt: tstz("deleted_at"),
  },
  (t) => [index("files_dossier_idx").on(t.dossierId)],
);

/**
 * The council's comments on a leaf. `kind` internal = council-only note; request = a formal request for
 * explanation (giải trình) that the agency sees and answers; states open → answered → resolved.
 */
export const comments = pgTable(
  "comments",
  {
    id: id(),
    dossierId: ref("dossier_id", () => dossiers.id, "cascade"),
    itemId: ref("item_id", () => indexItems.id),
    round: integer("round").notNull(),
    kind: text("kind", { enum: ["internal", "request"] }).notNull(),
    body: text("body").notNull(),
    authorId: uuid("author_id").references(() => users.id),
    status: text("status", { enum: ["open", "answered", "resolved"] })
      .notNull()
      .default("open"),
    answer: text("answer"),
    /** The agency's proposed revised score, hundredths of a point (derived from a proposed level or figures). */
    proposedScore: integer("proposed_score"),
    /** The level the agency proposes instead, on a `levels` or `yesno` leaf. */
    proposedLevel: text("proposed_level"),
    /** The figures the agency proposes instead, on a `quantity` leaf. */
    proposedFigures: jsonb("proposed_figures").$type<Figures>(),
    answeredBy: uuid("answered_by").references(() => users.id),
    answeredAt: tstz("answered_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolvedAt: tstz("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [index("comments_dossier_idx").on(t.dossierId)],
);

/** The admin's extension of one unit's window for one milestone (reason required, audited). */
export const extensions = pgTable(
  "extensions",
  {
    id: id(),
    dossierId: ref("dossier_id", () => dossiers.id, "cascade"),
    milestoneKey: text("milestone_key").notNull(),
    until: tstz("until").notNull(),
    reason: text("reason").notNull(),
    grantedBy: uuid("granted_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("extensions_dossier_idx").on(t.dossierId, t.milestoneKey)],
);
