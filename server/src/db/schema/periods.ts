/** Appraisal periods and their milestones. */
import { integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, tstz } from "./columns";

export const periods = pgTable("periods", {
  id: id(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  year: integer("year").notNull(),
  kind: text("kind", { enum: ["official", "training"] }).notNull(),
  timezone: text("timezone").notNull().default("Asia/Ho_Chi_Minh"),
  status: text("status", { enum: ["active", "archived"] })
    .notNull()
    .default("active"),
  /** Classification bands, tie-break order and responsibility rules, configured per period (docs/domain.md §3). */
  rules: jsonb("rules").notNull(),
  createdAt: createdAt(),
});

export const milestones = pgTable(
  "milestones",
  {
    id: id(),
    periodId: ref("period_id", () => periods.id, "cascade"),
    key: text("key").notNull(),
    label: text("label").notNull(),
    labelEn: text("label_en").notNull(),
    startsAt: tstz("starts_at"),
    deadline: tstz("deadline").notNull(),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [uniqueIndex("milestones_period_key_idx").on(t.periodId, t.key)],
);
