import { z } from "zod";
import { ZDossierStatus } from "./dossier";
import { ZId, ZPoints } from "./common";
import { ZRankingRow } from "./ranking";

/** One area of a unit's profile: what it achieved against the area's applicable maximum. */
export const ZDashboardArea = z.object({
  code: z.string(),
  achieved: ZPoints,
  max: ZPoints,
  /** achieved ÷ max as a percentage with two decimals; null when nothing of the area applies. */
  index: ZPoints.nullable(),
});

/**
 * One appraised unit on the leadership dashboard. `hidden` is true when the viewer is recused on the dossier: its
 * unit and status stay, every figure is null (as in the ranking, S3).
 */
export const ZDashboardUnit = ZRankingRow.extend({
  /** True when the viewer is recused on the dossier (its standing is then "hidden"). */
  hidden: z.boolean(),
  /** The unit's own self-assessment total and index (for the score-inflation gap). */
  selfTotal: ZPoints.nullable(),
  selfIndex: ZPoints.nullable(),
  /** The area profile from the latest confirmed stage. */
  areas: z.array(ZDashboardArea),
  /** The same unit in the previous official period, when there is one and the viewer may see it. */
  previous: z
    .object({
      total: ZPoints.nullable(),
      index: ZPoints.nullable(),
      rank: z.number().int().nullable(),
      classification: z.string().nullable(),
    })
    .nullable(),
});
export type TDashboardUnit = z.infer<typeof ZDashboardUnit>;

/** GET /api/periods/:id/dashboard — the aggregated figures of the live leadership dashboard. */
export const ZDashboard = z.object({
  periodId: ZId,
  at: z.string(),
  units: z.array(ZDashboardUnit),
  /** The areas of each unit type's index set, in order. */
  areas: z.array(
    z.object({
      unitType: z.string(),
      code: z.string(),
      title: z.string(),
      titleEn: z.string(),
      maxPoints: ZPoints,
    }),
  ),
  /** How many of the period's dossiers are at each status. */
  statusCounts: z.array(z.object({ status: ZDossierStatus, count: z.number().int() })),
  /** The next milestone whose deadline has not passed, or null. */
  nextMilestone: z
    .object({ key: z.string(), label: z.string(), labelEn: z.string(), deadline: z.string() })
    .nullable(),
  previousPeriod: z
    .object({ id: ZId, code: z.string(), name: z.string(), year: z.number().int() })
    .nullable(),
});
export type TDashboard = z.infer<typeof ZDashboard>;
