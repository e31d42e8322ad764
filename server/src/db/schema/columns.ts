/** Column helpers shared by the tables: a uuid primary key, a creation stamp, a timestamp with time zone. */
import { timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () =>
  timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A required reference to another table's id; `onDelete` only where the row belongs to its parent. */
export const ref = (name: string, target: () => AnyPgColumn, onDelete?: "cascade" | "restrict") =>
  uuid(name)
    .notNull()
    .references(target, onDelete ? { onDelete } : undefined);
