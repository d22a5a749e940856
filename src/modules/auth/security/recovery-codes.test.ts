import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECOVERY_CODE_BITS, generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes.js';

describe('recovery codes', () => {
  it('creates ten different codes of three groups of four unambiguous characters by default', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-tv-z]{4}-[2-9a-hjkmnp-tv-z]{4}-[2-9a-hjkmnp-tv-z]{4}$/);
    expect(generateRecoveryCodes(3)).toHaveLength(3);
  });

  it('carries at least 50 bits each', () => {
    expect(RECOVERY_CODE_BITS).toBeGreaterThanOrEqual(50);
  });

  it('uses the whole alphabet and never a look-alike', () => {
    const seen = new Set(generateRecoveryCodes(200).join('').replaceAll('-', ''));
    expect(seen.size).toBe(30);
    for (const lookAlike of ['0', '1', 'i', 'l', 'o', 'u']) expect(seen.has(lookAlike)).toBe(false);
  });

  it('normalises case, dashes and spaces', () => {
    expect(normaliseRecoveryCode(' 7KFM-Q2XR 9bht ')).toBe('7kfmq2xr9bht');
    expect(normaliseRecoveryCode('7kfm–q2xr—9bht')).toBe('7kfmq2xr9bht');
    expect(normaliseRecoveryCode('７ＫＦＭ-Ｑ２ＸＲ-９ＢＨＴ')).toBe('7kfmq2xr9bht');
  });

  it('hashes the normalised code with SHA-256', () => {
    const expected = createHash('sha256').update('7kfmq2xr9bht').digest('hex');
    expect(hashRecoveryCode('7kfm-q2xr-9bht')).toBe(expected);
    expect(hashRecoveryCode('7KFM Q2XR 9BHT')).toBe(expected);
    expect(hashRecoveryCode('7kfm-q2xr-9bhx')).not.toBe(expected);
  });
});
