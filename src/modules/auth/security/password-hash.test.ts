import { argon2i, argon2id, hash } from 'argon2';
import { describe, expect, it } from 'vitest';
import {
  DUMMY_PASSWORD_HASH,
  PASSWORD_HASH_OPTIONS,
  hashPassword,
  needsRehash,
  verifyDummyPassword,
  verifyPassword,
} from './password-hash.js';

describe('password hashing', () => {
  it('hashes with argon2id and the OWASP parameters, salted', async () => {
    const first = await hashPassword('fiets-tulp-molen-kaas');
    const second = await hashPassword('fiets-tulp-molen-kaas');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('fiets');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('fiets-tulp-molen-kaas');
    expect(await verifyPassword(stored, 'fiets-tulp-molen-kaas')).toBe(true);
    expect(await verifyPassword(stored, 'fiets-tulp-molen-kaaS')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('treats composed and decomposed Unicode as the same password', async () => {
    const composed = 'café-geen-thee-graag';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
  });

  it('answers false instead of throwing for a malformed hash', async () => {
    const malformed = ['', 'plain-text', '$argon2id$', '$argon2id$v=19$m=19456,t=2,p=1$!!!$???', '$2b$10$abcdefghijklmnopqrstuv'];
    for (const bad of malformed) {
      await expect(verifyPassword(bad, 'whatever')).resolves.toBe(false);
    }
  });

  it('asks for a rehash when variant or parameters differ, and for a malformed hash', async () => {
    expect(needsRehash(await hashPassword('x'))).toBe(false);
    const weaker = await hash('x', { ...PASSWORD_HASH_OPTIONS, memoryCost: 8192 });
    expect(needsRehash(weaker)).toBe(true);
    const otherVariant = await hash('x', { ...PASSWORD_HASH_OPTIONS, type: argon2i });
    expect(needsRehash(otherVariant)).toBe(true);
    expect(needsRehash('not a hash')).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=19456,t=2,p=1$!!!$???')).toBe(true);
    expect(needsRehash('$argon2id$')).toBe(true);
  });

  it('keeps the dummy hash on the same argon2 parameters as real hashes, so unknown users cost the same time', async () => {
    // The PHC header: $argon2id$v=19$m=…,t=…,p=…$salt$hash, the parameters in any order.
    const header = /^\$(argon2(?:id|i|d))\$v=(\d+)\$([^$]+)\$[^$]+\$[^$]+$/.exec(DUMMY_PASSWORD_HASH);
    expect(header).not.toBeNull();
    const [, variant, version, list] = header!;
    const parameters = Object.fromEntries(list!.split(',').map((pair) => pair.split('=') as [string, string]));
    expect(variant).toBe('argon2id');
    expect(PASSWORD_HASH_OPTIONS.type).toBe(argon2id);
    expect(Number(version)).toBe(19);
    expect(parameters).toEqual({
      m: String(PASSWORD_HASH_OPTIONS.memoryCost),
      t: String(PASSWORD_HASH_OPTIONS.timeCost),
      p: String(PASSWORD_HASH_OPTIONS.parallelism),
    });
    expect(needsRehash(DUMMY_PASSWORD_HASH)).toBe(false);
  });

  it('answers false from the dummy verification, whatever the password', async () => {
    await expect(verifyDummyPassword('fiets-tulp-molen-kaas')).resolves.toBe(false);
    await expect(verifyDummyPassword('')).resolves.toBe(false);
  });
});
