import type { TFunction } from "i18next";

// The server lists import problems in English (the shared tree checker and the sheet parser). Until it sends
// message keys, the known phrasings are put into the interface language here; anything else shows as sent.
const PATTERNS: [RegExp, string][] = [
  [/^duplicate code (.+)$/, "duplicate"],
  [/^parent (.+) is missing$/, "parentMissing"],
  [/^max (.+) but its items add up to (.+)$/, "sumMismatch"],
  [/^above the group's cap$/, "aboveCap"],
  [/^areas add up to (.+), not (.+)$/, "areasTotal"],
  [/^a positive number with at most two decimals$/, "positiveNumber"],
  [/^max points must be a multiple of the step$/, "stepMultiple"],
  [/^not a readable \.xlsx workbook$/, "unreadable"],
  [/^the workbook has no sheet$/, "noSheet"],
  [/^more than (\d+) rows$/, "tooManyRows"],
  [/^the sheet has no items$/, "noItems"],
  [/^code like /, "codeFormat"],
];

/** One import problem in the user's language when its phrasing is known. */
export function importMessage(message: string, field: string, t: TFunction): string {
  // zod's enum/boolean messages name the column's allowed values; say them as the template does.
  if (/^Invalid (option|input)/.test(message) && (field === "method" || field === "evidenceRequired"))
    return t(`indexSets.import.messages.${field}Options`);
  for (const [re, key] of PATTERNS) {
    const m = message.match(re);
    if (m) return t(`indexSets.import.messages.${key}`, { a: m[1], b: m[2] });
  }
  return message;
}
