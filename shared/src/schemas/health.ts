import { z } from "zod";

/** GET /healthz — the process answers. */
export const ZHealth = z.object({ status: z.literal("ok") });

/** GET /readyz — ready once migrations are applied and the database answers (503 meanwhile, with why). */
export const ZReady = z.object({
  status: z.enum(["ready", "starting", "database_unreachable"]),
  database: z.string().optional(),
});
