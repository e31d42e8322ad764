import crypto from "node:crypto";

/** A new single-use link token: 32 random bytes (256 bits), base64url; only its SHA-256 is stored. */
export function newSurveyToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashSurveyToken(token) };
}

/** The stored form of a token. */
export function hashSurveyToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** A token as it may appear in a URL (43 base64url characters); anything else is refused before any lookup. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
