import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { connectionBoard, type ConnectionSummary } from "./connectionBoard";
import type { LiveEventName, LivePayload } from "./LiveConnection";
import { useLiveConnection } from "./LiveProvider";

/**
 * Every live link of this tab in one status (Socket.IO and each open shared document), with the number of
 * local edits the server has not confirmed: what the connection chip and the leave-page warning read.
 */
export function useConnectionSummary(): ConnectionSummary {
  return useSyncExternalStore(connectionBoard.subscribe, connectionBoard.getSummary);
}

/** Stays in the given rooms while mounted (falsy entries are skipped, e.g. a council room not allowed). */
export function useLiveRooms(rooms: readonly (string | false | null | undefined)[]): void {
  const c = useLiveConnection();
  const key = rooms.filter(Boolean).join("|");
  useEffect(() => {
    if (!key) return;
    const leaves = key.split("|").map((room) => c.join(room));
    return () => leaves.forEach((leave) => leave());
  }, [c, key]);
}

/** Calls the latest `handler` on each event of that name (the handler may change every render). */
export function useLiveEvent<E extends LiveEventName>(
  name: E,
  handler: (payload: LivePayload<E>) => void,
): void {
  const c = useLiveConnection();
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => c.on(name, (p) => ref.current(p)), [c, name]);
}

/** Calls `handler` after a reconnect that may have missed events: the page refetches what it shows. */
export function useLiveResync(handler: () => void): void {
  const c = useLiveConnection();
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => c.onResync(() => ref.current()), [c]);
}

/**
 * A function that calls the latest `fn` at most once per `intervalMs` (the first call of a quiet spell at once, the
 * last call of a burst always followed by one more): what a screen refetching on live events uses, so a busy
 * meeting can neither keep it from refreshing nor make every open screen refetch on each write. `delayMs`: how long
 * at least after a call `fn` runs (0: the first call of a quiet spell runs at once).
 */
export function useThrottled(fn: () => void, intervalMs = 1_000, delayMs = 0): () => void {
  const state = useRef({ timer: undefined as number | undefined, last: 0 });
  const ref = useRef(fn);
  useEffect(() => {
    ref.current = fn;
  });
  useEffect(() => () => window.clearTimeout(state.current.timer), []);
  return useCallback(() => {
    const s = state.current;
    if (s.timer !== undefined) return;
    s.timer = window.setTimeout(
      () => {
        s.timer = undefined;
        s.last = Date.now();
        ref.current();
      },
      Math.max(delayMs, s.last + intervalMs - Date.now()),
    );
  }, [intervalMs, delayMs]);
}

/** Refetches a screen that lists the period's dossiers when the server says the period moved (`period:update`). */
export function usePeriodRefetch(periodId: string, refetch: () => void): void {
  const soon = useThrottled(refetch);
  useLiveEvent("period:update", (p) => p.periodId === periodId && soon());
}
