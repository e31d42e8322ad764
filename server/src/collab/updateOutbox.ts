import * as Y from "yjs";
import type { CollabConnection } from "./collabConnection";
import { encodeUpdate } from "./protocol";

const NOBODY = Symbol("nobody");

/**
 * The document's updates on their way to its connections, sent once per turn of the event loop: what arrived in
 * one turn goes to each connection as one merged update, without the ones that connection sent itself. A lone
 * update leaves in the same turn it arrived (setImmediate), so a quiet meeting waits for nothing; in a busy one
 * (40 editors, 200 edits a second, each relayed to 39 sockets) a turn gathers several, and each socket gets one
 * frame and one system call for them instead of one each (docs/performance.md, P7 under P5). Yjs applies an
 * update it already has as nothing, in any order, so merging changes nothing for a client.
 */
export class UpdateOutbox {
  private batch: { update: Uint8Array; origin: unknown }[] = [];

  constructor(
    private readonly conns: () => Iterable<CollabConnection>,
    private readonly send: (conn: CollabConnection, message: Uint8Array) => void,
  ) {}

  /** Queues an update made by `origin` (a connection, or the server's or another instance's origin). */
  push(update: Uint8Array, origin: unknown): void {
    if (this.batch.push({ update, origin }) === 1) setImmediate(this.flush);
  }

  /** Sends what is queued now. */
  readonly flush = (): void => {
    const batch = this.batch;
    if (!batch.length) return;
    this.batch = [];
    const origins = new Set(batch.map((b) => b.origin));
    // One message per excluded sender: everyone else's updates merged once, however many sockets get them.
    const messages = new Map<unknown, Uint8Array | null>();
    const messageWithout = (excluded: unknown) => {
      let message = messages.get(excluded);
      if (message === undefined) {
        const parts = batch.filter((b) => b.origin !== excluded).map((b) => b.update);
        message = parts.length ? encodeUpdate(parts.length === 1 ? parts[0] : Y.mergeUpdates(parts)) : null;
        messages.set(excluded, message);
      }
      return message;
    };
    for (const c of this.conns()) {
      const message = messageWithout(origins.has(c) ? c : NOBODY);
      if (message) this.send(c, message);
    }
  };
}
