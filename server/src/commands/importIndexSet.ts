import { eq, max } from "drizzle-orm";
import { checkIndexTree } from "@ca/shared";
import { checkRowKinds } from "../services/spreadsheets/indexSetKinds";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { insertIndexSet } from "../db/insertIndexTree";
import { indexSets, unitTypes } from "../db/schema";
import { AppError, validationFailed } from "../http/errors";
import { parseIndexSheet } from "../services/spreadsheets/indexSetSpreadsheet";

/**
 * Imports an index set from the template spreadsheet as a new version. Any problem anywhere rejects the whole
 * file with a row-by-row list, and nothing is written (one transaction, after all checks).
 */
export async function importIndexSet({
  db,
  actor,
  file,
  code,
  name,
  unitTypeId,
}: {
  db: Db;
  actor: { id: string; username: string };
  file: Buffer;
  code: string;
  name: string;
  unitTypeId: string;
}) {
  const { rows, errors } = await parseIndexSheet(file);
  if (errors.length === 0)
    errors.push(
      ...checkIndexTree(rows.map((r) => ({ row: r.row, code: r.code, max: r.max }))),
      ...checkRowKinds(rows),
    );
  if (rows.length === 0 && errors.length === 0)
    errors.push({ row: 0, field: "file", message: "the sheet has no items" });
  if (errors.length > 0)
    throw new AppError("import_failed", { rows: errors.sort((a, b) => a.row - b.row).slice(0, 500) });

  return db.transaction(async (tx) => {
    const [type] = await tx.select().from(unitTypes).where(eq(unitTypes.id, unitTypeId));
    if (!type) throw validationFailed([{ path: "unitTypeId", message: "unknown unit type" }]);
    const [{ latest }] = await tx
      .select({ latest: max(indexSets.version) })
      .from(indexSets)
      .where(eq(indexSets.code, code));
    const set = await insertIndexSet(
      tx,
      { code, name, unitTypeId, version: (latest ?? 0) + 1 },
      rows.map((r) => ({ ...r, step: r.stepCenti, quantityRule: r.rule })),
    );
    await appendAudit(tx, {
      actor,
      action: "index_set.import",
      entity: "index_set",
      entityId: set.id,
      newValue: { code, name, version: set.version, items: rows.length },
    });
    return { set, type };
  });
}
