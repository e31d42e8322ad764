import { count } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import { users } from "../db/schema";

/** Creates the `admin` account on a database that has no account at all; returns whether it did. */
export async function createFirstAdmin(db: Db, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(users);
    if (n > 0) return false;
    const [admin] = await tx
      .insert(users)
      .values({ username: "admin", fullName: "Quản trị hệ thống", roles: ["admin"], passwordHash })
      .returning();
    await appendAudit(tx, {
      actor: null,
      action: "user.bootstrap_admin",
      entity: "user",
      entityId: admin.id,
    });
    return true;
  });
}
