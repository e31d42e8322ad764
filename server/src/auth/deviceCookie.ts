import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Response } from "express";

/** The long-lived cookie that marks a browser in which an account has signed in before ("a known device"). */
export const DEVICE_COOKIE = "ca.dev";
const MAX_AGE_MS = 365 * 24 * 3_600_000;
const ID = /^[A-Za-z0-9_-]{22}$/;

export interface DeviceCookies {
  /** The device id of the request's cookie when it was issued to this account (signed), else null. */
  read(req: IncomingMessage, username: string): string | null;
  /** Sets (or renews) the cookie after a successful sign-in, keeping the device id the browser already had. */
  issue(res: Response, username: string, current: string | null): void;
}

/**
 * Device cookies (OWASP's answer to lock-outs): a password guessed from anywhere throttles the account, but the
 * owner's browser, which holds a cookie signed for that account, keeps its own count and signs in. The cookie is
 * `<device id>.<HMAC(secret, device id, username)>`: worthless for another account, and unforgeable.
 */
export function deviceCookies(secret: string, secure: boolean): DeviceCookies {
  const sign = (id: string, username: string) =>
    crypto.createHmac("sha256", secret).update(`device\n${id}\n${username}`).digest("base64url");
  return {
    read(req, username) {
      const value = cookieValue(req.headers.cookie, DEVICE_COOKIE);
      const [id, mac] = value?.split(".") ?? [];
      if (!id || !mac || !ID.test(id)) return null;
      const expected = Buffer.from(sign(id, username));
      const given = Buffer.from(mac);
      return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? id : null;
    },
    issue(res, username, current) {
      const id = current ?? crypto.randomBytes(16).toString("base64url");
      res.cookie(DEVICE_COOKIE, `${id}.${sign(id, username)}`, {
        httpOnly: true,
        sameSite: "strict",
        secure,
        path: "/api/auth",
        maxAge: MAX_AGE_MS,
      });
    },
  };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
