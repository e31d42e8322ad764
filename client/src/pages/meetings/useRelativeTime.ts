import { useEffect, useState } from "react";
import { currentLang } from "../../i18n";

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", Infinity],
];

/** "3 phút trước" / "3 minutes ago" for an ISO instant, refreshed every 20 seconds while shown. */
export function useRelativeTime(iso: string | null | undefined): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), 20_000);
    return () => window.clearInterval(id);
  }, [iso]);
  if (!iso) return null;
  const fmt = new Intl.RelativeTimeFormat(currentLang() === "en" ? "en" : "vi", { numeric: "auto" });
  let value = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(value) < 10) return fmt.format(0, "second");
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return fmt.format(value, unit);
    value = Math.round(value / size);
  }
  return null;
}
