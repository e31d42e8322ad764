import { z } from "zod";
import { ZId } from "./common";

export const ZUnitType = z.object({ id: ZId, code: z.string(), name: z.string(), nameEn: z.string() });
export type TUnitType = z.infer<typeof ZUnitType>;

export const ZLeader = z.object({
  id: ZId,
  fullName: z.string(),
  position: z.enum(["head", "deputy"]),
  title: z.string(),
  areaCodes: z.array(z.string()),
});

export const ZUnit = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  unitType: ZUnitType,
  active: z.boolean(),
  /** Codes of the units merged into this one (e.g. the communes a new commune replaced). */
  predecessorCodes: z.array(z.string()),
  leaders: z.array(ZLeader),
});
export type TUnit = z.infer<typeof ZUnit>;

const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9_.-]{2,40}$/, "lowercase letters, digits, . _ -");
const name = z.string().trim().min(2).max(200);

export const ZUnitCreate = z.strictObject({
  code,
  name,
  shortName: z.string().trim().min(1).max(60),
  unitTypeId: ZId,
});
export type TUnitCreate = z.infer<typeof ZUnitCreate>;

export const ZUnitUpdate = z
  .strictObject({ name, shortName: z.string().trim().min(1).max(60), active: z.boolean() })
  .partial()
  .refine((u) => Object.keys(u).length > 0, "nothing to change");
export type TUnitUpdate = z.infer<typeof ZUnitUpdate>;

/** POST /api/units/import — what was written (all rows or none), with each new account's first password, once. */
export const ZUnitImportResult = z.object({
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unitType: z.string(),
      predecessorCodes: z.array(z.string()),
    }),
  ),
  leaders: z.number().int(),
  accounts: z.array(
    z.object({
      username: z.string(),
      fullName: z.string(),
      role: z.enum(["agency_editor", "agency_head"]),
      unitCode: z.string(),
      /** Random, shown once to the admin who imported; only its argon2id hash is kept. */
      initialPassword: z.string(),
    }),
  ),
});
export type TUnitImportResult = z.infer<typeof ZUnitImportResult>;
