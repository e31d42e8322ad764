import { z } from "zod";
import { ZId, ZPoints, ZUnitRef } from "./common";
import { ZRankedUnit } from "./ranking";

/** The stages of publication, in order (docs/domain.md §2 step 10): leadership, then the units, then everyone. */
export const PUBLICATION_STAGES = ["leadership", "units", "public"] as const;
export const ZPublicationStage = z.enum(PUBLICATION_STAGES);
export type TPublicationStage = z.infer<typeof ZPublicationStage>;

/** POST /api/periods/:id/publication — the admin publishes to the next audience. */
export const ZPublishInput = z.strictObject({
  stage: ZPublicationStage,
  /** Số ký hiệu of the report, given at the first step ("125/BC-SNV"); generated when absent. */
  documentNumber: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[0-9A-Za-zĐđ/.-]+$/)
    .optional(),
});
export type TPublishInput = z.infer<typeof ZPublishInput>;

/** One area of a unit's published score card. */
export const ZPublishedArea = z.object({
  code: z.string(),
  title: z.string(),
  /** The English title ("" where the index set has none); absent from results frozen before it was carried. */
  titleEn: z.string().optional(),
  achieved: ZPoints,
  max: ZPoints,
  index: ZPoints.nullable(),
});

/** One unit's published result: rank, total, index, classification and its score card by area. */
export const ZPublishedRow = ZRankedUnit.extend({
  /** The applicable maximum the index is computed on. */
  max: ZPoints,
  classificationLabel: z.string().nullable(),
  classificationLabelEn: z.string().nullable(),
  areas: z.array(ZPublishedArea),
});
export type TPublishedRow = z.infer<typeof ZPublishedRow>;

/** The published results of a period: frozen at the first publication step, final. */
export const ZPublishedResults = z.object({
  periodId: ZId,
  periodCode: z.string(),
  periodName: z.string(),
  year: z.number().int(),
  final: z.literal(true),
  frozenAt: z.string(),
  unitTypes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      rows: z.array(ZPublishedRow),
    }),
  ),
});
export type TPublishedResults = z.infer<typeof ZPublishedResults>;

/** GET /api/public/periods — a period whose results are public. */
export const ZPublicPeriod = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  publicAt: z.string().nullable(),
});

/** GET /api/public/periods/:id/results — the published results as the public reads them (no session). */
export const ZPublicResults = ZPublishedResults.omit({ frozenAt: true }).extend({
  documentNumber: z.string(),
  publishedAt: z.string(),
});
export type TPublicResults = z.infer<typeof ZPublicResults>;

/** Where a period's publication stands. */
export const ZPublication = z.object({
  periodId: ZId,
  stage: ZPublicationStage.nullable(),
  documentNumber: z.string().nullable(),
  leadershipAt: z.string().nullable(),
  unitsAt: z.string().nullable(),
  publicAt: z.string().nullable(),
  /** Why the period cannot be published yet (dossiers not agreed, no council agreement…); empty when it can. */
  blockers: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type TPublication = z.infer<typeof ZPublication>;

/** The responsibility rules of a period (docs/domain.md §3): PUT /api/periods/:id/rules/responsibility. */
export const ZResponsibilityRules = z
  .strictObject({
    deputyAreaWeight: z.number().int().min(0).max(100),
    unitWeight: z.number().int().min(0).max(100),
    headCappedByUnit: z.boolean(),
    deputyCap: z
      .strictObject({
        /** A percentage with two decimals, like every index of the API (50 = 50 %). */
        areaIndexBelow: ZPoints.min(0).max(100),
        band: z.string().trim().min(1).max(40),
      })
      .nullable()
      .optional(),
  })
  .refine((r) => r.deputyAreaWeight + r.unitWeight === 100, {
    message: "the two weights must add up to 100",
    path: ["unitWeight"],
  });
export type TResponsibilityRules = z.infer<typeof ZResponsibilityRules>;

/** One leader's result, as the API carries it (indices as percentages with two decimals). */
export const ZLeaderResult = z.object({
  leaderId: ZId,
  fullName: z.string(),
  position: z.enum(["head", "deputy"]),
  title: z.string(),
  areaCodes: z.array(z.string()),
  areaIndex: ZPoints.nullable(),
  unitIndex: ZPoints.nullable(),
  index: ZPoints.nullable(),
  classification: z.string().nullable(),
  /** Null, like the figures, for a viewer who may not see them (docs/visibility.md). */
  capped: z.boolean().nullable(),
  areasBelowHalf: z.boolean().nullable(),
});
export type TLeaderResult = z.infer<typeof ZLeaderResult>;

/** A unit with its leaders' results (per unit and in the period-wide report). */
export const ZUnitResponsibility = z.object({
  dossierId: ZId,
  unit: ZUnitRef,
  status: z.string(),
  unitIndex: ZPoints.nullable(),
  unitClassification: z.string().nullable(),
  /** False when the viewer is recused on this unit: its figures are hidden. */
  visible: z.boolean(),
  leaders: z.array(ZLeaderResult),
});
export type TUnitResponsibility = z.infer<typeof ZUnitResponsibility>;

/** POST /api/periods/:id/clone — the next year's period from this one. */
export const ZPeriodClone = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().trim().min(1).max(200),
  /** How many years the timeline moves (default 1). */
  years: z.number().int().min(1).max(5).optional(),
  /**
   * The new period's kind: an official one unless a training period is asked for (a clone is usually next year's
   * appraisal, also when started from the training period; a training period's results never reach the public).
   */
  kind: z.enum(["official", "training"]).optional(),
});
export type TPeriodClone = z.infer<typeof ZPeriodClone>;

/** POST /api/periods/:id/archive — the reason goes to the audit log. */
export const ZPeriodArchive = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
export type TPeriodArchive = z.infer<typeof ZPeriodArchive>;
