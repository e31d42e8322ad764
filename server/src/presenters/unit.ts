import type { TUnit, TUnitType } from "@ca/shared";
import type { unitLeaders, unitTypes, units } from "../db/schema";

type UnitTypeRow = typeof unitTypes.$inferSelect;

/** A unit type. */
export function presentUnitType(t: UnitTypeRow): TUnitType {
  return { id: t.id, code: t.code, name: t.name, nameEn: t.nameEn };
}

/** A unit with its type and its head and deputies. */
export function presentUnit(
  u: typeof units.$inferSelect,
  type: UnitTypeRow,
  leaders: (typeof unitLeaders.$inferSelect)[],
): TUnit {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    unitType: presentUnitType(type),
    active: u.active,
    predecessorCodes: u.predecessorCodes,
    leaders: leaders
      .filter((l) => l.unitId === u.id)
      .sort((a, b) => (a.position === b.position ? 0 : a.position === "head" ? -1 : 1))
      .map((l) => ({
        id: l.id,
        fullName: l.fullName,
        position: l.position,
        title: l.title,
        areaCodes: l.areaCodes,
      })),
  };
}
