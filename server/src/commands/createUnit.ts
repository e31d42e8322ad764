import { eq } from "drizzle-orm";
import type { TUnitCreate } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { units, unitTypes } from "../db/schema";
import { conflict, validationFailed } from "../http/errors";

/** Adds an appraised unit (audited); its code must be new. */
export async function createUnit({
  db,
  actor,
  ...input
}: { db: Db; actor: { id: string; username: string } } & TUnitCreate) {
  return db.transaction(async (tx) => {
    const [type] = await tx.select().from(unitTypes).where(eq(unitTypes.id, input.unitTypeId));
    if (!type) throw validationFailed([{ path: "unitTypeId", message: "unknown unit type" }]);
    const [existing] = await tx.select({ id: units.id }).from(units).where(eq(units.code, input.code));
    if (existing)
      throw conflict({ path: "code" }, { vi: "Mã đơn vị đã tồn tại.", en: "This unit code already exists." });
    const [unit] = await tx.insert(units).values(input).returning();
    await appendAudit(tx, {
      actor,
      action: "unit.create",
      entity: "unit",
      entityId: unit.id,
      newValue: input,
    });
    return { unit, type };
  });
}
