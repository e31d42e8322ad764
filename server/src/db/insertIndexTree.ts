import { eq, max } from "drizzle-orm";
import { kindOfCode, parentCodeOf, type Level, type QuantityRule } from "@ca/shared";
import type { DbOrTx } from "./client";
import { indexItems, indexSets } from "./schema";

export interface IndexItemInput {
  code: string;
  title: string;
  titleEn?: string;
  guidance?: string;
  /** Hundredths of a point. */
  max: number;
  /** Hundredths of a point. */
  step?: number;
  method?: "self" | "survey" | "council";
  evidenceRequired?: boolean;
  /** The leaf's scoring kind (default `points`), its rubric or its quantity rule (docs/scoring-kinds.md). */
  scoringKind?: "points" | "levels" | "yesno" | "quantity";
  levels?: Level[] | null;
  quantityRule?: QuantityRule | null;
}

/**
 * Inserts an index set and its item tree (kinds and parents derived from the codes), parents first.
 * Used by the spreadsheet import and by the seed builders alike; the caller has checked the tree.
 */
export async function insertIndexSet(
  tx: DbOrTx,
  set: { code: string; name: string; unitTypeId: string; version?: number },
  items: readonly IndexItemInput[],
) {
  const bonusCap = items.find((i) => i.code === "B")?.max ?? 0;
  const penaltyCap = items.find((i) => i.code === "P")?.max ?? 0;
  const [row] = await tx
    .insert(indexSets)
    .values({ ...set, version: set.version ?? 1, bonusCap, penaltyCap })
    .returning();
  const ordered = [...items].sort((a, b) => a.code.split(".").length - b.code.split(".").length);
  const order = new Map(items.map((i, n) => [i.code, n]));
  const idByCode = new Map<string, string>();
  // One insert per depth level: parents get their ids before their children reference them.
  for (let depth = 1; depth <= 3; depth++) {
    const level = ordered.filter((i) => i.code.split(".").length === depth);
    if (level.length === 0) continue;
    const inserted = await tx
      .insert(indexItems)
      .values(
        level.map((i) => ({
          indexSetId: row.id,
          parentId: parentCodeOf(i.code) ? idByCode.get(parentCodeOf(i.code)!)! : null,
          code: i.code,
          kind: kindOfCode(i.code),
          title: i.title,
          titleEn: i.titleEn ?? "",
          guidance: i.guidance ?? "",
          maxPoints: i.max,
          step: i.step ?? 25,
          method: i.method ?? "self",
          evidenceRequired: i.evidenceRequired ?? i.method !== "survey",
          ...(i.scoringKind ? { scoringKind: i.scoringKind } : {}),
          ...(i.levels?.length ? { levels: i.levels } : {}),
          ...(i.quantityRule ? { quantityRule: i.quantityRule } : {}),
          sortOrder: order.get(i.code)!,
        })),
      )
      .returning({ id: indexItems.id, code: indexItems.code });
    for (const r of inserted) idByCode.set(r.code, r.id);
  }
  return row;
}

/**
 * Copies an index set as the next version of its code: a new set row and its whole tree (kinds, levels, rules,
 * caps), so a period made from last year's edits its own copy and never last year's (docs/api.md, "next year").
 */
export async function copyIndexSet(tx: DbOrTx, indexSetId: string) {
  const [source] = await tx.select().from(indexSets).where(eq(indexSets.id, indexSetId));
  const [{ latest }] = await tx
    .select({ latest: max(indexSets.version) })
    .from(indexSets)
    .where(eq(indexSets.code, source.code));
  const { id: _id, createdAt: _createdAt, ...columns } = source;
  const [copy] = await tx
    .insert(indexSets)
    .values({ ...columns, version: (latest ?? source.version) + 1 })
    .returning();
  const items = await tx.select().from(indexItems).where(eq(indexItems.indexSetId, indexSetId));
  const newId = new Map<string, string>();
  // Parents before children: one insert per depth, as insertIndexSet does.
  for (let depth = 1; depth <= 3; depth++) {
    const level = items.filter((i) => i.code.split(".").length === depth);
    if (level.length === 0) continue;
    const inserted = await tx
      .insert(indexItems)
      .values(
        level.map(({ id: _itemId, ...item }) => ({
          ...item,
          indexSetId: copy.id,
          parentId: item.parentId ? newId.get(item.parentId)! : null,
        })),
      )
      .returning({ id: indexItems.id, code: indexItems.code });
    const oldByCode = new Map(level.map((i) => [i.code, i.id]));
    for (const r of inserted) newId.set(oldByCode.get(r.code)!, r.id);
  }
  return copy;
}
