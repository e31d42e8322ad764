import { sql } from "drizzle-orm";
import { auditRows, type AuditEntry } from "../audit/appendAudit";
import type { DbOrTx } from "../db/client";
import { reusedCommand } from "../db/reusedQuery";
import type { scores } from "../db/schema";

/** One leaf's score at one stage, as a command writes it. */
export interface StageScoreWrite {
  dossierId: string;
  itemId: string;
  stage: "self" | "round1" | "round2";
  /** Hundredths of a point, with the level or figures they were derived from. */
  record: Pick<typeof scores.$inferInsert, "score" | "level" | "figures">;
  note: string;
  /** Left as it is on an existing row (and true on a new one) when not given. */
  confirmed?: boolean;
  authorId: string;
  now: Date;
}

const p = (name: string) => sql.placeholder(name);
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Writes one stage score (insert or update of its row) and appends its audit row, in one statement (the write in a
 * WITH, which PostgreSQL runs although nothing reads it). Written as SQL and built once (db/reusedQuery.ts): drizzle
 * built the update or insert and the audit insert on every official write (docs/performance.md, P7). Run it
 * under the dossier's lock (queries/scoreWriteState.ts), which orders the writers of one dossier: the upsert then
 * only saves a branch, it never decides a race.
 */
export async function writeStageScoreAudited(tx: DbOrTx, w: StageScoreWrite, entry: AuditEntry) {
  const [row] = auditRows(entry);
  await writeWithAudit(tx, {
    dossierId: w.dossierId,
    itemId: w.itemId,
    stage: w.stage,
    score: w.record.score,
    level: w.record.level ?? null,
    figures: json(w.record.figures),
    note: w.note,
    confirmed: w.confirmed ?? null,
    authorId: w.authorId,
    now: w.now.toISOString(),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    oldValue: json(row.oldValue),
    newValue: json(row.newValue),
    reason: row.reason,
  });
}

// Text parameters cast where PostgreSQL could not infer their type (jsonb, the optional flag).
const writeWithAudit = reusedCommand(
  "write_stage_score_audited",
  () => sql`with written as (
    insert into scores (dossier_id, item_id, stage, score, level, figures, note, confirmed, author_id, updated_at)
    values (${p("dossierId")}, ${p("itemId")}, ${p("stage")}, ${p("score")}, ${p("level")},
      ${p("figures")}::jsonb, ${p("note")}, coalesce(${p("confirmed")}::boolean, true), ${p("authorId")},
      ${p("now")}::timestamptz)
    on conflict (dossier_id, item_id, stage) do update set score = excluded.score, level = excluded.level,
      figures = excluded.figures, note = excluded.note,
      confirmed = coalesce(${p("confirmed")}::boolean, scores.confirmed),
      author_id = excluded.author_id, updated_at = excluded.updated_at
  )
  insert into audit_log (at, actor_id, actor_name, action, entity, entity_id, old_value, new_value, reason)
  values (${p("at")}::timestamptz, ${p("actorId")}, ${p("actorName")}, ${p("action")}, ${p("entity")},
    ${p("entityId")}, ${p("oldValue")}::jsonb, ${p("newValue")}::jsonb, ${p("reason")})`,
);
