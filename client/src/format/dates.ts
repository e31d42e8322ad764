import { PERIOD_TIMEZONE } from "@ca/shared";

// Deadlines are wall-clock times in Vietnam whatever the browser's zone (DESIGN §2); Vietnam keeps UTC+7
// all year (no daylight saving), so a fixed offset is exact when turning a typed time back into an instant.
const VN_OFFSET = "+07:00";

const dateFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: PERIOD_TIMEZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const timeFmt = new Intl.DateTimeFormat("en-GB", { timeZone: PERIOD_TIMEZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** dd/mm/yyyy in Vietnam time. */
export function formatDate(iso: string | Date): string {
  return dateFmt.format(typeof iso === "string" ? new Date(iso) : iso);
}

/** dd/mm/yyyy HH:mm in Vietnam time. */
export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return `${dateFmt.format(d)} ${timeFmt.format(d)}`;
}

/** The value of an <input type="datetime-local"> showing this instant in Vietnam time (yyyy-mm-ddTHH:mm). */
export function toVnLocalInput(iso: string | null): string {
  if (!iso) return "";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: PERIOD_TIMEZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** An ISO instant with the Vietnam offset from a datetime-local value; seconds as given (deadlines end at :59). */
export function fromVnLocalInput(value: string, seconds = "00"): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  return `${value}:${seconds}${VN_OFFSET}`;
}

/** Days, hours and minutes left until an instant (all zero once it has passed). */
export function timeLeft(target: string, now: Date): { days: number; hours: number; minutes: number; past: boolean } {
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
