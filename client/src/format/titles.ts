import type { Lang } from "../i18n";

/**
 * A criterion's (or area's) title in the interface language: the English title in English mode where the index set
 * has one, else the Vietnamese title (an index set may leave English titles blank).
 */
export function titleIn(item: { title: string | null; titleEn?: string | null }, lang: Lang): string {
  return (lang === "en" && item.titleEn) || item.title || "";
}

/** A survey question's wording in the interface language, by the same rule (the English wording may be blank). */
export function wordingIn(question: { text: string; textEn?: string | null }, lang: Lang): string {
  return (lang === "en" && question.textEn) || question.text;
}
