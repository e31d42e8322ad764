import { and, eq, inArray, like, max } from "drizzle-orm";
import type { TPeriodCreate } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db, DbOrTx } from "../db/client";
import { insertIndexSet } from "../db/insertIndexTree";
import * as t from "../db/schema";
import { AppError, conflict, notFound, validationFailed } from "../http/errors";
import { findTemplate } from "../periodTemplates";
import { DEFAULT_RULES, MILESTONE_LABELS } from "../periodTemplates/defaults";
import type { PeriodTemplate } from "../periodTemplates/types";
import type { PeriodRules } from "../queries/periods";
import { clonePeriodIn } from "./clonePeriod";

type Actor = { id: string; username: string };

/** The code asked for, or the year ("2026", then "2026-2", …), refused when taken. */
async function periodCode(tx: DbOrTx, input: { code?: string; year: number }): Promise<string> {
  if (input.code) {
    const [taken] = await tx
      .select({ id: t.periods.id })
      .from(t.periods)
      .where(eq(t.periods.code, input.code));
    if (taken)
      throw conflict(
        { code: input.code },
        { vi: `Mã kỳ "${input.code}" đã được dùng.`, en: `The period code "${input.code}" is taken.` },
      );
    return input.code;
  }
  const used = new Set(
    (
      await tx
        .select({ code: t.periods.code })
        .from(t.periods)
        .where(like(t.periods.code, `${input.year}%`))
    ).map((r) => r.code),
  );
  let n = 1;
  while (used.has(n === 1 ? String(input.year) : `${input.year}-${n}`)) n++;
  return n === 1 ? String(input.year) : `${input.year}-${n}`;
}

/** A template's month and day in Vietnam time: the start of the day, or its last second for a deadline. */
const vnDate = (year: number, [m, d]: [number, number], end: boolean) =>
  new Date(Date.UTC(year, m - 1, d, end ? 23 - 7 : -7, end ? 59 : 0, end ? 59 : 0));

/** Everything of a template in one transaction: unit types (reused by code), index sets, rules and timeline. */
async function fromTemplate(tx: DbOrTx, actor: Actor, template: PeriodTemplate, input: TPeriodCreate) {
  const code = await periodCode(tx, input);
  const rules: PeriodRules = {
    classificationBands: template.bands.map((b) => ({
      code: b.code,
      label: b.label ?? b.code,
      labelEn: b.labelEn ?? b.code,
      minIndex: b.minIndex,
    })),
    classificationOverrides: template.overrides ?? [],
    classificationQuotas: template.quotas.map((q) => ({ ...q })),
    ...DEFAULT_RULES,
  } as PeriodRules;
  const [period] = await tx
    .insert(t.periods)
    .values({ code, name: input.name, year: input.year, kind: "official", rules })
    .returning();
  await tx.insert(t.milestones).values(
    template.timeline.map((m, i) => ({
      periodId: period.id,
      key: m.key,
      label: MILESTONE_LABELS[m.key as keyof typeof MILESTONE_LABELS]?.[0] ?? m.key,
      labelEn: MILESTONE_LABELS[m.key as keyof typeof MILESTONE_LABELS]?.[1] ?? m.key,
      startsAt: m.startsAt ? vnDate(input.year, m.startsAt, false) : null,
      deadline: vnDate(input.year, m.deadline, true),
      sortOrder: i + 1,
    })),
  );
  const sets: string[] = [];
  for (const [i, type] of template.unitTypes.entries()) {
    const [existing] = await tx.select().from(t.unitTypes).where(eq(t.unitTypes.code, type.code));
    const unitType =
      existing ??
      (
        await tx
          .insert(t.unitTypes)
          .values({ code: type.code, name: type.name, nameEn: type.nameEn, sortOrder: 10 + i })
          .returning()
      )[0];
    const [{ latest }] = await tx
      .select({ latest: max(t.indexSets.version) })
      .from(t.indexSets)
      .where(eq(t.indexSets.code, type.indexSet.code));
    const set = await insertIndexSet(
      tx,
      {
        code: type.indexSet.code,
        name: type.indexSet.name,
        unitTypeId: unitType.id,
        version: (latest ?? 0) + 1,
      },
      type.indexSet.items.map((item) => ({
        code: item.code,
        title: item.title,
        titleEn: item.titleEn,
        guidance: item.guidance,
        max: item.max,
        step: item.step,
        method: item.method,
        evidenceRequired: item.evidenceRequired,
        scoringKind: item.kind,
        levels: item.levels,
        quantityRule: item.rule,
      })),
    );
    sets.push(`${set.code} v${set.version}`);
    await tx
      .insert(t.periodIndexSets)
      .values({ periodId: period.id, unitTypeId: unitType.id, indexSetId: set.id });
    // The units already there of this type are appraised; units imported later join (commands/importUnits.ts).
    const units = await tx
      .select({ id: t.units.id })
      .from(t.units)
      .where(and(eq(t.units.unitTypeId, unitType.id), eq(t.units.active, true)));
    if (units.length)
      await tx.insert(t.dossiers).values(units.map((u) => ({ periodId: period.id, unitId: u.id })));
  }
  await appendAudit(tx, {
    actor,
    action: "period.create",
    entity: "period",
    entityId: period.id,
    newValue: { code, name: input.name, year: input.year, template: template.key, indexSets: sets },
  });
  return period;
}

