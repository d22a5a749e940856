import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApiToken, createSecretToken, hashSecretToken, safeEqual } from './secret-token.js';

describe('secret tokens', () => {
  it('creates base64url tokens of the requested number of random bytes', () => {
    const token = createSecretToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(Buffer.from(createSecretToken(16), 'base64url')).toHaveLength(16);
    expect(createSecretToken()).not.toBe(token);
  });

  it('hashes with SHA-256 to hex', () => {
    expect(hashSecretToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = createSecretToken();
    expect(hashSecretToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashSecretToken(token)).not.toBe(hashSecretToken(createSecretToken()));
  });

  it('compares equal strings as equal and everything else as different, also at other lengths', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('abc', '')).toBe(false);
    // Same number of UTF-16 units, different number of bytes.
    expect(safeEqual('é', 'e')).toBe(false);
  });

  it('creates API tokens with the lea_ prefix and an 8-character lookup prefix', () => {
    const { token, prefix } = createApiToken();
    expect(token).toMatch(/^lea_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    expect(prefix).toHaveLength(8);
    expect(token.slice(4, 12)).toBe(prefix);
    expect(createApiToken().token).not.toBe(token);
  });
});
