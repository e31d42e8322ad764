import type { Locale } from "@ca/shared";
import type { Request } from "express";

/** The user's language: their setting, else the Accept-Language header; Vietnamese by default. */
export function localeOf(req: Request): Locale {
  if (req.user?.locale) return req.user.locale;
  const header = req.headers["accept-language"] ?? "";
  return /^en\b/i.test(header) ? "en" : "vi";
}
