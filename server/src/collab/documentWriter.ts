import type { Logger } from "pino";
import * as Y from "yjs";
import type { Db } from "../db/client";
import { appendUpdate, compactDocument } from "./persistence";

const RETRY_MAX_MS = 5_000;
/**
 * How long the updates of a burst gather before they are appended as one row. At the P5 load (200 edits/s on one
 * document) that is one insert every 100 ms instead of one per edit or two (docs/performance.md); anything that
 * needs the rows written (a lock, a meeting's end, the document freed, shutdown) flushes at once (`flushed`).
 */
const APPEND_WINDOW_MS = 100;

/**
 * A document's updates on their way to PostgreSQL (collab/persistence.ts): appended in bursts as one merged row,
 * retried with backoff while the database is away (the update stays in memory until written), and compacted
 * into the state row every `compactEvery` rows.
 *
 * Persistence, and why it does not delay the broadcast: y-websocket has no acknowledgement, so no client ever
 * learns that an update was written, and every client keeps its own edits until they are in the server's
 * document: after a crash or restart, the provider reconnects and its sync step 2 sends back whatever the
 * server lacks (docs/targets.md R1, R3). Waiting for the insert before broadcasting would add a database round trip
 * to every edit's latency (docs/targets.md P1) for no gain in safety. So an update is broadcast at once and appended
 * shortly after: the first update of a burst waits APPEND_WINDOW_MS for the others, and updates arriving while a
 * write is in flight are merged into the next one (group commit).
 */
export class DocumentWriter {
  private pending: Uint8Array[] = [];
  private writer: Promise<void> | null = null;
  private rowsSinceCompaction = 0;
  private stopping = false;
  /** Ends the current gathering window early (a flush). */
  private wake: (() => void) | null = null;

  constructor(
    private readonly name: string,
    private readonly deps: { db: Db; logger: Logger; compactEvery: number },
  ) {}

  /** Updates not yet written to the database. */
  get pendingWrites(): number {
    return this.pending.length + (this.writer ? 1 : 0);
  }

  /** Nothing waits to be written and nothing is being written. */
  get idle(): boolean {
    return !this.writer && this.pending.length === 0;
  }

  /** Queues an update to append. */
  persist(update: Uint8Array): void {
    this.pending.push(update);
    this.writer ??= this.drain();
  }

  private async drain(): Promise<void> {
    let delay = 100;
    try {
      await this.gather();
      while (this.pending.length) {
        const batch = this.pending.splice(0);
        const merged = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
        try {
          await appendUpdate(this.deps.db, this.name, merged);
          delay = 100;
        } catch (err) {
          this.pending.unshift(merged);
          this.deps.logger.error({ err, doc: this.name }, "collab: could not persist an update; retrying");
          if (this.stopping && delay >= RETRY_MAX_MS) return;
          await sleep(delay);
          delay = Math.min(delay * 2, RETRY_MAX_MS);
          continue;
        }
        if (++this.rowsSinceCompaction >= this.deps.compactEvery) {
          this.rowsSinceCompaction = 0;
          await this.compact();
        }
      }
    } finally {
      this.writer = null;
    }
  }

  /** The gathering window: APPEND_WINDOW_MS, or until a flush asks for the rows now. */
  private gather(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, APPEND_WINDOW_MS);
      this.wake = done;
    });
  }

  /** Resolves once every update received so far is written: what is gathering is appended now. */
  async flushed(): Promise<void> {
    while (this.writer) {
      this.wake?.();
      await this.writer;
    }
  }

  async compact(): Promise<void> {
    try {
      await compactDocument(this.deps.db, this.name);
    } catch (err) {
      // The appended rows stay; the next compaction merges them.
      this.deps.logger.warn({ err, doc: this.name }, "collab: compaction failed");
    }
  }

  /** Stops retrying failed writes forever (server shutdown): gives up after the longest backoff. */
  stop(): void {
    this.stopping = true;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
