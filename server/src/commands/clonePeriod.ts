import { eq } from "drizzle-orm";
import type { TPeriodClone } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db, DbOrTx } from "../db/client";
import { copyIndexSet } from "../db/insertIndexTree";
import * as t from "../db/schema";
import { conflict, notFound } from "../http/errors";

/** The same wall-clock instant `years` later (29 February falls back to 28). */
export function shiftYears(d: Date, years: number): Date {
  const out = new Date(d.getTime());
  out.setUTCFullYear(d.getUTCFullYear() + years);
  if (out.getUTCMonth() !== d.getUTCMonth()) out.setUTCDate(0);
  return out;
}

/**
 * Starts next year's period from this one (docs/api.md, "next year"): a copy of each unit type's index set, rules and
 * council (seats, areas, declared conflicts), the timeline moved by a year, and a draft dossier for every active
 * unit of a unit type the period appraises. The source may be archived: it is only read. One transaction, audited.
 */
export async function clonePeriod({
  db,
  actor,
  periodId,
  input,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  input: TPeriodClone;
}) {
  return db.transaction((tx) => clonePeriodIn(tx, { actor, periodId, input }));
}

/** `clonePeriod` inside the caller's transaction (a period made from last year's applies its unit mapping first). */
export async function clonePeriodIn(
  tx: DbOrTx,
  {
    actor,
    periodId,
    input,
  }: { actor: { id: string; username: string }; periodId: string; input: TPeriodClone },
) {
  const years = input.years ?? 1;
  {
    const [source] = await tx.select().from(t.periods).where(eq(t.periods.id, periodId));
    if (!source) throw notFound();
    const [taken] = await tx
      .select({ id: t.periods.id })
      .from(t.periods)
      .where(eq(t.periods.code, input.code));
    if (taken)
      throw conflict(
        { code: input.code },
        { vi: `Mã kỳ "${input.code}" đã được dùng.`, en: `The period code "${input.code}" is taken.` },
      );
    const [period] = await tx
      .insert(t.periods)
      .values({
        code: input.code,
        name: input.name,
        year: source.year + years,
        kind: input.kind ?? "official",
        timezone: source.timezone,
        rules: source.rules,
      })
      .returning();
    // One after another: the transaction's one connection runs one query at a time.
    const milestones = await tx.select().from(t.milestones).where(eq(t.milestones.periodId, periodId));
    const links = await tx.select().from(t.periodIndexSets).where(eq(t.periodIndexSets.periodId, periodId));
    const seats = await tx.select().from(t.councilMembers).where(eq(t.councilMembers.periodId, periodId));
    const conflicts = await tx.select().from(t.conflicts).where(eq(t.conflicts.periodId, periodId));
    const units = await tx.select().from(t.units).where(eq(t.units.active, true));
    if (milestones.length)
      await tx.insert(t.milestones).values(
        milestones.map((m) => ({
          periodId: period.id,
          key: m.key,
          label: m.label,
          labelEn: m.labelEn,
          startsAt: m.startsAt ? shiftYears(m.startsAt, years) : null,
          deadline: shiftYears(m.deadline, years),
          sortOrder: m.sortOrder,
        })),
      );
    // Each unit type's index set is copied (the next version of its code): editing this year's never edits last year's.
    const copies: string[] = [];
    for (const l of links) {
      const copy = await copyIndexSet(tx, l.indexSetId);
      copies.push(`${copy.code} v${copy.version}`);
      await tx
        .insert(t.periodIndexSets)
        .values({ periodId: period.id, unitTypeId: l.unitTypeId, indexSetId: copy.id });
    }
    if (seats.length)
      await tx
        .insert(t.councilMembers)
        .values(
          seats.map((s) => ({ periodId: period.id, userId: s.userId, role: s.role, areaCodes: s.areaCodes })),
        );
    if (conflicts.length)
      await tx.insert(t.conflicts).values(
        conflicts.map((c) => ({
          periodId: period.id,
          userId: c.userId,
          unitId: c.unitId,
          reason: c.reason,
        })),
      );
    const appraisedTypes = new Set(links.map((l) => l.unitTypeId));
    const appraised = units.filter((u) => appraisedTypes.has(u.unitTypeId));
    if (appraised.length)
      await tx.insert(t.dossiers).values(appraised.map((u) => ({ periodId: period.id, unitId: u.id })));
    await appendAudit(tx, {
      actor,
      action: "period.clone",
      entity: "period",
      entityId: period.id,
      newValue: {
        from: source.code,
        code: period.code,
        year: period.year,
        milestones: milestones.length,
        indexSets: copies,
        council: seats.length,
        dossiers: appraised.length,
      },
    });
    return period;
  }
}
