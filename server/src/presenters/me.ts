import type { TMe } from "@ca/shared";

/** Who am I: the signed-in user with roles and unit. */
export function presentMe(
  user: Express.User,
  unit: { id: string; code: string; name: string; unitTypeCode: string } | null,
  limits: TMe["limits"],
): TMe {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    roles: user.roles,
    unit: unit && { id: unit.id, code: unit.code, name: unit.name, unitType: unit.unitTypeCode },
    locale: user.locale,
    limits,
  };
}
