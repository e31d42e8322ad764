/**
 * Generates malformed JSON payloads for a route (docs/targets.md S6): wrong types, huge strings, deep nesting,
 * prototype-pollution keys, SQL and script fragments, each derived from a valid example body.
 */
const NASTY_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -1e308,
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  "",
  " ",
  "0",
  "null",
  "NaN",
  "x".repeat(100_000),
  "💥".repeat(5000),
  "'; drop table users; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "${7*7}",
  "../../etc/passwd",
  "\u0000",
  "\ud800",
  [],
  [1, 2],
  {},
  { $gt: "" },
  { __proto__: { polluted: 1 } },
  "2023-13-45T99:99:99+07:00",
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  -0,
];

function deep(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** A seeded PRNG so a failing payload can be replayed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` malformed payloads (as raw JSON strings, so that `__proto__` keys survive) built from a valid body. */
export function malformedPayloads(valid: Record<string, unknown>, count: number, seed = 1): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const keys = Object.keys(valid);
  const out: string[] = [
    "",
    "null",
    "[]",
    '"text"',
    "42",
    "{",
    '{"a":',
    `${'{"a":['.repeat(20000)}1${"]}".repeat(20000)}`,
    JSON.stringify(deep(50)),
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
  ];
  while (out.length < count) {
    const body: Record<string, unknown> = { ...valid };
    const mode = rand();
    if (mode < 0.55) {
      for (let i = 0, n = 1 + Math.floor(rand() * 2); i < n; i++) body[pick(keys)] = pick(NASTY_VALUES);
    } else if (mode < 0.7) {
      delete body[pick(keys)];
    } else if (mode < 0.8) {
      body[pick(["extra", "isAdmin", "roles", "id", "$where"])] = pick(NASTY_VALUES);
    } else if (mode < 0.9) {
      body[pick(keys)] = deep(1 + Math.floor(rand() * 200));
    } else {
      const raw = JSON.stringify(body);
      out.push(
        raw.replace("{", `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},`),
      );
      continue;
    }
    out.push(JSON.stringify(body));
  }
  return out.slice(0, count);
}

/** What a barrage of payloads against one route got back. */
export interface Barrage {
  /** How many responses had each status. */
  statuses: Map<number, number>;
  /** 5xx responses, with the payload that caused each. */
  serverErrors: string[];
  /** 4xx responses without a clear `{ error: { code, message } }` body. */
  unclear: string[];
  /** 2xx responses: the writes the route acknowledged. */
  acknowledged: number;
  /** One line for the log: "<name>: N payloads → {status: count}". */
  summary: string;
}

/**
 * Sends every payload (docs/targets.md S6), one after another, and sorts the answers; `onAcknowledged` sees each 2xx with
 * its payload, for what the caller expects the route to have written.
 */
export async function sendMalformed(
  name: string,
  payloads: string[],
  send: (
    payload: string,
  ) => Promise<{ status: number; body: { error?: { code?: unknown; message?: unknown }; data?: unknown } }>,
  onAcknowledged: (res: { body: { data?: unknown } }, payload: string) => void = () => undefined,
): Promise<Barrage> {
  const barrage: Barrage = {
    statuses: new Map(),
    serverErrors: [],
    unclear: [],
    acknowledged: 0,
    summary: "",
  };
  for (const payload of payloads) {
    const res = await send(payload);
    barrage.statuses.set(res.status, (barrage.statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500)
      barrage.serverErrors.push(
        `${res.status} ${payload.slice(0, 200)} → ${JSON.stringify(res.body).slice(0, 200)}`,
      );
    else if (res.status >= 400) {
      if (typeof res.body.error?.message !== "string" || typeof res.body.error?.code !== "string")
        barrage.unclear.push(payload.slice(0, 100));
    } else {
      barrage.acknowledged++;
      onAcknowledged(res, payload);
    }
  }
  const counts = JSON.stringify(Object.fromEntries([...barrage.statuses].sort()));
  barrage.summary = `${name}: ${payloads.length} payloads → ${counts}`;
  return barrage;
}

/** A JSON route under the S6 barrage: a valid body to mutate, and bad bodies written by hand. */
export interface JsonRouteBarrage {
  name: string;
  valid: () => Record<string, unknown>;
  extra?: () => unknown[];
}

/**
 * The S6 barrage of one JSON route: `count` malformed payloads derived from its valid body plus its hand-written
 * ones, sent one by one; checks what every barrage must hold (no 5xx, every 4xx a clear error, no prototype
 * polluted) and returns the tally for the caller's checks of what was written.
 */
export async function barrageJsonRoute(
  route: JsonRouteBarrage,
  count: number,
  seed: number,
  send: Parameters<typeof sendMalformed>[2],
): Promise<Barrage> {
  const payloads = [
    ...malformedPayloads(route.valid(), count, seed),
    ...(route.extra?.() ?? []).map((b) => JSON.stringify(b)),
  ];
  const barrage = await sendMalformed(route.name, payloads, send);
  console.info(barrage.summary);
  expect(payloads.length).toBeGreaterThanOrEqual(count);
  expect(barrage.serverErrors).toEqual([]);
  expect(barrage.unclear).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return barrage;
}
