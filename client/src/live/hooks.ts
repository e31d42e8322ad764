import { useEffect, useRef, useSyncExternalStore } from "react";
import type { LiveEventName, LivePayload, LiveStatus } from "./LiveConnection";
import { useLiveConnection } from "./LiveProvider";

/** The connection state, for the "connected / reconnecting / offline" chip. */
export function useLiveStatus(): LiveStatus {
  const c = useLiveConnection();
  return useSyncExternalStore(
    (l) => c.subscribeStatus(l),
    () => c.status,
  );
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
