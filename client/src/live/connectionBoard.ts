/**
 * One status for every live link of this tab: the Socket.IO connection and each shared (Yjs) document. Each link
 * reports its own state and how many of its local changes the server has not confirmed yet; the chip, the
 * leave-page warning and the meeting page read the combination, so no two indicators can disagree.
 */
export type LinkState = "connecting" | "connected" | "reconnecting" | "offline";

export interface LinkReport {
  state: LinkState;
  /** Local changes not yet confirmed by the server (0 for links that carry no edits, e.g. Socket.IO). */
  unsynced: number;
}

export interface ConnectionSummary {
  state: LinkState;
  unsynced: number;
}

/**
 * The combination: offline when the browser says so or any link is offline; reconnecting while any link is
 * still on its way back; connected only when every link is. Unsynced changes add up across links.
 */
export function combineLinks(reports: readonly LinkReport[], browserOnline: boolean): ConnectionSummary {
  const unsynced = reports.reduce((n, r) => n + r.unsynced, 0);
  if (!reports.length) return { state: browserOnline ? "connecting" : "offline", unsynced };
  const states = new Set(reports.map((r) => r.state));
  const state: LinkState =
    !browserOnline || states.has("offline")
      ? "offline"
      : states.has("reconnecting")
        ? "reconnecting"
        : states.has("connecting")
          ? "connecting"
          : "connected";
  return { state, unsynced };
}

export class ConnectionBoard {
  private readonly links = new Map<object, LinkReport>();
  private summary: ConnectionSummary = { state: "connecting", unsynced: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly idle = new Set<() => void>();
  private primary: object | null = null;
  private readonly primaryWaiters = new Set<() => void>();

  constructor(private readonly browserOnline: () => boolean) {}

  /** A link's current state; the same link object reports again on each change. */
  report(link: object, report: LinkReport): void {
    const prev = this.links.get(link);
    if (link === this.primary && report.state === "connected") {
      const waiting = [...this.primaryWaiters];
      this.primaryWaiters.clear();
      waiting.forEach((go) => go());
    }
    if (prev && prev.state === report.state && prev.unsynced === report.unsynced) return;
    this.links.set(link, report);
    this.recompute();
  }

  /** The link the others wait for after a network cut (the Socket.IO connection). */
  setPrimary(link: object | null): void {
    this.primary = link;
  }

  /**
   * Resolves once the primary link is connected, or after `timeoutMs` at most. After a cut, every link coming back
   * at once makes the server handle the documents' offline edits first and answer the light Socket.IO handshake
   * last; documents that wait for it let the status read connected as soon as the links really are.
   */
  whenPrimaryConnected(timeoutMs: number): Promise<void> {
    if (!this.primary || this.links.get(this.primary)?.state === "connected") return Promise.resolve();
    return new Promise((resolve) => {
      const go = () => {
        clearTimeout(timer);
        this.primaryWaiters.delete(go);
        resolve();
      };
      const timer = setTimeout(go, timeoutMs);
      this.primaryWaiters.add(go);
    });
  }

  /** A link that closed for good. */
  remove(link: object): void {
    if (link === this.primary) this.setPrimary(null);
    if (this.links.delete(link)) this.recompute();
  }

  /** Re-reads the browser's own online flag (its `online`/`offline` events). */
  recompute(): void {
    const next = combineLinks([...this.links.values()], this.browserOnline());
    if (next.state !== this.summary.state || next.unsynced !== this.summary.unsynced) {
      this.summary = next;
      this.listeners.forEach((l) => l());
    }
    if (next.unsynced === 0) {
      const waiting = [...this.idle];
      this.idle.clear();
      waiting.forEach((resolve) => resolve());
    }
  }

  getSummary = (): ConnectionSummary => this.summary;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Resolves once nothing is left unsynced (at once if nothing is). */
  whenSynced(): Promise<void> {
    if (this.summary.unsynced === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }
}

/** The browser's side of things, read through globalThis so that the board also loads outside a page (tests). */
const host = globalThis as {
  navigator?: { onLine: boolean };
  addEventListener?: (type: "online" | "offline", listener: () => void) => void;
};

/** This tab's board. */
export const connectionBoard = new ConnectionBoard(() => host.navigator?.onLine ?? true);
host.addEventListener?.("online", () => connectionBoard.recompute());
host.addEventListener?.("offline", () => connectionBoard.recompute());
