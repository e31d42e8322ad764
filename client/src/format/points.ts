import { formatPoints, parsePoints } from "@ca/shared";
import type { Lang } from "../i18n";

/**
 * A score from the API (a decimal number) for people: "85,25" in Vietnamese, "—" when there is none yet.
 * The API decimal goes through parsePoints to exact hundredths first, never through float arithmetic.
 */
export function showPoints(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "—";
  const centi = parsePoints(value);
  return centi === null ? "—" : formatPoints(centi, lang);
}

/** A maximum as the regulation writes it: "100", "2,5", "0,25" (no trailing zeros). */
export function showMax(centi: number, lang: Lang): string {
  return formatPoints(centi, lang)
    .replace(/[.,]00$/, "")
    .replace(/([.,]\d)0$/, "$1");
}

/** Hundredths of an API decimal; 0 when the value is malformed (maxima are validated by the server). */
export function toCenti(value: number): number {
  return parsePoints(value) ?? 0;
}

/** An index from the API (a percentage with two decimals) as "85,25 %"; "—" when there is none. */
export function showIndex(value: number | null | undefined, lang: Lang): string {
  const text = showPoints(value, lang);
  return text === "—" ? text : `${text} %`;
}

/** A difference in hundredths with its sign: "+0,50", "−1,25" (a true minus sign), "0,00". */
export function showDelta(centi: number, lang: Lang): string {
  if (centi === 0) return formatPoints(0, lang);
  return `${centi > 0 ? "+" : "−"}${formatPoints(Math.abs(centi), lang)}`;
}
