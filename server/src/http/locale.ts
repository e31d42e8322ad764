import type { Locale } from "@ca/shared";
import type { Request } from "express";

/**
 * The user's language: the client sends the language on screen as Accept-Language, and that wins (someone who
 * switches to English reads English errors); then the account's setting; Vietnamese by default.
 */
export function localeOf(req: Request): Locale {
  const header = req.headers["accept-language"];
  if (header) return /^en\b/i.test(header) ? "en" : "vi";
  return req.user?.locale ?? "vi";
}
