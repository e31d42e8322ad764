import { and, eq } from "drizzle-orm";
import { COUNCIL_ROLES, type Role, type TCouncilSeat } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { councilMembers, users } from "../db/schema";
import { notFound, validationFailed } from "../http/errors";

const ROLE_FOR_SEAT: Record<TCouncilSeat["role"], Role> = {
  chair: "council_chair",
  member: "council_member",
  working_group: "working_group",
};

/** The admin seats a user on the period's council, or changes their seat and areas (audited). */
export async function setCouncilSeat({
  db,
  actor,
  periodId,
  userId,
  seat,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  userId: string;
  seat: TCouncilSeat;
}) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw notFound();
    // A seat must match the account's role, or `can()` (which reads roles) and the seat would disagree.
    if (
      !user.roles.includes(ROLE_FOR_SEAT[seat.role]) ||
      !user.roles.some((r) => COUNCIL_ROLES.includes(r as Role))
    )
      throw validationFailed([
        { path: "role", message: `the account needs the role ${ROLE_FOR_SEAT[seat.role]}` },
      ]);
    const where = and(eq(councilMembers.periodId, periodId), eq(councilMembers.userId, userId));
    const [old] = await tx.select().from(councilMembers).where(where);
    const [row] = old
      ? await tx.update(councilMembers).set(seat).where(where).returning()
      : await tx
          .insert(councilMembers)
          .values({ periodId, userId, ...seat })
          .returning();
    await appendAudit(tx, {
      actor,
      action: "council.seat",
      entity: "period",
      entityId: periodId,
      oldValue: old ? { userId, role: old.role, areaCodes: old.areaCodes } : null,
      newValue: { userId, ...seat },
    });
    return row;
  });
}

/** The admin removes a user from the period's council (audited). */
export async function removeCouncilSeat({
  db,
  actor,
  periodId,
  userId,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  userId: string;
}) {
  await db.transaction(async (tx) => {
    const [old] = await tx
      .delete(councilMembers)
      .where(and(eq(councilMembers.periodId, periodId), eq(councilMembers.userId, userId)))
      .returning();
    if (!old) throw notFound();
    await appendAudit(tx, {
      actor,
      action: "council.unseat",
      entity: "period",
      entityId: periodId,
      oldValue: { userId, role: old.role, areaCodes: old.areaCodes },
    });
  });
}
