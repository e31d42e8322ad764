import { randomUUID } from "node:crypto";
import type { DossierStatus, Role } from "@ca/shared";
import { type DbOrTx, insertIndexSet, type IndexItemInput, hashPassword, t } from "@ca/server/src/seedApi";
import { sampleRules, trainingTimeline, type MilestoneSeed } from "./data/periods";

/**
 * Builders create rows with sensible defaults; the sample data and every test use them, so a test states only
 * what matters to it (CONVENTIONS §8). Each call makes fresh, uniquely named rows: tests never share fixtures.
 */
const uniq = () => randomUUID().slice(0, 8);

/** A unit type. */
export async function buildUnitType(db: DbOrTx, o: Partial<typeof t.unitTypes.$inferInsert> = {}) {
  const code = o.code ?? `type-${uniq()}`;
  const [row] = await db
    .insert(t.unitTypes)
    .values({ code, name: code, nameEn: code, ...o })
    .returning();
  return row;
}

/** A unit (with a new unit type unless one is given). */
export async function buildUnit(db: DbOrTx, o: Partial<typeof t.units.$inferInsert> = {}) {
  const unitTypeId = o.unitTypeId ?? (await buildUnitType(db)).id;
  const code = o.code ?? `unit-${uniq()}`;
  const [row] = await db
    .insert(t.units)
    .values({ code, name: `Đơn vị ${code}`, shortName: code, ...o, unitTypeId })
    .returning();
  return row;
}

export const TEST_PASSWORD = "Test@12345";

/** An account; password TEST_PASSWORD unless given. */
export async function buildUser(
  db: DbOrTx,
  o: {
    username?: string;
    fullName?: string;
    roles?: Role[];
    unitId?: string | null;
    password?: string;
    disabled?: boolean;
  } = {},
) {
  const username = o.username ?? `user-${uniq()}`;
  const [row] = await db
    .insert(t.users)
    .values({
      username,
      fullName: o.fullName ?? username,
      roles: o.roles ?? ["leadership"],
      unitId: o.unitId ?? null,
      passwordHash: await hashPassword(o.password ?? TEST_PASSWORD),
      disabledAt: o.disabled ? new Date() : null,
    })
    .returning();
  return row;
}

/** A period with its milestones (a training-style timeline around `now` unless given). */
export async function buildPeriod(
  db: DbOrTx,
  o: Partial<typeof t.periods.$inferInsert> & { milestones?: MilestoneSeed[]; now?: Date } = {},
) {
  const { milestones: ms, now, ...fields } = o;
  const code = fields.code ?? `period-${uniq()}`;
  const [period] = await db
    .insert(t.periods)
    .values({ code, name: `Kỳ ${code}`, year: 2026, kind: "training", rules: sampleRules(), ...fields })
    .returning();
  const list = ms ?? trainingTimeline(now ?? new Date());
  await db.insert(t.milestones).values(list.map((m, i) => ({ ...m, periodId: period.id, sortOrder: i + 1 })));
  return period;
}

/** An index set from items (hundredths), for a unit type. */
export async function buildIndexSet(
  db: DbOrTx,
  o: { unitTypeId: string; code?: string; name?: string; items: IndexItemInput[]; version?: number },
) {
  return insertIndexSet(
    db,
    {
      code: o.code ?? `set-${uniq()}`,
      name: o.name ?? "Bộ chỉ số",
      unitTypeId: o.unitTypeId,
      version: o.version,
    },
    o.items,
  );
}

/** A dossier of a unit for a period, in the given state (draft by default). */
export async function buildDossier(
  db: DbOrTx,
  o: { periodId?: string; unitId?: string; status?: DossierStatus } = {},
) {
  const periodId = o.periodId ?? (await buildPeriod(db)).id;
  const unitId = o.unitId ?? (await buildUnit(db)).id;
  const [row] = await db
    .insert(t.dossiers)
    .values({ periodId, unitId, status: o.status ?? "draft" })
    .returning();
  return row;
}

/** A council seat for a user in a period. */
export async function buildCouncilMember(
  db: DbOrTx,
  o: { periodId: string; userId: string; role?: "chair" | "member" | "working_group"; areaCodes?: string[] },
) {
  const [row] = await db
    .insert(t.councilMembers)
    .values({
      periodId: o.periodId,
      userId: o.userId,
      role: o.role ?? "member",
      areaCodes: o.areaCodes ?? [],
    })
    .returning();
  return row;
}

/** A declared conflict of interest: the user is recused on the unit's dossier in the period. */
export async function buildConflict(
  db: DbOrTx,
  o: { periodId: string; userId: string; unitId: string; reason?: string },
) {
  const [row] = await db
    .insert(t.conflicts)
    .values({ ...o, reason: o.reason ?? "Thành viên thuộc đơn vị được thẩm định" })
    .returning();
  return row;
}
