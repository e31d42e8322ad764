import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";
import type { CouncilCap } from "@ca/shared";

/** The council's band caps of a period, with the unit each names and who recorded it. */
export async function listBandCaps(db: DbOrTx, periodId: string) {
  return db
    .select({
      id: t.councilBandCaps.id,
      unitId: t.councilBandCaps.unitId,
      unitCode: t.units.code,
      unitName: t.units.name,
      unitType: t.unitTypes.code,
      maxBand: t.councilBandCaps.maxBand,
      reason: t.councilBandCaps.reason,
      documentNumber: t.councilBandCaps.documentNumber,
      recordedBy: t.users.fullName,
      recordedAt: t.councilBandCaps.recordedAt,
    })
    .from(t.councilBandCaps)
    .innerJoin(t.units, eq(t.units.id, t.councilBandCaps.unitId))
    .innerJoin(t.unitTypes, eq(t.unitTypes.id, t.units.unitTypeId))
    .innerJoin(t.users, eq(t.users.id, t.councilBandCaps.recordedBy))
    .where(eq(t.councilBandCaps.periodId, periodId))
    .orderBy(asc(t.councilBandCaps.recordedAt));
}

/** The council's decisions on ties at quota cuts of a period, with the unit type's code. */
export async function listTieDecisions(db: DbOrTx, periodId: string) {
  return db
    .select({
      id: t.quotaTieDecisions.id,
      unitType: t.unitTypes.code,
      band: t.quotaTieDecisions.band,
      unitIds: t.quotaTieDecisions.unitIds,
      reason: t.quotaTieDecisions.reason,
      documentNumber: t.quotaTieDecisions.documentNumber,
      decidedBy: t.users.fullName,
      decidedAt: t.quotaTieDecisions.decidedAt,
    })
    .from(t.quotaTieDecisions)
    .innerJoin(t.unitTypes, eq(t.unitTypes.id, t.quotaTieDecisions.unitTypeId))
    .innerJoin(t.users, eq(t.users.id, t.quotaTieDecisions.decidedBy))
    .where(eq(t.quotaTieDecisions.periodId, periodId))
    .orderBy(asc(t.quotaTieDecisions.decidedAt));
}

/** What the council decided about classification in a period: what every ranking applies (ranking/rankingTable.ts). */
export interface ClassificationDecisions {
  caps: CouncilCap[];
  /** Which units of a tie at a quota's cut keep the band, per unit type (its code). */
  ties: { unitType: string; band: string; unitIds: string[] }[];
}

/** What every ranking of the period applies on top of the bands: the council's caps and tie decisions. */
export async function loadClassificationDecisions(
  db: DbOrTx,
  periodId: string,
): Promise<ClassificationDecisions> {
  // One after another: inside a transaction they share one connection.
  const caps = await listBandCaps(db, periodId);
  const ties = await listTieDecisions(db, periodId);
  return {
    caps: caps.map((c) => ({
      unitId: c.unitId,
      maxBand: c.maxBand,
      reason: c.reason,
      documentNumber: c.documentNumber,
    })),
    ties: ties.map((d) => ({ unitType: d.unitType, band: d.band, unitIds: d.unitIds })),
  };
}
