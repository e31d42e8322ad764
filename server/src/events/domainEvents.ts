import type { SessionEndReason, TMeetingFocus } from "@ca/shared";

// What a command says happened, once its transaction committed (docs/architecture.md, "Domain events"). Commands
// return these beside their result; one dispatcher (events/dispatcher.ts) turns them into Socket.IO pushes, ranking
// cache drops, notifications and e-mails, whoever ran the command: a route, the seeds, the Yjs projection.

/** A dossier as its events name it: the rooms they go to, and the status the visibility rule is read at. */
export interface DossierRef {
  id: string;
  periodId: string;
  status: string;
}

/** An in-app notification written by a command, to push live and e-mail (commands/notifyUnit.ts). */
export interface Notified {
  id: string;
  userId: string;
  kind: string;
  email: string | null;
  payload: Record<string, unknown>;
}

/** Whose live connections to end: those opened with these sessions, or every one of a user's. */
export type SessionTarget = { sids: string[] } | { userId: string };

export type DomainEvent =
  /** Something of the dossier changed; `changed` is the path of its visibility table (`leaves[].stages.self.score`…). */
  | { type: "dossierChanged"; dossier: DossierRef & { version: number }; changed: string }
  /** A comment was written: a formal request reaches the agency too, an internal note only the council. */
  | { type: "commentAdded"; commentId: string; dossier: DossierRef; kind: "internal" | "request" }
  | { type: "commentChanged"; commentId: string; dossier: DossierRef; status: string }
  /**
   * The period's official ranking may have moved (scores confirmed, survey locked, an agreement, a cap…); with
   * `dossierId`, through that dossier's own figures only (its scoring is read again, not the whole period's).
   */
  | { type: "rankingChanged"; periodId: string; dossierId?: string }
  /** Only meeting proposals moved the period's provisional ranking (nothing official changed). */
  | { type: "proposalsChanged"; periodId: string }
  | { type: "notified"; notifications: Notified[] }
  /** E-mails to send once committed (best effort: the mailer never throws), e.g. survey links. */
  | { type: "emailsDue"; mails: { to: string; subject: string; body: string }[] }
  /** An account's rights changed (new roles, unit, a conflict declared): its live connections are authorized again. */
  | { type: "accountChanged"; userId: string }
  /** Sessions ended (signed out, expired, the account disabled or its password reset). */
  | { type: "sessionsEnded"; target: SessionTarget; reason: SessionEndReason }
  /** The meeting changed (planned, started, ended, a lock). */
  | { type: "meetingChanged"; meeting: { id: string; periodId: string; status: string } }
  | { type: "meetingFocusMoved"; focus: TMeetingFocus }
  /** Who may edit these meeting documents changed (the meeting started): their connections are authorized again. */
  | { type: "documentAccessChanged"; rooms: string[] }
  /** A dossier's provisional totals in a meeting moved. */
  | { type: "meetingProjectionMoved"; meetingId: string; dossierId: string }
  /** Leaves of a meeting dossier were locked: these agreed scores (hundredths by leaf code) are now the record. */
  | {
      type: "meetingDossierLocked";
      meetingId: string;
      dossierId: string;
      agreed: ReadonlyMap<string, number>;
    };

export type DomainEventType = DomainEvent["type"];

/** Where commands' events go: the dispatcher of a running server, or nowhere (scripts). */
export interface EventSink {
  /** Applies the events' effects; resolves once those the caller must wait for (re-authorizations) are done. */
  dispatch(events: readonly DomainEvent[]): Promise<void>;
}

/** A command's result with what happened. */
export type WithEvents<T> = T & { events: DomainEvent[] };

/** The event of a dossier change, from the dossier row a command locked and touched. */
export function dossierChanged(
  dossier: { id: string; periodId: string; status: string; version: number },
  changed: string,
): DomainEvent {
  return { type: "dossierChanged", dossier: { ...refOf(dossier), version: dossier.version }, changed };
}

/** Runs a command and hands its events to the sink: what routes, seeds and scripts call commands through. */
export async function execute<R extends { events: readonly DomainEvent[] }>(
  sink: EventSink,
  command: Promise<R>,
): Promise<R> {
  const result = await command;
  await sink.dispatch(result.events);
  return result;
}

/** The dossier as events name it, from a dossier row. */
export function refOf(dossier: DossierRef): DossierRef {
  return { id: dossier.id, periodId: dossier.periodId, status: dossier.status };
}

/** The meeting as its events name it, from a meeting row. */
export function meetingRef(meeting: { id: string; periodId: string; status: string }) {
  return { id: meeting.id, periodId: meeting.periodId, status: meeting.status };
}
