import { z } from "zod";
import { ZRole } from "./auth";
import { ZId } from "./common";

/** Password rule: long enough to resist guessing, with letters and digits. */
export const ZPassword = z
  .string()
  .min(8)
  .max(200)
  .regex(/[A-Za-z]/, "needs a letter")
  .regex(/\d/, "needs a digit");

export const ZUser = z.object({
  id: ZId,
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  roles: z.array(ZRole),
  unitId: ZId.nullable(),
  unitName: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserCreate = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,60}$/, "lowercase letters, digits, . _ -"),
  fullName: z.string().trim().min(2).max(200),
  email: z.email().max(200).nullable().optional(),
  password: ZPassword,
  roles: z.array(ZRole).min(1).max(7),
  unitId: ZId.nullable(),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .strictObject({
    fullName: z.string().trim().min(2).max(200),
    email: z.email().max(200).nullable(),
    roles: z.array(ZRole).min(1).max(7),
    unitId: ZId.nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .refine((u) => Object.keys(u).length > 0, "nothing to change");
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZPasswordReset = z.strictObject({ password: ZPassword });
