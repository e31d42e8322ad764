import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { loginFailures, users } from "../db/schema";
import { appendAudit } from "../audit/appendAudit";
import { verifyDummy, verifyPassword } from "../auth/password";
import { AppError } from "../http/errors";

// docs/targets.md S8: after 10 failures per account and address within 15 minutes, refuse with a wait time.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
// A wider cap per address alone slows spraying one password across many usernames.
const MAX_FAILURES_PER_IP = 100;
// docs/targets.md S12: an account guessed from many addresses. After this many failures within the window, from any
// address, each further try waits 2^(n - ACCOUNT_FREE_FAILURES) seconds after the last failure, up to the window.
export const ACCOUNT_FREE_FAILURES = 10;

type Limit = "account_address" | "address" | "account" | "device";

/**
 * Checks a username and password, throttling guesses and auditing every failure; returns the user row.
 *
 * Unknown clients are throttled before the password is checked (otherwise the answer would tell a guesser it was
 * right): per account and address (S8), per address, and per account from any address with growing delays (S12).
 * A known device — the browser carries a `ca.dev` cookie signed for this account (`auth/deviceCookie.ts`) — is
 * exempt from those, so the owner is never locked out by someone else's guesses; it has its own MAX_FAILURES per
 * window instead (a stolen device cookie is worth ten guesses, no more).
 */
export async function authenticate({
  db,
  username,
  password,
  ip,
  device = null,
  now = new Date(),
}: {
  db: Db;
  username: string;
  password: string;
  ip: string;
  /** The device id of a valid device cookie for this username, if any. */
  device?: string | null;
  now?: Date;
}) {
  const counts = await failureCounts(db, username, ip, device, now);
  const known = device !== null;
  const wait = known ? deviceThrottled(counts, now.getTime()) : throttled(counts, now.getTime());
  if (wait) {
    await db.transaction((tx) =>
      appendAudit(tx, {
        actor: null,
        action: "auth.login_throttled",
        entity: "user",
        entityId: username,
        newValue: { ip, limit: wait.limit },
      }),
    );
    throw tooManyAttempts(wait.seconds, wait.limit);
  }

  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyDummy(password);
  if (!ok || !user) {
    await db.transaction(async (tx) => {
      await tx.insert(loginFailures).values({ username, ip, device: known ? device : null });
      await appendAudit(tx, {
        actor: null,
        action: "auth.login_failed",
        entity: "user",
        entityId: user?.id ?? username,
        newValue: { username, ip, ...(known ? { knownDevice: true } : {}) },
      });
    });
    throw new AppError("invalid_credentials");
  }
  if (user.disabledAt) throw new AppError("account_disabled");
  await db.transaction(async (tx) => {
    // Only this client's own failures are forgiven: others' guesses at the account keep counting.
    await tx
      .delete(loginFailures)
      .where(
        known
          ? and(eq(loginFailures.username, username), eq(loginFailures.device, device))
          : and(eq(loginFailures.username, username), eq(loginFailures.ip, ip), isNull(loginFailures.device)),
      );
    await appendAudit(tx, {
      actor: user,
      action: "auth.login",
      entity: "user",
      entityId: user.id,
      newValue: { ip, ...(known ? { knownDevice: true } : {}) },
    });
  });
  return user;
}

/** Drops failures older than any limit looks at, so that a long guessing campaign does not grow the table forever. */
export async function pruneLoginFailures(db: Db, now = new Date()): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - 2 * WINDOW_MS)));
}

interface FailureCounts {
  accountAddress: number;
  accountAddressFirst: number | null;
  address: number;
  addressFirst: number | null;
  account: number;
  accountLast: number | null;
  device: number;
  deviceFirst: number | null;
}

/** Every count the limits need, in one query over the window (indexes on username and on ip). */
async function failureCounts(
  db: Db,
  username: string,
  ip: string,
  device: string | null,
  now: Date,
): Promise<FailureCounts> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const ms = (e: ReturnType<typeof sql>) => sql`(extract(epoch from ${e}) * 1000)::float8`;
  const mine = sql`username = ${username} and ip = ${ip} and device is null`;
  const fromIp = sql`ip = ${ip} and device is null`;
  const account = sql`username = ${username} and device is null`;
  const ofDevice = sql`username = ${username} and device = ${device ?? ""}`;
  const result = await db.execute(sql`
    select count(*) filter (where ${mine})::int as "accountAddress",
           ${ms(sql`min(at) filter (where ${mine})`)} as "accountAddressFirst",
           count(*) filter (where ${fromIp})::int as "address",
           ${ms(sql`min(at) filter (where ${fromIp})`)} as "addressFirst",
           count(*) filter (where ${account})::int as "account",
           ${ms(sql`max(at) filter (where ${account})`)} as "accountLast",
           count(*) filter (where ${ofDevice})::int as "device",
           ${ms(sql`min(at) filter (where ${ofDevice})`)} as "deviceFirst"
      from login_failures
     where at >= ${since.toISOString()}::timestamptz and (username = ${username} or ip = ${ip})`);
  const [row] = (result as unknown as { rows: FailureCounts[] }).rows;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    accountAddress: Number(row.accountAddress),
    accountAddressFirst: num(row.accountAddressFirst),
    address: Number(row.address),
    addressFirst: num(row.addressFirst),
    account: Number(row.account),
    accountLast: num(row.accountLast),
    device: Number(row.device),
    deviceFirst: num(row.deviceFirst),
  };
}

/** The longest wait any limit imposes now, or null. */
function throttled(c: FailureCounts, now: number): { seconds: number; limit: Limit } | null {
  const until: [number, Limit][] = [];
  if (c.accountAddress >= MAX_FAILURES) until.push([c.accountAddressFirst! + WINDOW_MS, "account_address"]);
  if (c.address >= MAX_FAILURES_PER_IP) until.push([c.addressFirst! + WINDOW_MS, "address"]);
  if (c.account >= ACCOUNT_FREE_FAILURES) {
    const delay = Math.min(2 ** (c.account - ACCOUNT_FREE_FAILURES) * 1000, WINDOW_MS);
    until.push([c.accountLast! + delay, "account"]);
  }
  const [at, limit] = until.reduce<[number, Limit | null]>((a, b) => (b[0] > a[0] ? b : a), [now, null]);
  return limit ? { seconds: Math.max(1, Math.ceil((at - now) / 1000)), limit } : null;
}

/** A known device's own limit: MAX_FAILURES per window, whoever else is guessing. */
function deviceThrottled(c: FailureCounts, now: number): { seconds: number; limit: Limit } | null {
  if (c.device < MAX_FAILURES) return null;
  return { seconds: Math.max(1, Math.ceil((c.deviceFirst! + WINDOW_MS - now) / 1000)), limit: "device" };
}

function tooManyAttempts(seconds: number, limit: Limit): AppError {
  const vi = seconds < 120 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
  const en = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  const message =
    limit === "account"
      ? {
          vi: `Tài khoản này đang bị thử mật khẩu nhiều lần. Vui lòng thử lại sau ${vi}, hoặc đăng nhập từ thiết bị đã đăng nhập trước đây.`,
          en: `This account is being tried with many wrong passwords. Please try again in ${en}, or sign in from a device you have used before.`,
        }
      : {
          vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${vi}.`,
          en: `Too many failed sign-ins. Please try again in ${en}.`,
        };
  return new AppError("too_many_attempts", { retryAfterSeconds: seconds }, message);
}
