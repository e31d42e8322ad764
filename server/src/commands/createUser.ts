import { eq } from "drizzle-orm";
import type { TUserCreate } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { conflict } from "../http/errors";
import { checkRolesAndUnit } from "../rules/userRules";

/** Creates an account with an argon2id password hash (audited, without the password). */
export async function createUser({
  db,
  actor,
  password,
  ...input
}: { db: Db; actor: { id: string; username: string } } & TUserCreate) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const unitName = await checkRolesAndUnit(tx, input.roles, input.unitId);
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, input.username));
    if (existing)
      throw conflict(
        { path: "username" },
        { vi: "Tên đăng nhập đã tồn tại.", en: "This username already exists." },
      );
    const [user] = await tx
      .insert(users)
      .values({ ...input, email: input.email ?? null, roles: [...new Set(input.roles)], passwordHash })
      .returning();
    await appendAudit(tx, {
      actor,
      action: "user.create",
      entity: "user",
      entityId: user.id,
      newValue: input,
    });
    return { user, unitName };
  });
}
