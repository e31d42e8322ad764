import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Logger } from "pino";
import { createClient } from "redis";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { RELAYED } from "../origins";
import { JudgeLeases, type Redis } from "./judgeLease";

/** What the relay needs of a document this instance has in memory. */
export interface RelayedDocument {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  destroyed: boolean;
}

/** What instances tell each other about meetings, besides document bytes (docs/scaling.md). */
export type ClusterNotice =
  /** The judge's valid proposals of a dossier: every instance's live ranking counts them. */
  | {
      t: "proposals";
      meetingId: string;
      dossierId: string;
      periodId: string;
      proposals: [string, number][];
    }
  /** Leaves locked through some instance: the judge marks them, the others drop what they remembered. */
  | { t: "locked"; meetingId: string; dossierId: string; agreed: [string, number][] }
  /** A meeting started or ended: every instance re-checks its connections to these documents. */
  | { t: "documents"; rooms: string[] };

const KIND = { update: 0, awareness: 1, syncRequest: 2, awarenessQuery: 3 } as const;

/**
 * The Yjs side of several instances (docs/scaling.md), on Redis pub/sub: each document in memory subscribes to its
 * channel; every update and presence change its own clients make is published there, and what the other instances
 * publish is applied with the origin RELAYED. An instance loading a document asks the others for what it lacks (its
 * state vector; they answer with the difference) and for their presence. The judge of each document is decided by
 * a lease (JudgeLeases). A channel of notices carries the judge's proposals, locks and meeting milestones.
 */
export class CollabCluster {
  readonly instanceId = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  readonly leases: JudgeLeases;
  private readonly prefix: Buffer;
  private readonly subscribed = new Set<string>();
  private onNotice: (n: ClusterNotice) => void = () => undefined;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly key: string,
    private readonly find: (docName: string) => RelayedDocument | undefined,
    private readonly logger: Logger,
  ) {
    const id = Buffer.from(this.instanceId);
    this.prefix = Buffer.concat([Buffer.from([id.length]), id]);
    this.leases = new JudgeLeases(pub, key, this.instanceId, logger);
  }

  static async connect(
    url: string,
    key: string,
    find: (docName: string) => RelayedDocument | undefined,
    logger: Logger,
  ): Promise<CollabCluster> {
    const pub = createClient({ url }) as unknown as Redis;
    // The subscriber speaks only pub/sub: one connection of its own (Redis's rule for a subscribed connection).
    const sub = pub.duplicate() as unknown as Redis;
    // Without a listener a Redis error would end the process; the clients reconnect by themselves.
    for (const c of [pub, sub]) c.on("error", (err) => logger.warn({ err }, "collab cluster: Redis error"));
    await Promise.all([pub.connect(), sub.connect()]);
    const cluster = new CollabCluster(pub, sub, key, find, logger);
    await sub.subscribe(cluster.noticeChannel, (message) => cluster.receiveNotice(message));
    return cluster;
  }

  private get noticeChannel(): string {
    return `${this.key}:collab:notices`;
  }

  private channelOf(docName: string): string {
    return `${this.key}:collab:doc:${docName}`;
  }

  /** Hears what the other instances announce (never this instance's own notices). */
  listen(onNotice: (n: ClusterNotice) => void): void {
    this.onNotice = onNotice;
  }

  announce(notice: ClusterNotice): void {
    if (!this.pub.isOpen) return;
    this.pub
      .publish(this.noticeChannel, JSON.stringify({ from: this.instanceId, ...notice }))
      .catch((err) => this.logger.warn({ err }, "collab cluster: could not announce"));
  }

  private receiveNotice(message: string): void {
    try {
      const { from, ...notice } = JSON.parse(message) as ClusterNotice & { from: string };
      if (from !== this.instanceId) this.onNotice(notice as ClusterNotice);
    } catch (err) {
      this.logger.warn({ err }, "collab cluster: unreadable notice");
    }
  }

  /**
   * A document just loaded from PostgreSQL: listen to its channel first (nothing published from now on is
   * missed), then ask the others for what they hold that is not written yet, and for their presence.
   */
  async join(docName: string, doc: Y.Doc): Promise<void> {
    if (!this.subscribed.has(docName)) {
      this.subscribed.add(docName);
      await this.sub.subscribe(
        this.channelOf(docName),
        (message: Buffer) => this.receive(docName, message),
        true,
      );
    }
    this.publish(docName, "syncRequest", Y.encodeStateVector(doc));
    this.publish(docName, "awarenessQuery", new Uint8Array());
  }

  /** The document left memory: no more of its channel, and its lease (if held) is freed. */
  async leave(docName: string): Promise<void> {
    if (!this.subscribed.delete(docName)) return;
    await this.leases.drop(docName);
    // Opened again meanwhile (a client came back): its channel stays. From here to the unsubscribe nothing waits, so
    // a later join's subscribe is queued after it.
    if (this.subscribed.has(docName) || !this.sub.isOpen) return;
    await this.sub
      .unsubscribe(this.channelOf(docName))
      .catch((err) => this.logger.warn({ err, doc: docName }, "collab cluster: could not unsubscribe"));
  }

  publish(docName: string, kind: keyof typeof KIND, payload: Uint8Array): void {
    if (!this.pub.isOpen) return;
    const message = Buffer.concat([Buffer.from([KIND[kind]]), this.prefix, payload]);
    this.pub
      .publish(this.channelOf(docName), message)
      .catch((err) => this.logger.warn({ err, doc: docName }, "collab cluster: could not publish"));
  }

  private receive(docName: string, message: Buffer): void {
    const idLength = message[1];
    if (message.subarray(2, 2 + idLength).equals(this.prefix.subarray(1))) return;
    const payload = new Uint8Array(message.subarray(2 + idLength));
    const target = this.find(docName);
    if (!target || target.destroyed) return;
    try {
      switch (message[0]) {
        case KIND.update:
          return Y.applyUpdate(target.doc, payload, RELAYED);
        case KIND.awareness:
          return awarenessProtocol.applyAwarenessUpdate(target.awareness, payload, RELAYED);
        case KIND.syncRequest: {
          const missing = Y.encodeStateAsUpdate(target.doc, payload);
          // An empty update is two bytes (no structs, no deletions): nothing to send.
          if (missing.byteLength > 2) this.publish(docName, "update", missing);
          return;
        }
        case KIND.awarenessQuery: {
          const ids = [...target.awareness.getStates().keys()].filter((id) => id !== target.doc.clientID);
          if (ids.length)
            this.publish(
              docName,
              "awareness",
              awarenessProtocol.encodeAwarenessUpdate(target.awareness, ids),
            );
          return;
        }
      }
    } catch (err) {
      this.logger.warn({ err, doc: docName }, "collab cluster: could not apply a relayed message");
    }
  }

  /** Frees every lease (the others take over within a tick) and closes the Redis connections. */
  async close(): Promise<void> {
    await this.leases.close();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}
