import { eq } from "drizzle-orm";
import { AGENCY_ROLES, type Role } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import { units } from "../db/schema";
import { validationFailed } from "../http/errors";

/** Agency roles need a unit (they act for it); the unit must exist. Returns the unit's name. */
export async function checkRolesAndUnit(
  tx: DbOrTx,
  roles: readonly Role[],
  unitId: string | null,
): Promise<string | null> {
  if (roles.some((r) => AGENCY_ROLES.includes(r)) && !unitId)
    throw validationFailed([{ path: "unitId", message: "agency roles need a unit" }]);
  if (!unitId) return null;
  const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  if (!unit) throw validationFailed([{ path: "unitId", message: "unknown unit" }]);
  return unit.name;
}
