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
