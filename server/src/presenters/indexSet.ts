import { centiToNumber, levelToView, ruleToView, type TIndexItem, type TIndexSet } from "@ca/shared";
import type { indexItems, indexSets } from "../db/schema";

type ItemRow = typeof indexItems.$inferSelect;
type SetRow = typeof indexSets.$inferSelect;

/** The index set's header with its total (sum of area maxima, exact). */
export function presentIndexSetSummary(s: SetRow, unitTypeCode: string, items: ItemRow[]) {
  const total = items.filter((i) => i.kind === "area").reduce((sum, i) => sum + i.maxPoints, 0);
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    version: s.version,
    unitType: unitTypeCode,
    totalPoints: centiToNumber(total),
    bonusCap: centiToNumber(s.bonusCap),
    penaltyCap: centiToNumber(s.penaltyCap),
  };
}

/** The whole tree: areas → criteria → sub-criteria, and bonus/penalty items apart. */
export function presentIndexSet(s: SetRow, unitTypeCode: string, items: ItemRow[]): TIndexSet {
  const byParent = new Map<string | null, ItemRow[]>();
  for (const item of [...items].sort((a, b) => a.sortOrder - b.sortOrder)) {
    const list = byParent.get(item.parentId) ?? [];
    list.push(item);
    byParent.set(item.parentId, list);
  }
  const node = (i: ItemRow): TIndexItem => ({
    id: i.id,
    code: i.code,
    kind: i.kind,
    title: i.title,
    titleEn: i.titleEn,
    guidance: i.guidance,
    maxPoints: centiToNumber(i.maxPoints),
    step: centiToNumber(i.step),
    method: i.method,
    evidenceRequired: i.evidenceRequired,
    scoringKind: i.scoringKind,
    levels: i.levels ? i.levels.map(levelToView) : null,
    rule: i.quantityRule ? ruleToView(i.quantityRule) : null,
    children: (byParent.get(i.id) ?? []).map(node),
  });
  const roots = byParent.get(null) ?? [];
  return {
    ...presentIndexSetSummary(s, unitTypeCode, items),
    areas: roots.filter((i) => i.kind === "area").map(node),
    extras: roots.filter((i) => i.kind !== "area").map(node),
  };
}
