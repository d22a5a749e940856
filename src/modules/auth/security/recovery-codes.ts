import { createHash, randomInt } from 'node:crypto';

// No 0/o, 1/i/l or u/v look-alikes, so a code read from paper is typed right the first time: 30 characters.
const ALPHABET = '23456789abcdefghjkmnpqrstvwxyz';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** Bits of randomness in one code: 12 characters from 30 is about 58.9. */
export const RECOVERY_CODE_BITS = GROUPS * GROUP_LENGTH * Math.log2(ALPHABET.length);

/** Creates `count` different one-time recovery codes such as `7kfm-q2xr-9bht`. */
export function generateRecoveryCodes(count = 10): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group++) {
    let text = '';
    // randomInt draws without modulo bias.
    for (let i = 0; i < GROUP_LENGTH; i++) text += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(text);
  }
  return groups.join('-');
}

/** The form a code is compared in: lowercase, without dashes and whitespace, whatever way it was typed. */
export function normaliseRecoveryCode(code: string): string {
  return code.normalize('NFKC').toLowerCase().replace(/[\s\-‐‑‒–—]+/g, '');
}

/** SHA-256 (hex) of the normalised code: what is stored, so a leaked database gives no usable codes. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}
