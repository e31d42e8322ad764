import { z } from "zod";
import type { ClassificationWhy } from "../scoring/classify";
import { ZDossierStatus } from "./dossier";
import { ZId, ZPoints, ZUnitRef } from "./common";

/**
 * Where a unit stands in a ranking, for the one reading it: `ranked` (it has a rank); `unranked` (nothing of it is
 * appraised yet at any stage the reader may see: no rank, no classification, in no band's count); `hidden` (the
 * reader is recused on it, so its figures are withheld — S3).
 */
export const RANKING_STANDINGS = ["ranked", "unranked", "hidden"] as const;
export const ZRankingStanding = z.enum(RANKING_STANDINGS);
export type TRankingStanding = z.infer<typeof ZRankingStanding>;

/** Why a unit has its band (docs/domain.md §3): the index alone, a quota, or an override with its reason. */
export const ZClassificationWhy = z.object({
  basis: z.enum(["index", "quota", "override"]),
  /** The band the index alone reaches, before quotas and overrides. */
  bandByIndex: z.string().nullable(),
  override: z
    .object({
      /** A rule of the period (e.g. "no Xuất sắc when an area is below 70 %"), or a decision of the council. */
      source: z.enum(["rule", "council"]),
      reason: z.string(),
      reasonEn: z.string(),
      /** The council's decision's document number; null for a rule. */
      documentNumber: z.string().nullable(),
    })
    .nullable(),
  /** The quota that moved the unit down a band: from which band, its seats, and an undecided tie at its cut. */
  quota: z.object({ from: z.string(), seats: z.number().int(), tieAtCut: z.boolean() }).nullable().optional(),
});
export type TClassificationWhy = z.infer<typeof ZClassificationWhy>;
// The engine's type and the wire schema are one shape.
const sameWhy: [ClassificationWhy, TClassificationWhy] extends [TClassificationWhy, ClassificationWhy]
  ? true
  : never = true;
void sameWhy;

/**
 * The figures of a unit in any ranking — the live ranking, the dashboard, a council agreement, the published
 * results, the exports: one shape everywhere. Points and indices are decimals with at most two decimals (the index
 * is a percentage). Null figures go with `standing` "unranked" (no rank, no classification) or "hidden".
 */
export const ZRankedUnit = z.object({
  unit: ZUnitRef,
  standing: ZRankingStanding,
  rank: z.number().int().nullable(),
  total: ZPoints.nullable(),
  index: ZPoints.nullable(),
  classification: z.string().nullable(),
  why: ZClassificationWhy.nullable(),
});
export type TRankedUnit = z.infer<typeof ZRankedUnit>;

/** A row of the live ranking (GET /api/periods/:id/ranking and `ranking:update`). */
export const ZRankingRow = ZRankedUnit.extend({
  dossierId: ZId,
  /** The rank before the council meeting (scores before agreement, no live proposals): for ▲▼ on dashboards. */
  rankBeforeMeeting: z.number().int().nullable(),
  /** True until the dossier is agreed: the figures may still move. */
  provisional: z.boolean(),
  /**
   * True while the figures count proposals of a running meeting that are not locked yet (what the council is
   * discussing, not what it agreed); null for a reader who may not see the figures.
   */
  proposed: z.boolean().nullable(),
  status: ZDossierStatus,
});
export type TRankingRow = z.infer<typeof ZRankingRow>;

/** A row of a council agreement's frozen ranking. */
export const ZAgreementRow = ZRankedUnit.extend({ dossierId: ZId });
export type TAgreementRow = z.infer<typeof ZAgreementRow>;

/** GET /api/periods/:id/ranking?unitType=code — one unit type, or all of them. */
export const ZRankingQuery = z.object({ unitType: z.string().trim().max(60).optional() });
