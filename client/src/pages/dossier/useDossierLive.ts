import { useEffect, useRef } from "react";
import { roomOf } from "@ca/shared";
import { useLiveEvent, useLiveResync, useLiveRooms } from "../../live/hooks";

interface Handlers {
  /** Any change to the dossier: refetch. Bursts (a review emits two events) are coalesced into one. */
  refresh: () => void;
  onCommentNew?: () => void;
  onCommentUpdate?: (status: string) => void;
}

/**
 * Joins the dossier's rooms once the dossier is readable (the council's room only for readers of council work) and
 * refetches on its events.
 */
export function useDossierLive(
  dossierId: string,
  access: { read: boolean; councilWork: boolean },
  handlers: Handlers,
): void {
  useLiveRooms([
    access.read && roomOf.dossier(dossierId),
    access.read && access.councilWork && roomOf.dossierCouncil(dossierId),
  ]);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const refresh = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => latest.current.refresh(), 120);
  };
  useLiveEvent("dossier:update", (p) => p.dossierId === dossierId && refresh());
  useLiveEvent("comment:new", (p) => {
    if (p.dossierId !== dossierId) return;
    latest.current.onCommentNew?.();
    refresh();
  });
  useLiveEvent("comment:update", (p) => {
    if (p.dossierId !== dossierId) return;
    latest.current.onCommentUpdate?.(p.status);
    refresh();
  });
  useLiveResync(refresh);
}
