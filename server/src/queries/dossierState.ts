import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { unitDeadline, type DossierStatus } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";
import { notFound } from "../http/errors";
import { loadDossier } from "./dossiers";

export type ItemRow = typeof t.indexItems.$inferSelect;
export type ScoreRow = typeof t.scores.$inferSelect;
export type FileRow = typeof t.files.$inferSelect;
export type CommentRow = typeof t.comments.$inferSelect;

/**
 * Everything about one dossier that commands and presenters read: its index set, scores of every stage,
 * not-applicable leaves, files, comments, milestones and extensions. One load, then pure functions.
 */
export async function loadDossierState(db: DbOrTx, dossierId: string) {
  const { row, resource } = await loadDossier(db, dossierId);
  const [period] = await db.select().from(t.periods).where(eq(t.periods.id, row.periodId));
  const [unit] = await db.select().from(t.units).where(eq(t.units.id, row.unitId));
  const [link] = await db
    .select()
    .from(t.periodIndexSets)
    .where(
      and(eq(t.periodIndexSets.periodId, row.periodId), eq(t.periodIndexSets.unitTypeId, unit.unitTypeId)),
    );
  if (!link) throw notFound({ reason: "no index set for this unit type in the period" });
  // One query after another: inside a transaction they share one connection, which runs one query at a time
  // (node-postgres deprecates queuing them concurrently); on the pool they would each take a connection.
  const [set] = await db.select().from(t.indexSets).where(eq(t.indexSets.id, link.indexSetId));
  const items = await db
    .select()
    .from(t.indexItems)
    .where(eq(t.indexItems.indexSetId, link.indexSetId))
    .orderBy(asc(t.indexItems.sortOrder));
  const scores = await db.select().from(t.scores).where(eq(t.scores.dossierId, dossierId));
  const na = await db.select().from(t.notApplicable).where(eq(t.notApplicable.dossierId, dossierId));
  const files = await db
    .select()
    .from(t.files)
    .where(and(eq(t.files.dossierId, dossierId), isNull(t.files.deletedAt)))
    .orderBy(asc(t.files.createdAt));
  const comments = await db
    .select()
    .from(t.comments)
    .where(eq(t.comments.dossierId, dossierId))
    .orderBy(asc(t.comments.createdAt));
  const milestones = await db.select().from(t.milestones).where(eq(t.milestones.periodId, row.periodId));
  const extensions = await db
    .select()
    .from(t.extensions)
    .where(eq(t.extensions.dossierId, dossierId))
    .orderBy(desc(t.extensions.until));
  const names = await db
    .select({ id: t.users.id, username: t.users.username, fullName: t.users.fullName })
    .from(t.users);
  const parentIds = new Set(items.map((i) => i.parentId).filter(Boolean));
  return {
    dossier: row,
    resource,
    status: row.status as DossierStatus,
    period,
    unit,
    indexSet: set,
    items,
    /** Scorable leaves: items without children, groups B and P excluded (their children are the leaves). */
    leaves: items.filter((i) => !parentIds.has(i.id) && i.code !== "B" && i.code !== "P"),
    scores,
    notApplicable: new Set(na.map((n) => n.itemId)),
    files,
    comments,
    milestones,
    extensions,
    userName: new Map(names.map((u) => [u.id, u.fullName])),
  };
}

export type DossierState = Awaited<ReturnType<typeof loadDossierState>>;

/** What a window check reads: the milestones and the dossier's extensions (latest first). */
export interface WindowState {
  milestones: readonly Pick<DossierState["milestones"][number], "key" | "startsAt" | "deadline">[];
  extensions: readonly Pick<DossierState["extensions"][number], "milestoneKey" | "until">[];
}

/** A leaf by its code, or 404. */
export function leafByCode(state: DossierState, code: string): ItemRow {
  const leaf = state.leaves.find((l) => l.code === code);
  if (!leaf) throw notFound({ code });
  return leaf;
}

/**
 * The window of a milestone for this dossier: when it opens, its deadline for the unit (`end`: pushed back by an
 * extension, the shared rule `unitDeadline`), and whether `now` is before it (`upcoming`), in it, or after it
 * (`closed`). No such milestone: upcoming, with no date (the timeline does not have the step yet).
 */
export function windowOf(state: WindowState, key: string, now = new Date()) {
  const milestone = state.milestones.find((m) => m.key === key);
  if (!milestone)
    return {
      open: false,
      state: "upcoming" as const,
      startsAt: null,
      deadline: null,
      end: null,
      extendedUntil: null,
    };
  const { deadline: end, extendedFrom } = unitDeadline(milestone, state.extensions);
  const started = !milestone.startsAt || now >= milestone.startsAt;
  const open = started && now < end;
  return {
    open,
    state: open ? ("open" as const) : started ? ("closed" as const) : ("upcoming" as const),
    startsAt: milestone.startsAt,
    deadline: milestone.deadline,
    end,
    /** The unit's own deadline when an extension pushed the milestone's back, else null. */
    extendedUntil: extendedFrom ? end : null,
  };
}
