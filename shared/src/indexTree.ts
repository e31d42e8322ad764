/** Structure rules of an index set (docs/domain.md §3), shared so that an import and a preview judge alike. */

export interface TreeRow {
  row: number;
  code: string;
  max: number; // hundredths
}

export type ItemKind = "area" | "criterion" | "sub" | "bonus" | "penalty";

/** The kind of an item from its code: 1 area, 1.2 criterion, 1.2.3 sub-criterion, B/B.n bonus, P/P.n penalty. */
export function kindOfCode(code: string): ItemKind {
  if (code.startsWith("B")) return "bonus";
  if (code.startsWith("P")) return "penalty";
  const depth = code.split(".").length;
  return depth === 1 ? "area" : depth === 2 ? "criterion" : "sub";
}

/** The parent code ("1.2" for "1.2.3"; "B" for "B.1"), or null for a root. */
export function parentCodeOf(code: string): string | null {
  const i = code.lastIndexOf(".");
  return i === -1 ? null : code.slice(0, i);
}

/** Every rule an index tree breaks, each tied to a spreadsheet row (row 0 = the set as a whole). */
export function checkIndexTree(
  rows: readonly TreeRow[],
  expectedTotal = 10000,
): { row: number; field: string; message: string }[] {
  const errors: { row: number; field: string; message: string }[] = [];
  const byCode = new Map<string, TreeRow>();
  for (const r of rows) {
    if (byCode.has(r.code)) errors.push({ row: r.row, field: "code", message: `duplicate code ${r.code}` });
    else byCode.set(r.code, r);
  }
  const childrenSum = new Map<string, number>();
  for (const r of byCode.values()) {
    const parent = parentCodeOf(r.code);
    if (parent === null) continue;
    if (!byCode.has(parent)) {
      errors.push({ row: r.row, field: "code", message: `parent ${parent} is missing` });
      continue;
    }
    childrenSum.set(parent, (childrenSum.get(parent) ?? 0) + r.max);
  }
  for (const [code, sum] of childrenSum) {
    const parent = byCode.get(code)!;
    const kind = kindOfCode(code);
    // Bonus and penalty groups are caps: their items may add up to more than the cap, never each above it.
    if (kind === "bonus" || kind === "penalty") continue;
    if (sum !== parent.max)
      errors.push({
        row: parent.row,
        field: "maxPoints",
        message: `max ${parent.max / 100} but its items add up to ${sum / 100}`,
      });
  }
  for (const r of byCode.values()) {
    const parent = parentCodeOf(r.code);
    if (
      parent &&
      ["bonus", "penalty"].includes(kindOfCode(r.code)) &&
      byCode.has(parent) &&
      r.max > byCode.get(parent)!.max
    )
      errors.push({ row: r.row, field: "maxPoints", message: "above the group's cap" });
  }
  const total = [...byCode.values()]
    .filter((r) => kindOfCode(r.code) === "area")
    .reduce((s, r) => s + r.max, 0);
  if (total !== expectedTotal)
    errors.push({
      row: 0,
      field: "maxPoints",
      message: `areas add up to ${total / 100}, not ${expectedTotal / 100}`,
    });
  return errors;
}
