import { useEffect, useRef, useSyncExternalStore } from "react";
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
 * Refetches a screen that lists the period's dossiers when the server says the period moved (`period:update`, at
 * most 4 a second) — at most once a second, the last signal of a burst always followed, so a busy meeting cannot
 * keep the screen from refreshing nor make every open screen refetch on each write.
 */
export function usePeriodRefetch(periodId: string, refetch: () => void, intervalMs = 1_000): void {
  const state = useRef({ timer: undefined as number | undefined, last: 0 });
  const ref = useRef(refetch);
  useEffect(() => {
    ref.current = refetch;
  });
  useEffect(() => () => window.clearTimeout(state.current.timer), []);
  useLiveEvent("period:update", (p) => {
    const s = state.current;
    if (p.periodId !== periodId || s.timer !== undefined) return;
    s.timer = window.setTimeout(
      () => {
        s.timer = undefined;
        s.last = Date.now();
        ref.current();
      },
      Math.max(0, s.last + intervalMs - Date.now()),
    );
  });
}
