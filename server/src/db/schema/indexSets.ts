/** Index sets, their item trees and which set a period applies to each unit type. */
import type { Level, QuantityRule } from "@ca/shared";
import { boolean, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ref } from "./columns";
import { periods } from "./periods";
import { unitTypes } from "./units";

export const indexSets = pgTable("index_sets", {
  id: id(),
  code: text("code").notNull(),
  name: text("name").notNull(),
  version: integer("version").notNull().default(1),
  unitTypeId: ref("unit_type_id", () => unitTypes.id),
  /** Caps in hundredths of a point, outside the 100 (docs/domain.md §3). */
  bonusCap: integer("bonus_cap").notNull().default(0),
  penaltyCap: integer("penalty_cap").notNull().default(0),
  createdAt: createdAt(),
});

/** The index tree. Points are integers in hundredths of a point, never floats (docs/domain.md §3). */
export const indexItems = pgTable(
  "index_items",
  {
    id: id(),
    indexSetId: ref("index_set_id", () => indexSets.id, "cascade"),
    parentId: uuid("parent_id"),
    code: text("code").notNull(),
    kind: text("kind", { enum: ["area", "criterion", "sub", "bonus", "penalty"] }).notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en").notNull().default(""),
    guidance: text("guidance").notNull().default(""),
    maxPoints: integer("max_points").notNull(),
    step: integer("step").notNull().default(25),
    method: text("method", { enum: ["self", "survey", "council"] })
      .notNull()
      .default("self"),
    evidenceRequired: boolean("evidence_required").notNull().default(true),
    sortOrder: integer("sort_order").notNull(),
    /**
     * How a leaf turns an answer into points (docs/scoring-kinds.md): a number, a level of its rubric, done or not,
     * or figures through its rule. `kind` above is the item's place in the tree; this is its scoring kind.
     */
    scoringKind: text("scoring_kind", { enum: ["points", "levels", "yesno", "quantity"] })
      .notNull()
      .default("points"),
    /** The rubric of a `levels` leaf (a `yesno` leaf may carry its own two): points in hundredths. */
    levels: jsonb("levels").$type<Level[]>(),
    /** The rule of a `quantity` leaf: thresholds in hundredths of a percent (rates) or of the value's unit. */
    quantityRule: jsonb("quantity_rule").$type<QuantityRule>(),
  },
  (t) => [uniqueIndex("index_items_set_code_idx").on(t.indexSetId, t.code)],
);

/** Which index set a period applies to each unit type. */
export const periodIndexSets = pgTable(
  "period_index_sets",
  {
    periodId: ref("period_id", () => periods.id, "cascade"),
    unitTypeId: ref("unit_type_id", () => unitTypes.id),
    indexSetId: ref("index_set_id", () => indexSets.id),
  },
  (t) => [uniqueIndex("period_index_sets_idx").on(t.periodId, t.unitTypeId)],
);
