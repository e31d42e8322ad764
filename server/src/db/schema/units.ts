/** Appraised units, their types, heads and deputies. */
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, ref } from "./columns";

/** Kinds of appraised unit; data, not code (docs/domain.md §3: communes can be appraised just as well). */
export const unitTypes = pgTable("unit_types", {
  id: id(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const units = pgTable(
  "units",
  {
    id: id(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    unitTypeId: ref("unit_type_id", () => unitTypes.id),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    /** Codes of the units this one replaced (communes merged into it), so last year's results can be followed. */
    predecessorCodes: text("predecessor_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [index("units_type_idx").on(t.unitTypeId)],
);

/** The head and deputies of a unit, with the index areas each deputy is in charge of (docs/domain.md §3). */
export const unitLeaders = pgTable("unit_leaders", {
  id: id(),
  unitId: ref("unit_id", () => units.id, "cascade"),
  fullName: text("full_name").notNull(),
  position: text("position", { enum: ["head", "deputy"] }).notNull(),
  title: text("title").notNull(),
  areaCodes: text("area_codes")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
});
