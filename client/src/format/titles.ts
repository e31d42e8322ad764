import type { Lang } from "../i18n";

/**
 * A criterion's (or area's) title in the interface language: the English title in English mode where the index set
 * has one, else the Vietnamese title (an index set may leave English titles blank).
 */
export function titleIn(item: { title: string | null; titleEn?: string | null }, lang: Lang): string {
  return (lang === "en" && item.titleEn) || item.title || "";
}
