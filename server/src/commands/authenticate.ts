import { and, count, eq, gte, min } from "drizzle-orm";
import type { Db } from "../db/client";
import { loginFailures, users } from "../db/schema";
import { appendAudit } from "../audit/appendAudit";
import { verifyDummy, verifyPassword } from "../auth/password";
import { AppError } from "../http/errors";

// TARGETS S8: after 10 failures per account and address within 15 minutes, refuse with a wait time.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
// A wider cap per address alone slows spraying one password across many usernames.
const MAX_FAILURES_PER_IP = 100;

/** Checks a username and password, throttling guesses and auditing every failure; returns the user row. */
export async function authenticate({
  db,
  username,
  password,
  ip,
}: {
  db: Db;
  username: string;
  password: string;
  ip: string;
}) {
  const since = new Date(Date.now() - WINDOW_MS);
  const [perAccount] = await db
    .select({ n: count(), first: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), eq(loginFailures.ip, ip), gte(loginFailures.at, since)));
  const [perIp] = await db
    .select({ n: count(), first: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gte(loginFailures.at, since)));
  const blocking = perAccount.n >= MAX_FAILURES ? perAccount : perIp.n >= MAX_FAILURES_PER_IP ? perIp : null;
  if (blocking) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((new Date(blocking.first!).getTime() + WINDOW_MS - Date.now()) / 1000),
    );
    await db.transaction((tx) =>
      appendAudit(tx, {
        actor: null,
        action: "auth.login_throttled",
        entity: "user",
        entityId: username,
        newValue: { ip },
      }),
    );
    throw new AppError(
      "too_many_attempts",
      { retryAfterSeconds },
      {
        vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(retryAfterSeconds / 60)} phút.`,
        en: `Too many failed sign-ins. Please try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      },
    );
  }

  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyDummy(password);
  if (!ok || !user) {
    await db.transaction(async (tx) => {
      await tx.insert(loginFailures).values({ username, ip });
      await appendAudit(tx, {
        actor: null,
        action: "auth.login_failed",
        entity: "user",
        entityId: user?.id ?? username,
        newValue: { username, ip },
      });
    });
    throw new AppError("invalid_credentials");
  }
  if (user.disabledAt) throw new AppError("account_disabled");
  await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(and(eq(loginFailures.username, username), eq(loginFailures.ip, ip)));
    await appendAudit(tx, {
      actor: user,
      action: "auth.login",
      entity: "user",
      entityId: user.id,
      newValue: { ip },
    });
  });
  return user;
}
