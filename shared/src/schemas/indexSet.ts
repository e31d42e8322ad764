import { z } from "zod";
import { ZId, ZPoints } from "./common";
import { ZLevelView, ZRuleView, ZScoringKind, type TLevelView, type TRuleView } from "./kinds";

export const ITEM_KINDS = ["area", "criterion", "sub", "bonus", "penalty"] as const;
export const SCORING_METHODS = ["self", "survey", "council"] as const;

export interface TIndexItem {
  id: string;
  code: string;
  kind: (typeof ITEM_KINDS)[number];
  title: string;
  titleEn: string;
  guidance: string;
  maxPoints: number;
  step: number;
  method: (typeof SCORING_METHODS)[number];
  evidenceRequired: boolean;
  /** How the leaf is scored (docs/scoring-kinds.md): `points` on groups. */
  scoringKind: "points" | "levels" | "yesno" | "quantity";
  levels: TLevelView[] | null;
  rule: TRuleView | null;
  children: TIndexItem[];
}

export const ZIndexItem: z.ZodType<TIndexItem> = z.lazy(() =>
  z.object({
    id: ZId,
    code: z.string(),
    kind: z.enum(ITEM_KINDS),
    title: z.string(),
    titleEn: z.string(),
    guidance: z.string(),
    maxPoints: ZPoints,
    step: ZPoints,
    method: z.enum(SCORING_METHODS),
    evidenceRequired: z.boolean(),
    scoringKind: ZScoringKind,
    levels: z.array(ZLevelView).nullable(),
    rule: ZRuleView.nullable(),
    children: z.array(ZIndexItem),
  }),
);

export const ZIndexSetSummary = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
  unitType: z.string(),
  totalPoints: ZPoints,
  bonusCap: ZPoints,
  penaltyCap: ZPoints,
});

export const ZIndexSet = ZIndexSetSummary.extend({
  areas: z.array(ZIndexItem),
  extras: z.array(ZIndexItem),
});
export type TIndexSet = z.infer<typeof ZIndexSet>;

/** One row of the import spreadsheet, after the header (see the downloadable template). */
export const ZIndexImportRow = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^(\d+(\.\d+){0,2}|[BP](\.\d+)?)$/, "code like 1, 1.2, 1.2.3, B, B.1, P or P.1"),
  title: z.string().trim().min(2).max(500),
  titleEn: z.string().trim().max(500).default(""),
  guidance: z.string().trim().max(4000).default(""),
  maxPoints: z.string(),
  step: z.string(),
  method: z.enum(SCORING_METHODS),
  evidenceRequired: z.boolean(),
});
export type TIndexImportRow = z.infer<typeof ZIndexImportRow>;

export const ZIndexImportMeta = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{2,60}$/),
  name: z.string().trim().min(2).max(200),
  unitTypeId: ZId,
});
