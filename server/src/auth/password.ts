import argon2 from "argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes); test runs use a cheaper cost to create many accounts quickly.
const PRODUCTION = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const FAST = { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

let fast = false;
/** Switches to the cheap test cost (config FAST_HASH=1, refused in production). */
export function useFastHashing(on: boolean): void {
  fast = on;
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, fast ? FAST : PRODUCTION);
}

/** Verifies a password against its argon2 hash; a malformed hash verifies as false. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the user does not exist keeps the timing of both failures alike.
let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real verification, for unknown usernames. */
export async function verifyDummy(password: string): Promise<false> {
  dummyHash ??= argon2.hash("not-a-real-password-0", fast ? FAST : PRODUCTION);
  await verifyPassword(await dummyHash, password);
  return false;
}