/**
 * Last year's period carried over: the mapping first (each `from` unit is merged into `to`: `to` lists it as a
 * predecessor, `from` is no longer active, so it gets no dossier), then the clone — index sets, rules, council,
 * timeline moved to the new year, a draft dossier for every active unit. Any bad line names its position.
 */
async function fromLastYear(
  tx: DbOrTx,
  actor: Actor,
  input: Extract<TPeriodCreate, { fromPeriodId: string }>,
) {
  const [source] = await tx.select().from(t.periods).where(eq(t.periods.id, input.fromPeriodId));
  if (!source) throw notFound();
  if (input.year <= source.year)
    throw validationFailed([
      { path: "year", message: `Năm phải sau ${source.year}. / The year must be after ${source.year}.` },
    ]);
  const mapping = input.unitMapping ?? [];
  const codes = [...new Set(mapping.flatMap((m) => [m.from, m.to]))];
  const units = codes.length ? await tx.select().from(t.units).where(inArray(t.units.code, codes)) : [];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const rows: { row: number; field: string; message: string }[] = [];
  const fromSeen = new Set<string>();
  mapping.forEach((m, i) => {
    const row = i + 1;
    const from = byCode.get(m.from);
    const to = byCode.get(m.to);
    if (!from) rows.push({ row, field: "from", message: `Dòng ${row}: không có đơn vị mã "${m.from}".` });
    if (!to) rows.push({ row, field: "to", message: `Dòng ${row}: không có đơn vị mã "${m.to}".` });
    else if (!to.active)
      rows.push({ row, field: "to", message: `Dòng ${row}: đơn vị "${m.to}" không còn hoạt động.` });
    if (m.from === m.to)
      rows.push({ row, field: "to", message: `Dòng ${row}: đơn vị không thể sáp nhập vào chính nó.` });
    if (fromSeen.has(m.from))
      rows.push({ row, field: "from", message: `Dòng ${row}: "${m.from}" đã có ở dòng trước.` });
    if (from && to && from.unitTypeId !== to.unitTypeId)
      rows.push({ row, field: "to", message: `Dòng ${row}: "${m.from}" và "${m.to}" khác loại đơn vị.` });
    fromSeen.add(m.from);
  });
  const targets = new Set(mapping.map((m) => m.to));
  for (const [i, m] of mapping.entries())
    if (targets.has(m.from) && m.from !== m.to)
      rows.push({
        row: i + 1,
        field: "from",
        message: `Dòng ${i + 1}: "${m.from}" vừa bị sáp nhập vừa nhận sáp nhập.`,
      });
  if (rows.length) throw new AppError("import_failed", { rows });
  for (const to of targets) {
    const unit = byCode.get(to)!;
    const merged = mapping.filter((m) => m.to === to).map((m) => m.from);
    const predecessors = [...new Set([...unit.predecessorCodes, ...merged])];
    await tx.update(t.units).set({ predecessorCodes: predecessors }).where(eq(t.units.id, unit.id));
  }
  if (mapping.length)
    await tx
      .update(t.units)
      .set({ active: false })
      .where(inArray(t.units.code, [...fromSeen]));
  const code = await periodCode(tx, input);
  const period = await clonePeriodIn(tx, {
    actor,
    periodId: source.id,
    input: { code, name: input.name, years: input.year - source.year },
  });
  if (mapping.length)
    await appendAudit(tx, {
      actor,
      action: "unit.merge",
      entity: "period",
      entityId: period.id,
      newValue: { mapping },
    });
  return period;
}

/** POST /api/periods: a new period from a template or from last year's, in one transaction, audited. */
export async function createPeriod({ db, actor, input }: { db: Db; actor: Actor; input: TPeriodCreate }) {
  if ("templateKey" in input) {
    const template = findTemplate(input.templateKey);
    if (!template)
      throw validationFailed([
        { path: "templateKey", message: `Không có mẫu kỳ "${input.templateKey}". / Unknown template.` },
      ]);
    return db.transaction((tx) => fromTemplate(tx, actor, template, input));
  }
  return db.transaction((tx) => fromLastYear(tx, actor, input));
}
