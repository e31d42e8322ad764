import { z } from "zod";

/** Identifiers are UUIDs; anything else is refused before it reaches the database. */
export const ZId = z.uuid();
/** An ISO 8601 instant with an offset, e.g. 2023-12-09T23:59:59+07:00. */
export const ZInstant = z.iso.datetime({ offset: true });
/** A human-written reason for an audited decision. */
export const ZReason = z.string().trim().min(3).max(1000);
/** Points in the public API: a decimal number with at most two decimals. */
export const ZPoints = z
  .number()
  .finite()
  .refine((n) => Math.round(n * 100) / 100 === n, "at most two decimals");
