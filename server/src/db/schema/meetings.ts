/** Council meetings, their agendas and the Yjs documents' persistence. */
import {
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, ref, tstz } from "./columns";
import { users } from "./accounts";
import { dossiers } from "./dossiers";
import { periods } from "./periods";

/**
 * Yjs documents hold binary state; drizzle-orm 0.45 has no bytea column, so this one maps it to Uint8Array
 * (PGlite returns Uint8Array, node-postgres a Buffer, which is one).
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** The council meeting of step 9 (docs/domain.md §2, §4): an ordered agenda of dossiers, planned → running → ended. */
export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    periodId: ref("period_id", () => periods.id, "cascade"),
    title: text("title").notNull(),
    startsAt: tstz("starts_at").notNull(),
    status: text("status", { enum: ["planned", "running", "ended"] })
      .notNull()
      .default("planned"),
    createdBy: uuid("created_by").references(() => users.id),
    startedAt: tstz("started_at"),
    endedAt: tstz("ended_at"),
    /** The meeting tracker: where the chair is (dossier, leaf), so late joiners start there. */
    focus: jsonb("focus").$type<{ dossierId: string; leafCode: string | null; by: string; at: string }>(),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_period_idx").on(t.periodId, t.startsAt)],
);

/** The dossiers a meeting discusses, in order; each has its own Yjs document in that meeting. */
export const meetingAgenda = pgTable(
  "meeting_agenda",
  {
    meetingId: ref("meeting_id", () => meetings.id, "cascade"),
    dossierId: ref("dossier_id", () => dossiers.id, "cascade"),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.dossierId] }),
    uniqueIndex("meeting_agenda_position_idx").on(t.meetingId, t.position),
  ],
);

/**
 * Yjs updates as they arrive (append-only, one row per accepted batch), merged into `collab_docs` by compaction.
 * A document's content is its `collab_docs.state` plus every row here with its name.
 */
export const collabUpdates = pgTable(
  "collab_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    docName: text("doc_name").notNull(),
    update: bytea("update").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("collab_updates_doc_idx").on(t.docName, t.id)],
);

/** The compacted state of each Yjs document (one row per document). */
export const collabDocs = pgTable("collab_docs", {
  docName: text("doc_name").primaryKey(),
  state: bytea("state").notNull(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/** A document's state frozen at a meeting milestone (start, each lock, end), viewable read-only later. */
export const collabSnapshots = pgTable(
  "collab_snapshots",
  {
    id: id(),
    docName: text("doc_name").notNull(),
    label: text("label").notNull(),
    state: bytea("state").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("collab_snapshots_doc_idx").on(t.docName, t.createdAt)],
);
