import { z } from "zod";
import { ZId, ZReason } from "./common";

/** PUT /api/periods/:id/council/:userId — seats a user on the period's council with the areas they appraise. */
export const ZCouncilSeat = z.strictObject({
  role: z.enum(["chair", "member", "working_group"]),
  areaCodes: z
    .array(z.string().regex(/^\d{1,2}$/, "an area code such as 5"))
    .max(30)
    .transform((codes) => [...new Set(codes)].sort((a, b) => Number(a) - Number(b))),
});
export type TCouncilSeat = z.infer<typeof ZCouncilSeat>;

/** POST /api/periods/:id/conflicts — a declared conflict of interest: the member is recused on that unit. */
export const ZConflict = z.strictObject({ userId: ZId, unitId: ZId, reason: ZReason });

/** PUT /api/periods/:id/council/:userId — the seat as saved. */
export const ZCouncilSeatResult = z.object({
  userId: ZId,
  role: z.enum(["chair", "member", "working_group"]),
  areaCodes: z.array(z.string()),
});

/** A declared conflict of interest (POST /api/periods/:id/conflicts, and in the council view). */
export const ZConflictView = z.object({
  id: ZId,
  userId: ZId,
  unitId: ZId,
  unitName: z.string(),
  reason: z.string(),
});

export const ZCouncilView = z.object({
  members: z.array(
    z.object({
      userId: ZId,
      username: z.string(),
      fullName: z.string(),
      unitName: z.string().nullable(),
      role: z.enum(["chair", "member", "working_group"]),
      areaCodes: z.array(z.string()),
    }),
  ),
  conflicts: z.array(ZConflictView),
});
export type TCouncilView = z.infer<typeof ZCouncilView>;
