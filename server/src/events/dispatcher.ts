import type { LiveEvents } from "../realtime/liveEvents";
import type { DomainEvent, EventSink, Notified } from "./domainEvents";

/** What the dispatcher acts on, wired by the server once Socket.IO and the Yjs endpoint exist (server.ts). */
export interface EffectPorts {
  /** Socket.IO pushes; each goes to the rooms the visibility rule names (realtime/liveEvents.ts). */
  live: LiveEvents;
  /**
   * Drops the period's cached ranking here and on the other instances (`provisional`: only the proposals moved;
   * a dossier: only its figures moved, its scoring is read again).
   */
  dropRanking(periodId: string, what: "all" | "provisional" | { dossierId: string }): void;
  /** E-mails the notifications to those with an address (nothing without SMTP_URL). */
  mail(notified: readonly Notified[]): void;
  /** Sends one e-mail (nothing without SMTP_URL; never throws). */
  send(to: string, subject: string, body: string): Promise<void>;
  /**
   * Has this instance's Yjs endpoint ask `can()` again for the user's connections and proposals; `tellOthers`: the
   * other instances too (an account change; ended sessions reach them through the session registry).
   */
  reauthorizeUser(userId: string, tellOthers: boolean): Promise<void>;
  /** The Yjs endpoint asks `can()` again for every connection on these documents, here and on the other instances. */
  reauthorizeDocuments(rooms: readonly string[]): Promise<void>;
  /** The Yjs endpoint's projection of the dossier marks these leaves locked with their agreed scores. */
  meetingLocked(meetingId: string, dossierId: string, agreed: ReadonlyMap<string, number>): void;
}

/**
 * The one place where what happened becomes what is pushed, dropped, notified and mailed (docs/architecture.md).
 * Before `attach` (scripts, the seeds on a database no server serves yet) events have no effect beyond observers.
 */
export class Dispatcher implements EventSink {
  private ports: EffectPorts | null = null;
  private readonly observers = new Set<(events: readonly DomainEvent[]) => void>();

  attach(ports: EffectPorts): void {
    this.ports = ports;
  }

  detach(): void {
    this.ports = null;
  }

  /** Calls `fn` with every batch of events dispatched (tests compare what a route and a command lead to). */
  observe(fn: (events: readonly DomainEvent[]) => void): () => void {
    this.observers.add(fn);
    return () => void this.observers.delete(fn);
  }

  async dispatch(events: readonly DomainEvent[]): Promise<void> {
    for (const fn of this.observers) fn(events);
    const ports = this.ports;
    if (!ports) return;
    const waits: Promise<void>[] = [];
    for (const event of events) {
      const wait = applyEvent(ports, event);
      if (wait) waits.push(wait);
    }
    await Promise.all(waits);
  }
}

/** One event's effects; a promise for those the command's caller waits for. */
export function applyEvent(ports: EffectPorts, e: DomainEvent): Promise<void> | void {
  const { live } = ports;
  switch (e.type) {
    case "dossierChanged":
      // Anything of a dossier may feed the ranking: its part of the cached base goes; a push follows only
      // `rankingChanged`.
      ports.dropRanking(e.dossier.periodId, { dossierId: e.dossier.id });
      return live.dossierUpdated(e.dossier, e.changed);
    case "commentAdded":
      return live.commentNew({ id: e.commentId, dossier: e.dossier, kind: e.kind });
    case "commentChanged":
      return live.commentUpdated({ id: e.commentId, dossier: e.dossier, status: e.status });
    case "rankingChanged":
      ports.dropRanking(e.periodId, e.dossierId ? { dossierId: e.dossierId } : "all");
      return live.rankingChanged(e.periodId);
    case "proposalsChanged":
      ports.dropRanking(e.periodId, "provisional");
      return live.proposalsChanged(e.periodId);
    case "notified":
      for (const n of e.notifications) live.notify([n.userId], n);
      return ports.mail(e.notifications);
    case "emailsDue":
      return sendInTurn(ports, e.mails);
    case "accountChanged":
      live.accountChanged(e.userId);
      return ports.reauthorizeUser(e.userId, true);
    case "sessionsEnded":
      live.sessionsEnded(e.target, e.reason);
      // Every session of an account ended (disabled, password reset): its proposals here are judged again.
      if ("userId" in e.target) return ports.reauthorizeUser(e.target.userId, false);
      return;
    case "meetingChanged":
      return live.meetingUpdated(e.meeting);
    case "meetingFocusMoved":
      return live.meetingFocus(e.focus);
    case "documentAccessChanged":
      return ports.reauthorizeDocuments(e.rooms);
    case "meetingProjectionMoved":
      return live.meetingProjection(e.meetingId, e.dossierId);
    case "meetingDossierLocked":
      return ports.meetingLocked(e.meetingId, e.dossierId, e.agreed);
  }
}

/** One after another, as a person would send them: the SMTP server sees one connection's worth at a time. */
async function sendInTurn(ports: EffectPorts, mails: { to: string; subject: string; body: string }[]) {
  for (const m of mails) await ports.send(m.to, m.subject, m.body);
}
