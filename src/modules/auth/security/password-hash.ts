import { argon2id, hash, needsRehash as argon2NeedsRehash, verify } from 'argon2';

/**
 * OWASP Password Storage Cheat Sheet, argon2id with the lowest memory it lists (19 MiB): strong enough, and about
 * 50–100 ms per hash, so a login burst does not exhaust the server's memory.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Hash of a random password nobody knows, made once with PASSWORD_HASH_OPTIONS. Must be regenerated when those
 * change (the test checks), or a login for an unknown e-mail address would take a different time again.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,p=1,t=2$DgEJLZzW4HpwcWyK4Kr99w$xGVJ4xQXG/6prR5WLxmfIO2Pee219X/afCy7xXvORE8';

/** The form a password is hashed in: NFKC, so the same password typed on another keyboard or OS still matches. */
function normalise(plain: string): string {
  return plain.normalize('NFKC');
}

/** Hashes a password with argon2id; the result holds algorithm, parameters and salt (PHC string format). */
export async function hashPassword(plain: string): Promise<string> {
  return hash(normalise(plain), PASSWORD_HASH_OPTIONS);
}

/** Whether the password matches the stored hash; false, never an exception, for a malformed or foreign hash. */
export async function verifyPassword(storedHash: string, plain: string): Promise<boolean> {
  if (!storedHash.startsWith('$argon2')) return false;
  try {
    return await verify(storedHash, normalise(plain));
  } catch {
    return false;
  }
}

// A login for an e-mail address without an account must cost as much time as one with, or the time tells which
// addresses have an account.
/** Verifies the password against a fixed hash and answers false; call it when no account has the e-mail address. */
export async function verifyDummyPassword(plain: string): Promise<false> {
  await verifyPassword(DUMMY_PASSWORD_HASH, plain);
  return false;
}

/** Whether a stored hash was made with another algorithm or other parameters and should be replaced on login. */
export function needsRehash(storedHash: string): boolean {
  // argon2's own check compares only the parameters, not the variant.
  if (!storedHash.startsWith('$argon2id$')) return true;
  try {
    const { type: _type, ...parameters } = PASSWORD_HASH_OPTIONS;
    return argon2NeedsRehash(storedHash, parameters);
  } catch {
    return true;
  }
}
