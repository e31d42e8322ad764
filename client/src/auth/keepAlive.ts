import type { TMe } from "@ca/shared";
import { api, type Envelope } from "../api/http";

// The server's idle timeout counts REST requests only (docs/operations.md), and so does the session cookie's
// lifetime in the browser. Someone editing a meeting document or following a meeting makes none for as long as
// they work there: their activity keeps the session alive with one request a minute at most.
const EVERY_MS = 60_000;
let last = Date.now();

/** The person did something in a live view (an edit, a move in the meeting): keeps the session alive. */
export function noteActivity(): void {
  const now = Date.now();
  if (now - last < EVERY_MS) return;
  last = now;
  // Not quiet: a 401 here means the session ended meanwhile, and the page goes to the sign-in screen.
  api.get<Envelope<TMe>>("/me").catch(() => undefined);
}
