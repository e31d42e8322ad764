import { z } from "zod";
import { ZId, ZInstant, ZPoints, ZReason, ZUnitRef } from "./common";

const band = z.string().trim().min(1).max(60);
const documentNumber = z.string().trim().min(2).max(60);

/** One band quota: at most `maxPercent` % (two decimals) or `maxUnits` units of a unit type in `band`. */
export const ZBandQuota = z
  .strictObject({
    band,
    /** The unit type's code; every type when absent. */
    unitType: z.string().trim().min(1).max(60).optional(),
    maxPercent: ZPoints.refine((n) => n >= 0 && n <= 100, "0–100").optional(),
    maxUnits: z.number().int().min(0).max(10000).optional(),
  })
  .refine((q) => q.maxPercent !== undefined || q.maxUnits !== undefined, {
    message: "maxPercent or maxUnits",
    path: ["maxPercent"],
  });
export type TBandQuota = z.infer<typeof ZBandQuota>;

export const ZTieBreak = z.enum(["appraisedPoints", "surveyPoints", "fewerPenalty"]);

/** PUT /api/periods/:id/classification — the admin sets the period's quotas and tie-break order (audited). */
export const ZClassificationConfigInput = z.strictObject({
  quotas: z.array(ZBandQuota).max(20),
  tieBreak: z
    .array(ZTieBreak)
    .max(3)
    .refine((a) => new Set(a).size === a.length, "each tie-break once")
    .optional(),
  reason: ZReason,
});
export type TClassificationConfigInput = z.infer<typeof ZClassificationConfigInput>;

/** POST /api/periods/:id/classification/caps — the chair caps a unit's band (a disqualifying fact). */
export const ZBandCapInput = z.strictObject({
  unitId: ZId,
  maxBand: band,
  reason: ZReason,
  documentNumber,
});
export type TBandCapInput = z.infer<typeof ZBandCapInput>;

/** DELETE /api/periods/:id/classification/caps/:capId — withdrawn, with a reason. */
export const ZBandCapWithdraw = z.strictObject({ reason: ZReason });

/** POST /api/periods/:id/classification/ties — the council picks which units of a tie at a cut keep the band. */
export const ZTieDecisionInput = z.strictObject({
  unitType: z.string().trim().min(1).max(60),
  band,
  unitIds: z.array(ZId).max(1000),
  reason: ZReason,
  documentNumber,
});
export type TTieDecisionInput = z.infer<typeof ZTieDecisionInput>;

export const ZBandCap = z.object({
  id: ZId,
  unit: ZUnitRef,
  maxBand: z.string(),
  reason: z.string(),
  documentNumber: z.string(),
  recordedBy: z.string(),
  recordedAt: ZInstant,
});
export type TBandCap = z.infer<typeof ZBandCap>;

/** A quota cut that a tie straddles: `seatsForTie` of the tied `units` keep the band, chosen by the council. */
export const ZQuotaCut = z.object({
  band: z.string(),
  unitType: z.string(),
  seats: z.number().int(),
  seatsForTie: z.number().int(),
  units: z.array(ZUnitRef),
  decided: z.boolean(),
  /** The recorded decision, if any (it may no longer fit the tie, then `decided` is false). */
  decision: z
    .object({
      unitIds: z.array(ZId),
      reason: z.string(),
      documentNumber: z.string(),
      decidedBy: z.string(),
      decidedAt: ZInstant,
    })
    .nullable(),
});
export type TQuotaCut = z.infer<typeof ZQuotaCut>;

/** GET /api/periods/:id/classification — everything beyond the bands, for the council side. */
export const ZClassificationState = z.object({
  bands: z.array(z.object({ code: z.string(), label: z.string(), labelEn: z.string(), minIndex: ZPoints })),
  quotas: z.array(
    z.object({
      band: z.string(),
      unitType: z.string().nullable(),
      maxPercent: ZPoints.nullable(),
      maxUnits: z.number().int().nullable(),
    }),
  ),
  tieBreak: z.array(ZTieBreak),
  caps: z.array(ZBandCap),
  cuts: z.array(ZQuotaCut),
});
export type TClassificationState = z.infer<typeof ZClassificationState>;
