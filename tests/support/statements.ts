import type { TestApp } from "./testApp";

/**
 * The fewest statements one of `times` requests sent to the database (`Database.statementsSent`: PGlite's protocol
 * messages, node-postgres's client queries), each answered with `status`. The audit sealer is stopped first: it
 * would add its own statements whenever a request spans one of its ticks (every 250 ms). The session's read (once
 * a second) and its expiry (written at most once a minute) may land in some requests: the fewest over several is
 * what a request itself sends.
 */
export async function fewestStatements(
  app: TestApp,
  request: (i: number) => Promise<{ status: number; body?: unknown }>,
  status: number,
  times = 8,
): Promise<number> {
  await app.sealer.stop();
  const sent = () => app.ctx.database.statementsSent()!;
  const counts: number[] = [];
  for (let i = 0; i < times; i++) {
    const before = sent();
    const res = await request(i);
    counts.push(sent() - before);
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  }
  return Math.min(...counts);
}
