import { z } from "zod";
import { ROLES } from "../roles";
import { ZId, ZUnitRef } from "./common";

export const ZLogin = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type TLogin = z.infer<typeof ZLogin>;

export const ZRole = z.enum(ROLES);

export const ZMe = z.object({
  id: ZId,
  username: z.string(),
  fullName: z.string(),
  roles: z.array(ZRole),
  unit: ZUnitRef.nullable(),
  locale: z.enum(["vi", "en"]),
  /** Server limits the client checks before sending (the server enforces them anyway). */
  limits: z.object({ maxUploadMb: z.number().int() }),
});
export type TMe = z.infer<typeof ZMe>;
