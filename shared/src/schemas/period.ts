import { z } from "zod";
import { MILESTONE_KEYS } from "../workflow";
import { ZId, ZInstant, ZPoints, ZReason } from "./common";

export const ZMilestoneKey = z.enum(MILESTONE_KEYS);

export const ZMilestone = z.object({
  key: ZMilestoneKey,
  label: z.string(),
  labelEn: z.string(),
  startsAt: ZInstant.nullable(),
  deadline: ZInstant,
  order: z.number().int(),
});
export type TMilestone = z.infer<typeof ZMilestone>;

export const ZClassificationBand = z.object({
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  /** Lowest index that reaches the band: a percentage with two decimals, like every index of the API. */
  minIndex: ZPoints,
});

export const ZPeriod = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  kind: z.enum(["official", "training"]),
  timezone: z.string(),
  status: z.enum(["active", "archived"]),
  milestones: z.array(ZMilestone),
  classificationBands: z.array(ZClassificationBand),
});
export type TPeriod = z.infer<typeof ZPeriod>;

/** The admin moves one milestone; the reason goes to the audit log. */
export const ZMilestoneUpdate = z
  .strictObject({ startsAt: ZInstant.nullable(), deadline: ZInstant, reason: ZReason })
  .refine((m) => m.startsAt === null || Date.parse(m.startsAt) < Date.parse(m.deadline), {
    message: "startsAt must be before deadline",
    path: ["startsAt"],
  });
export type TMilestoneUpdate = z.infer<typeof ZMilestoneUpdate>;

/**
 * PUT /api/periods/:id/index-sets/:unitTypeCode — which index set the period applies to a unit type
 * (docs/periods-and-classification.md); the reason, if given, goes to the audit log.
 */
export const ZPeriodIndexSetUpdate = z.strictObject({ indexSetId: ZId, reason: ZReason.optional() });
export type TPeriodIndexSetUpdate = z.infer<typeof ZPeriodIndexSetUpdate>;

/** GET /api/periods/:id/index-sets — one row per unit type the period appraises. */
export const ZPeriodIndexSet = z.object({
  unitType: z.string(),
  unitTypeName: z.string(),
  unitTypeNameEn: z.string(),
  indexSetId: ZId,
  /** Some dossier of this unit type in the period has a score at some stage: the set can no longer change. */
  scored: z.boolean(),
});
export type TPeriodIndexSet = z.infer<typeof ZPeriodIndexSet>;

/** GET /api/period-templates — what a new period takes from a template (units and accounts are imported). */
export const ZPeriodTemplate = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  unitTypes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      indexSet: z.object({
        code: z.string(),
        name: z.string(),
        /** Leaves by scoring kind. */
        leaves: z.number().int(),
        kinds: z.array(z.enum(["points", "levels", "yesno", "quantity"])),
      }),
    }),
  ),
  bands: z.array(ZClassificationBand),
  quotas: z.array(
    z.object({ band: z.string(), maxPercent: ZPoints.nullable(), maxUnits: z.number().int().nullable() }),
  ),
  /** Month and day (Vietnam time) of each milestone in the period's year. */
  timeline: z.array(
    z.object({
      key: ZMilestoneKey,
      startsAt: z.tuple([z.number().int(), z.number().int()]).nullable(),
      deadline: z.tuple([z.number().int(), z.number().int()]),
    }),
  ),
});
export type TPeriodTemplate = z.infer<typeof ZPeriodTemplate>;

const periodCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/);

/** One line of the mapping sheet: last year's unit `from` is appraised as `to` (communes merged into `to`). */
export const ZUnitMappingRow = z.strictObject({
  from: z.string().trim().min(1).max(40),
  to: z.string().trim().min(1).max(40),
});

/**
 * POST /api/periods — a new period from a template (`templateKey`) or from last year's (`fromPeriodId`, with the
 * mapping of merged units). `code` defaults to the year (then "year-2", …).
 */
export const ZPeriodCreate = z.union([
  z.strictObject({
    name: z.string().trim().min(1).max(200),
    year: z.number().int().min(2000).max(2100),
    code: periodCode.optional(),
    templateKey: z.string().trim().min(1).max(60),
  }),
  z.strictObject({
    name: z.string().trim().min(1).max(200),
    year: z.number().int().min(2000).max(2100),
    code: periodCode.optional(),
    fromPeriodId: ZId,
    unitMapping: z.array(ZUnitMappingRow).max(2000).optional(),
  }),
]);
export type TPeriodCreate = z.infer<typeof ZPeriodCreate>;
