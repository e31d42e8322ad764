/**
 * Counts failures per key in fixed windows, in this process's memory: cheap enough to sit in front of every
 * anonymous lookup. With several instances each keeps its own counts, so the limits apply per instance (a guesser
 * spread over N instances gets N times the tries) — acceptable where what is guessed is 256 random bits, and where
 * the point is to keep guessing from costing the database anything; the login throttle, which guards passwords,
 * counts in the database instead (commands/authenticate.ts).
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    // Keys tracked at most: an attacker with many addresses (IPv6) must not grow the map without bound. When full,
    // expired windows are dropped; if none has expired, the oldest go.
    private readonly maxKeys = 100_000,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may now. */
  blockedFor(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) return 0;
    return w.count >= this.limit ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
  }

  /** Counts one failure of `key`. */
  fail(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (w && w.resetAt > now) {
      w.count++;
      return;
    }
    if (this.windows.size >= this.maxKeys) this.prune(now);
    this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    // Map iteration is insertion order: the oldest windows first.
    for (const k of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(k);
    }
  }
}

/** Keys remembered for a while (e.g. addresses that opened a valid link), bounded like FailureLimiter. */
export class RecentKeys {
  private readonly until = new Map<string, number>();

  constructor(
    readonly ttlMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  add(key: string, now = Date.now()): void {
    this.until.delete(key);
    if (this.until.size >= this.maxKeys)
      for (const [k, t] of this.until) if (t <= now || this.until.size >= this.maxKeys) this.until.delete(k);
    this.until.set(key, now + this.ttlMs);
  }

  has(key: string, now = Date.now()): boolean {
    return (this.until.get(key) ?? 0) > now;
  }
}
