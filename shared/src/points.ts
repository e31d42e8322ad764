/**
 * Exact points. A point value is an integer number of hundredths ("centipoints"): 85.25 points = 8525.
 * Binary floats never carry an official score (docs/domain.md §3: 0.1 + 0.2 must not appear in a ranking).
 */
export type Centi = number;

const DECIMAL = /^-?\d{1,7}([.,]\d{1,2})?$/;

/** Parses a decimal with at most two decimals ("85,25", "85.25", 85.25) into hundredths; null when invalid. */
export function parsePoints(input: string | number): Centi | null {
  const text = typeof input === "number" ? numberToText(input) : input.trim();
  if (text === null || !DECIMAL.test(text)) return null;
  const negative = text.startsWith("-");
  const [whole, frac = ""] = text.replace("-", "").split(/[.,]/);
  const value = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return negative ? -value : value;
}

// A JSON number such as 85.25 arrives as the nearest double; printing it with toFixed(2) and checking the
// round trip rejects 85.255 instead of silently rounding it.
function numberToText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const fixed = n.toFixed(2);
  return Number(fixed) === n ? fixed : null;
}

/** Hundredths back to the decimal number the public API carries (at most two decimals). */
export function centiToNumber(c: Centi): number {
  return Number((c / 100).toFixed(2));
}

/** Formats hundredths for people: decimal comma in Vietnamese ("85,25"), point in English. */
export function formatPoints(c: Centi, locale: "vi" | "en" = "vi"): string {
  const sign = c < 0 ? "-" : "";
  const abs = Math.abs(c);
  const text = `${Math.trunc(abs / 100)}${locale === "vi" ? "," : "."}${String(abs % 100).padStart(2, "0")}`;
  return sign + text;
}

/**
 * THE range-and-step check (all in hundredths): null when a score lies in [0, max] and on the item's step, else
 * why not. Every stage of every kind, the meeting's judge and the screens ask this one function.
 */
export function scaleProblem(score: Centi, max: Centi, step: Centi): "out_of_range" | "off_step" | null {
  if (!Number.isSafeInteger(score) || score < 0 || score > max) return "out_of_range";
  return step > 0 && score % step === 0 ? null : "off_step";
}

/** True when a score lies in [0, max] and on the item's step. */
export function isValidScore(score: Centi, max: Centi, step: Centi): boolean {
  return scaleProblem(score, max, step) === null;
}
