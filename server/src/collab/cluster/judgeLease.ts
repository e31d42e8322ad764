import type { Logger } from "pino";
import type { createClient } from "redis";

/** How long a lease lives unrenewed: a judge that died is replaced at most this long, plus one tick, later. */
export const LEASE_TTL_MS = 2_500;
/** How often a holder renews its leases and the others try to take free ones. */
export const LEASE_TICK_MS = 500;

// Renews or frees a lease only if this instance still holds it: a lease that expired and was taken by another
// instance meanwhile is never extended or deleted by its former holder.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const FREE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export type Redis = ReturnType<typeof createClient>;

/**
 * One lease per meeting document in Redis (`SET key me NX PX ttl`): the instance holding it is the document's
 * only judge. Every instance that has the document in memory either renews it (holder) or tries to take it
 * (the others) every tick; a holder that fails to renew — expired under load, Redis unreachable — stops judging
 * at once. Documents not loaded anywhere have no lease and need no judge (nobody edits them).
 */
export class JudgeLeases {
  private readonly held = new Set<string>();
  private readonly wanted = new Map<string, (judging: boolean) => void | Promise<void>>();
  private readonly timer: NodeJS.Timeout;
  private ticking = false;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    readonly instanceId: string,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.tick(), LEASE_TICK_MS);
    this.timer.unref();
  }

  keyOf(docName: string): string {
    return `${this.keyPrefix}:collab:judge:${docName}`;
  }

  judging(docName: string): boolean {
    return this.held.has(docName);
  }

  /** Competes for the document's lease from now on; `onChange` hears when this instance starts or stops judging. */
  async want(docName: string, onChange: (judging: boolean) => void | Promise<void>): Promise<void> {
    this.wanted.set(docName, onChange);
    await this.attempt(docName);
  }

  /** Stops competing (the document left memory) and frees the lease if held, so another takes it at once. */
  async drop(docName: string): Promise<void> {
    this.wanted.delete(docName);
    if (!this.held.delete(docName)) return;
    await this.redis
      .eval(FREE, { keys: [this.keyOf(docName)], arguments: [this.instanceId] })
      .catch((err) => this.logger.warn({ err, doc: docName }, "collab: could not free a judge lease"));
  }

  private async attempt(docName: string): Promise<void> {
    const onChange = this.wanted.get(docName);
    if (!onChange) return;
    try {
      if (this.held.has(docName)) {
        const renewed = await this.redis.eval(RENEW, {
          keys: [this.keyOf(docName)],
          arguments: [this.instanceId, String(LEASE_TTL_MS)],
        });
        if (renewed === 1 || !this.held.has(docName)) return;
        this.held.delete(docName);
        this.logger.warn({ doc: docName }, "collab: judge lease lost; another instance judges");
        await onChange(false);
        return;
      }
      const taken = await this.redis.set(this.keyOf(docName), this.instanceId, {
        NX: true,
        PX: LEASE_TTL_MS,
      });
      if (taken !== "OK") return;
      this.held.add(docName);
      // Dropped while the command was in flight: give it back.
      if (!this.wanted.has(docName)) return void (await this.drop(docName));
      await onChange(true);
    } catch (err) {
      // Unable to renew: we can no longer be sure no other instance judges, so we stop.
      this.logger.warn({ err, doc: docName }, "collab: judge lease unreachable");
      if (this.held.delete(docName)) await Promise.resolve(onChange(false)).catch(() => undefined);
    }
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await Promise.all([...this.wanted.keys()].map((name) => this.attempt(name)));
    } finally {
      this.ticking = false;
    }
  }

  /** Frees every lease (shutdown): the other instances take over within a tick instead of a lease's lifetime. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.wanted.keys()].map((name) => this.drop(name)));
  }
}
