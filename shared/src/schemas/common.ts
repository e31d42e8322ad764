import { z } from "zod";

/** Identifiers are UUIDs; anything else is refused before it reaches the database. */
export const ZId = z.uuid();
/**
 * An ISO 8601 instant with an offset, e.g. 2023-12-09T23:59:59+07:00, in years 1900–9999 once in UTC: outside them
 * the database cannot store it (no year 0) or JavaScript writes it as "+010000-…", which the database refuses.
 */
export const ZInstant = z.iso.datetime({ offset: true }).refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= 1900 && year <= 9999;
}, "a date between the years 1900 and 9999");
/** A human-written reason for an audited decision. */
export const ZReason = z.string().trim().min(3).max(1000);
/**
 * Points in the public API: a decimal number with at most two decimals (`multipleOf: 0.01` in the OpenAPI document;
 * the refinement also refuses binary-float noise such as 0.30000000000000004).
 */
export const ZPoints = z
  .number()
  .finite()
  .multipleOf(0.01)
  .refine((n) => Math.round(n * 100) / 100 === n, "at most two decimals");
/** A unit wherever the API names one (ranking rows, dossiers, agendas, who am I): one shape everywhere. */
export const ZUnitRef = z.object({ id: ZId, code: z.string(), name: z.string(), unitType: z.string() });
export type TUnitRef = z.infer<typeof ZUnitRef>;

/** What the caller may do with the object (CONVENTIONS: responses carry abilities; clients never redo role logic). */
export const ZAbilities = z.record(z.string(), z.boolean());
