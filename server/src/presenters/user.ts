import type { Role, TUser } from "@ca/shared";
import type { users } from "../db/schema";

/** An account as the admin sees it; never the password hash. */
export function presentUser(u: typeof users.$inferSelect, unitName: string | null): TUser {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    roles: u.roles as Role[],
    unitId: u.unitId,
    unitName,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
  };
}
