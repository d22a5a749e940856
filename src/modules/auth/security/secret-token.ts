import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Recognisable start of an API token, so secret scanners and people can tell what a leaked string is. */
export const API_TOKEN_PREFIX = 'lea_';
const API_TOKEN_LOOKUP_LENGTH = 8;

/** A random token (session id, reset or invite link), base64url so it fits in URLs and cookies unescaped. */
export function createSecretToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

// The tokens are random enough that a slow hash adds nothing; a leaked database then holds no usable session or link.
/** SHA-256 (hex) of a token: the only form that is stored. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two secrets in constant time; false when the lengths differ. */
export function safeEqual(a: string, b: string): boolean {
  // Stryker disable next-line StringLiteral: 'utf8' is Buffer.from's default for a string; stated for the reader
  const left = Buffer.from(a, 'utf8');
  // Stryker disable next-line StringLiteral: as above
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A new API token, with the first characters of its random part to show in the UI to tell tokens apart. */
export function createApiToken(): { token: string; prefix: string } {
  const random = createSecretToken(32);
  return { token: `${API_TOKEN_PREFIX}${random}`, prefix: random.slice(0, API_TOKEN_LOOKUP_LENGTH) };
}
