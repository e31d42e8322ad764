import { PERIOD_TIMEZONE } from "@ca/shared";

// Deadlines are wall-clock times in Vietnam whatever the browser's zone (docs/domain.md §2); Vietnam keeps UTC+7
// all year (no daylight saving), so a fixed offset is exact when turning a typed time back into an instant.
const VN_OFFSET = "+07:00";

const dateFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: PERIOD_TIMEZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const timeFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: PERIOD_TIMEZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** dd/mm/yyyy in Vietnam time. */
export function formatDate(iso: string | Date): string {
  return dateFmt.format(typeof iso === "string" ? new Date(iso) : iso);
}

/** dd/mm/yyyy HH:mm in Vietnam time. */
export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return `${dateFmt.format(d)} ${timeFmt.format(d)}`;
}

/** An instant as Vietnam wall-clock parts for editing: { date: "dd/mm/yyyy", time: "HH:mm" } ("" for null). */
export function toVnParts(iso: string | null): { date: string; time: string } {
  if (!iso) return { date: "", time: "" };
  const d = new Date(iso);
  return { date: dateFmt.format(d), time: timeFmt.format(d) };
}

/**
 * The ISO instant (with the Vietnam offset) of a typed date "dd/mm/yyyy" and time "HH:mm"; null when either
 * is malformed or the day does not exist (31/02). Native date pickers follow the browser's locale
 * (mm/dd/yyyy, AM/PM), so the forms use these typed fields to keep dd/mm/yyyy everywhere.
 */
export function fromVnParts(date: string, time: string, seconds = "00"): string | null {
  const dm = date.trim().match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  const tm = (time.trim() || "00:00").match(/^(\d{1,2})[:hg](\d{2})$/);
  if (!dm || !tm) return null;
  const [day, month, year, hour, minute] = [dm[1], dm[2], dm[3], tm[1], tm[2]].map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return null;
  if (hour > 23 || minute > 59) return null;
  const p2 = (n: number) => String(n).padStart(2, "0");
  return `${year}-${p2(month)}-${p2(day)}T${p2(hour)}:${p2(minute)}:${seconds}${VN_OFFSET}`;
}

/** Days, hours and minutes left until an instant (all zero once it has passed). */
export function timeLeft(
  target: string,
  now: Date,
): { days: number; hours: number; minutes: number; past: boolean } {
  const ms = Date.parse(target) - now.getTime();
  if (ms <= 0) return { days: 0, hours: 0, minutes: 0, past: true };
  const totalMinutes = Math.floor(ms / 60_000);
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
    past: false,
  };
}
