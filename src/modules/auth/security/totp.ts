import { HOTP, Secret, TOTP } from 'otpauth';

// What every authenticator app supports; apps silently ignore other values and then show wrong codes.
const ALGORITHM = 'SHA1';
const DIGITS = 6;
const PERIOD_SECONDS = 30;
// One step either side allows for a clock that is up to 30 seconds off and for the time it takes to type the code.
const WINDOW = 1;
// RFC 4226 asks for at least 128 bits and recommends 160.
const SECRET_BYTES = 20;

/** Result of checking a code: the time step it belonged to, to store as the last used step. */
export type TotpResult = { ok: true; step: number } | { ok: false };

/** Creates a new random TOTP secret, base32-encoded as authenticator apps expect. */
export function createTotpSecret(): string {
  // Stryker disable next-line ObjectLiteral: otpauth's default size is 20 bytes too; stated because RFC 4226 asks for it
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri({ secret, account, issuer }: { secret: string; account: string; issuer: string }): string {
  return new TOTP({
    issuer,
    label: account,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

// A code from a step at or before `lastUsedStep` is refused, so a code seen over someone's shoulder or in a log
// cannot be used a second time. Only a malformed secret throws: that is a bug, not a wrong code.
/** Checks a code from the authenticator app, one step either side; on success tells the step to store as last used. */
export function verifyTotp(
  secret: string,
  code: string,
  options: { now?: number; lastUsedStep?: number | null } = {},
): TotpResult {
  const token = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(token)) return { ok: false };
  const key = Secret.fromBase32(secret);
  const current = TOTP.counter({ period: PERIOD_SECONDS, timestamp: options.now ?? Date.now() });
  const lastUsedStep = options.lastUsedStep ?? -1;
  // The current step first: it is the likeliest, and it wins if a code happened to match two steps.
  const candidates = [current];
  for (let offset = 1; offset <= WINDOW; offset++) candidates.push(current - offset, current + offset);
  for (const step of candidates) {
    if (step <= lastUsedStep) continue;
    const delta = HOTP.validate({ token, secret: key, algorithm: ALGORITHM, digits: DIGITS, counter: step, window: 0 });
    if (delta === 0) return { ok: true, step };
  }
  return { ok: false };
}

/** The code an authenticator app would show at `now`; for tests and the development seed. */
export function currentTotpCode(secret: string, now: number = Date.now()): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
    timestamp: now,
  });
}

// qrcode's SVG carries no style attribute or element, which the page's CSP would block (the test keeps it so).
/** The URI as SVG QR code markup to inline; the caller adds role="img" and an accessible name. */
export async function totpQrSvg(uri: string): Promise<string> {
  // Loaded on first use: only the set-up page needs it, and it costs start-up time.
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return svg.trim();
}
