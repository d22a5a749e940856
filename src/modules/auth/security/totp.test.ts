import { Secret, TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { createTotpSecret, currentTotpCode, totpQrSvg, totpUri, verifyTotp } from './totp.js';

// The RFC 6238 test key ("12345678901234567890") in base32, so codes can be checked against the RFC's table.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const NOW = 1_111_111_109_000; // RFC 6238 test time; SHA1 code 07081804 in 8 digits, so 081804 in 6.
const STEP = Math.floor(NOW / 30_000);

describe('TOTP', () => {
  it('creates random 20-byte base32 secrets', () => {
    const secret = createTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
    expect(createTotpSecret()).not.toBe(secret);
  });

  it('computes the RFC 6238 code', () => {
    expect(currentTotpCode(RFC_SECRET, NOW)).toBe('081804');
  });

  it('builds an otpauth URI with the parameters authenticator apps support', () => {
    const uri = totpUri({ secret: RFC_SECRET, account: 'jan@example.nl', issuer: 'LEA Zoetermeer' });
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const parsed = URI.parse(uri);
    expect(parsed).toBeInstanceOf(TOTP);
    const totp = parsed as TOTP;
    expect(totp.issuer).toBe('LEA Zoetermeer');
    expect(totp.label).toBe('jan@example.nl');
    expect(totp.secret.base32).toBe(RFC_SECRET);
    expect(totp.algorithm).toBe('SHA1');
    expect(totp.digits).toBe(6);
    expect(totp.period).toBe(30);
  });

  it('accepts the current code and one step either side, with spaces, and tells the step', () => {
    expect(verifyTotp(RFC_SECRET, '081804', { now: NOW })).toEqual({ ok: true, step: STEP });
    expect(verifyTotp(RFC_SECRET, ' 081 804 ', { now: NOW })).toEqual({ ok: true, step: STEP });
    const previous = currentTotpCode(RFC_SECRET, NOW - 30_000);
    const next = currentTotpCode(RFC_SECRET, NOW + 30_000);
    expect(verifyTotp(RFC_SECRET, previous, { now: NOW })).toEqual({ ok: true, step: STEP - 1 });
    expect(verifyTotp(RFC_SECRET, next, { now: NOW })).toEqual({ ok: true, step: STEP + 1 });
  });

  it('refuses codes outside the window and malformed codes', () => {
    expect(verifyTotp(RFC_SECRET, currentTotpCode(RFC_SECRET, NOW - 60_000), { now: NOW })).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, currentTotpCode(RFC_SECRET, NOW + 60_000), { now: NOW })).toEqual({ ok: false });
    for (const code of ['', '08180', '0818045', '08180a', '081-804', '１２３４５６']) {
      expect(verifyTotp(RFC_SECRET, code, { now: NOW }), code).toEqual({ ok: false });
    }
    expect(verifyTotp(createTotpSecret(), '081804', { now: NOW })).toEqual({ ok: false });
  });

  it('refuses a code whose step was already used, and older ones', () => {
    expect(verifyTotp(RFC_SECRET, '081804', { now: NOW, lastUsedStep: STEP })).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, '081804', { now: NOW, lastUsedStep: STEP + 1 })).toEqual({ ok: false });
    const previous = currentTotpCode(RFC_SECRET, NOW - 30_000);
    expect(verifyTotp(RFC_SECRET, previous, { now: NOW, lastUsedStep: STEP - 1 })).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, '081804', { now: NOW, lastUsedStep: STEP - 1 })).toEqual({ ok: true, step: STEP });
    expect(verifyTotp(RFC_SECRET, '081804', { now: NOW, lastUsedStep: null })).toEqual({ ok: true, step: STEP });
  });

  it('refuses nothing for want of a last used step, also in the very first step', () => {
    expect(verifyTotp(RFC_SECRET, currentTotpCode(RFC_SECRET, 0), { now: 0 })).toEqual({ ok: true, step: 0 });
    expect(verifyTotp(RFC_SECRET, currentTotpCode(RFC_SECRET, 30_000), { now: 30_000 })).toEqual({ ok: true, step: 1 });
  });

  it('renders the URI as an SVG QR code without style attributes or elements', async () => {
    const svg = await totpQrSvg(totpUri({ secret: RFC_SECRET, account: 'jan@example.nl', issuer: 'LEA' }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('viewBox=');
    expect(svg).not.toMatch(/\sstyle\s*=/i);
    expect(svg).not.toMatch(/<style/i);
    expect(svg).not.toMatch(/<script|\son\w+\s*=/i);
  });
});
