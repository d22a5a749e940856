import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeHtml, useSeededApp } from '../../../test/helpers/app.js';
import {
  createUser,
  csrfOf,
  gemeenteId,
  loginAs,
  nextTotpCode,
  rol,
  setCookie,
  TestBrowser,
  type NewUser,
  type TestUser,
} from '../../../test/helpers/session.js';
import { auditRegel, gebruiker, sessie } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { listOutbox, readOutboxMessage } from '../../lib/mail/outbox.js';
import { claimTotpStep, findGebruikerById, listRollen, replaceHerstelcodes } from './auth.repository.js';
import { generateRecoveryCodes, hashRecoveryCode } from './security/recovery-codes.js';
import { currentTotpCode } from './security/totp.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lea-auth-pages-'));
const fx = useSeededApp({ DATA_DIR: dataDir });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const db = () => fx.t.database.db;
let gemeente: string;
let beheerder: TestUser;
let beheer: TestBrowser;

beforeAll(async () => {
  gemeente = await gemeenteId(fx.t);
  beheerder = await createUser(fx.t, gemeente, { email: 'beheerder@test.example', naam: 'Bea Beheer', rollen: [rol('beheerder')], totp: true });
  beheer = await loginAs(fx.t, beheerder);
});

let counter = 0;
/** A new account for one test, so tests do not share throttles, sessions or mail. */
function newUser(overrides: Partial<NewUser> = {}): Promise<TestUser> {
  counter += 1;
  return createUser(fx.t, gemeente, {
    email: `gebruiker-${counter}@test.example`,
    naam: `Sam Tester ${counter}`,
    rollen: [rol('stuurgroeplid')],
    ...overrides,
  });
}

function sessionsOf(user: { id: string }) {
  return db().select().from(sessie).where(eq(sessie.gebruikerId, user.id));
}

async function auditCount(actie: string, omschrijving: string): Promise<number> {
  const rows = await db()
    .select({ aantal: sql<number>`count(*)::int` })
    .from(auditRegel)
    .where(and(eq(auditRegel.gemeenteId, gemeente), eq(auditRegel.actie, actie), eq(auditRegel.omschrijving, omschrijving)));
  return rows[0]?.aantal ?? 0;
}

/** The error shown at a form field, as text. */
function fieldError(html: string, name: string): string | undefined {
  const match = new RegExp(`id="veld-${name}-fout"[^>]*>([\\s\\S]*?)</div>`).exec(html);
  return match ? decodeHtml(match[1]!.replace(/<[^>]+>/g, '')).trim() : undefined;
}

/** The value an input carries back to the browser. */
function inputValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  const value = input && /\bvalue="([^"]*)"/.exec(input)?.[1];
  return value === undefined ? undefined : decodeHtml(value);
}

const outboxDir = () => fx.t.app.services.mailers.outboxDir('zoetermeer');

async function mailsTo(email: string) {
  return (await listOutbox(outboxDir())).filter((entry) => entry.to.includes(email));
}

/** The path of the link in the newest mail to this address, e.g. /uitnodiging/<token>. */
async function linkInMail(email: string, prefix: '/uitnodiging/' | '/wachtwoord-herstellen/'): Promise<string> {
  const [newest] = await mailsTo(email);
  expect(newest, `mail aan ${email}`).toBeDefined();
  const message = await readOutboxMessage(outboxDir(), newest!.id);
  const link = new RegExp(`${prefix}[A-Za-z0-9_-]{20,}`).exec(message?.text ?? '')?.[0];
  expect(link, `link in de mail aan ${email}`).toBeDefined();
  return link!;
}

async function expectAnonymous(browser: TestBrowser): Promise<void> {
  const account = await browser.get('/account');
  expect(account.statusCode).toBe(303);
  expect(account.headers.location).toBe('/inloggen?terug=%2Faccount');
}

async function expectLoggedIn(browser: TestBrowser, user: { naam: string }): Promise<void> {
  const account = await browser.get('/account');
  expect(account.statusCode).toBe(200);
  expect(account.body).toContain(user.naam);
}

describe('inloggen met wachtwoord', () => {
  it('shows the login page with a CSRF field', async () => {
    const browser = new TestBrowser(fx.t);
    const page = await browser.get('/inloggen');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(csrfOf(page.body)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(page.body).toContain('name="email"');
    expect(page.body).toContain('name="wachtwoord"');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie (not Secure over http) and goes back to terug', async () => {
    const user = await newUser();
    const browser = new TestBrowser(fx.t);
    const login = await browser.submit('/inloggen?terug=%2Faccount', { email: user.email, wachtwoord: user.wachtwoord });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/account');
    const cookie = setCookie(login, 'lea_sessie');
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.attributes).toHaveProperty('httponly');
    expect(cookie?.attributes.samesite?.toLowerCase()).toBe('lax');
    expect(cookie?.attributes.path).toBe('/');
    expect(cookie?.attributes).not.toHaveProperty('secure');
    // The database keeps only a hash of the id.
    const rows = await sessionsOf(user);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idHash).not.toBe(cookie?.value);
    await expectLoggedIn(browser, user);
  });

  it('sends an unsafe terug to the start page', async () => {
    const user = await newUser();
    for (const terug of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      // Through the address of the login page, and posted straight in the form.
      const viaPage = await new TestBrowser(fx.t).submit(`/inloggen?terug=${encodeURIComponent(terug)}`, { email: user.email, wachtwoord: user.wachtwoord });
      expect(viaPage.statusCode).toBe(303);
      expect(viaPage.headers.location, terug).toBe('/');
      const viaForm = await new TestBrowser(fx.t).submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord, terug });
      expect(viaForm.statusCode).toBe(303);
      expect(viaForm.headers.location, terug).toBe('/');
    }
    // A local path is fine.
    const local = await new TestBrowser(fx.t).submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord, terug: '/account' });
    expect(local.headers.location).toBe('/account');
  });

  it('never reuses a session id from before the login', async () => {
    const user = await newUser();
    // An id planted in the browser beforehand (session fixation) is not taken over.
    const planted = new TestBrowser(fx.t);
    planted.cookies.set('lea_sessie', 'A'.repeat(43));
    const first = await planted.submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    expect(first.statusCode).toBe(303);
    const oldId = planted.cookie('lea_sessie')!;
    expect(oldId).not.toBe('A'.repeat(43));

    // Logging in again while logged in gives a new id, and the old one stops working.
    const csrf = await planted.csrf('/account');
    const again = await planted.post('/inloggen', { email: user.email, wachtwoord: user.wachtwoord, _csrf: csrf });
    expect(again.statusCode).toBe(303);
    const newId = setCookie(again, 'lea_sessie')?.value;
    expect(newId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newId).not.toBe(oldId);
    await expectLoggedIn(planted, user);

    const stale = new TestBrowser(fx.t);
    stale.cookies.set('lea_sessie', oldId);
    await expectAnonymous(stale);
    expect(await sessionsOf(user)).toHaveLength(1);
  });

  it('refuses a wrong password with the Dutch error at the field and keeps the e-mail address', async () => {
    const user = await newUser();
    const browser = new TestBrowser(fx.t);
    const response = await browser.submit('/inloggen', { email: user.email, wachtwoord: 'niet-het-goede-wachtwoord' });
    expect(response.statusCode).toBe(400);
    expect(fieldError(response.body, 'email')).toContain(t('login.mislukt'));
    expect(inputValue(response.body, 'email')).toBe(user.email);
    expect(inputValue(response.body, 'wachtwoord')).toBe('');
    expect(response.body).not.toContain('niet-het-goede-wachtwoord');
    expect(browser.cookie('lea_sessie')).toBeUndefined();
    expect(await sessionsOf(user)).toHaveLength(0);
  });

  it('answers an unknown address exactly like a wrong password', async () => {
    const user = await newUser();
    const browser = new TestBrowser(fx.t);
    const wrong = await browser.submit('/inloggen', { email: user.email, wachtwoord: 'niet-het-goede-wachtwoord' });
    const unknown = await browser.submit('/inloggen', { email: 'niemand@test.example', wachtwoord: 'niet-het-goede-wachtwoord' });
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(fieldError(unknown.body, 'email')).toBe(fieldError(wrong.body, 'email'));
  });

  it('slows down after 5 wrong passwords: 429 with Retry-After, even for the right password, and logs it', async () => {
    const user = await newUser();
    const browser = new TestBrowser(fx.t);
    const csrf = await browser.csrf('/inloggen');
    // The delay after the fifth failure is one second; a frozen clock keeps the test from depending on speed.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const response = await browser.post('/inloggen', { email: user.email, wachtwoord: `fout-wachtwoord-${i}`, _csrf: csrf });
        statuses.push(response.statusCode);
        if (i >= 5) {
          expect(response.headers['retry-after']).toMatch(/^[1-9]\d*$/);
          expect(fieldError(response.body, 'email')).toContain('Te veel pogingen. Wacht');
        }
      }
      expect(statuses).toEqual([...Array<number>(5).fill(400), ...Array<number>(15).fill(429)]);

      const right = await browser.post('/inloggen', { email: user.email, wachtwoord: user.wachtwoord, _csrf: csrf });
      expect(right.statusCode).toBe(429);
      expect(right.headers['retry-after']).toBeDefined();
      expect(browser.cookie('lea_sessie')).toBeUndefined();

      expect(await auditCount('inloggen-mislukt', user.email)).toBe(5);
      expect(await auditCount('inloggen-vertraagd', user.email)).toBe(16);

      // Nobody is locked out for good: after the wait the right password works.
      vi.setSystemTime(Date.now() + 2_000);
      const later = await browser.post('/inloggen', { email: user.email, wachtwoord: user.wachtwoord, _csrf: csrf });
      expect(later.statusCode).toBe(303);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a post without or with a wrong CSRF token, and starts no session', async () => {
    const user = await newUser();
    const browser = new TestBrowser(fx.t);
    await browser.get('/inloggen');
    const without = await browser.post('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    expect(without.statusCode).toBe(403);
    expect(without.body).toContain(t('auth.csrf.titel'));
    const wrong = await browser.post('/inloggen', { email: user.email, wachtwoord: user.wachtwoord, _csrf: 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
    // A token from another browser is just as wrong.
    const other = await new TestBrowser(fx.t).csrf('/inloggen');
    const foreign = await browser.post('/inloggen', { email: user.email, wachtwoord: user.wachtwoord, _csrf: other });
    expect(foreign.statusCode).toBe(403);
    expect(browser.cookie('lea_sessie')).toBeUndefined();
    expect(await sessionsOf(user)).toHaveLength(0);
  });

  it('ends the session in the database on logout', async () => {
    const user = await newUser();
    const browser = await loginAs(fx.t, user);
    const oldId = browser.cookie('lea_sessie')!;
    expect(await sessionsOf(user)).toHaveLength(1);
    const logout = await browser.submit('/account', {}, '/uitloggen');
    expect(logout.statusCode).toBe(303);
    expect(logout.headers.location).toBe('/inloggen?melding=uitgelogd');
    expect(browser.cookie('lea_sessie')).toBeUndefined();
    expect(await sessionsOf(user)).toHaveLength(0);
    const replay = new TestBrowser(fx.t);
    replay.cookies.set('lea_sessie', oldId);
    await expectAnonymous(replay);
  });

  it('ends a session after 30 minutes without activity', async () => {
    const user = await newUser();
    const browser = await loginAs(fx.t, user);
    await expectLoggedIn(browser, user);
    await db()
      .update(sessie)
      .set({ laatstActiefOp: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessie.gebruikerId, user.id));
    await expectAnonymous(browser);
    expect(await sessionsOf(user)).toHaveLength(0);
  });

  it('keeps a session that was active 29 minutes ago', async () => {
    const user = await newUser();
    const browser = await loginAs(fx.t, user);
    await db()
      .update(sessie)
      .set({ laatstActiefOp: new Date(Date.now() - 29 * 60_000) })
      .where(eq(sessie.gebruikerId, user.id));
    await expectLoggedIn(browser, user);
    // Being active moves the idle limit.
    const [row] = await sessionsOf(user);
    expect(Date.now() - row!.laatstActiefOp.getTime()).toBeLessThan(60_000);
  });

  it('ends a session at its absolute end, however active', async () => {
    const user = await newUser();
    const browser = await loginAs(fx.t, user);
    const [row] = await sessionsOf(user);
    // Twelve hours by default.
    expect(row!.verlooptOp.getTime() - row!.aangemaaktOp.getTime()).toBe(12 * 3_600_000);
    await db()
      .update(sessie)
      .set({ verlooptOp: new Date(Date.now() - 1000) })
      .where(eq(sessie.gebruikerId, user.id));
    await expectAnonymous(browser);
  });

  it('shuts a blocked user out at once', async () => {
    const user = await newUser();
    const browser = await loginAs(fx.t, user);
    await expectLoggedIn(browser, user);
    await db().update(gebruiker).set({ status: 'geblokkeerd' }).where(eq(gebruiker.id, user.id));
    await expectAnonymous(browser);
    const again = await new TestBrowser(fx.t).submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    expect(again.statusCode).toBe(400);
    expect(fieldError(again.body, 'email')).toContain(t('login.mislukt'));
  });
});

describe('tweestapsverificatie', () => {
  it('makes a procesmanager without the app set it up before anything else, then asks for the code', async () => {
    const user = await newUser({ rollen: [rol('procesmanager')] });
    const browser = new TestBrowser(fx.t);
    const login = await browser.submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/account/tweestapsverificatie?terug=%2F');
    const [halfway] = await sessionsOf(user);
    expect(halfway!.mfaVoltooid).toBe(false);

    for (const url of ['/account', '/beheer', '/beheer/gebruikers']) {
      const blocked = await browser.get(url);
      expect(blocked.statusCode, url).toBe(303);
      expect(blocked.headers.location, url).toMatch(/^\/inloggen\?terug=/);
    }
    // Nor can it post what needs a complete login.
    const csrf = await browser.csrf('/account/tweestapsverificatie');
    const token = await browser.post('/account/api-tokens', { naam: 'te vroeg', _csrf: csrf });
    expect(token.statusCode).toBe(401);

    const setup = await browser.get('/account/tweestapsverificatie');
    expect(setup.statusCode).toBe(200);
    const secret = (await findGebruikerById(db(), gemeente, user.id))!.totpGeheim!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body).toContain(secret.replace(/(.{4})/g, '$1 ').trim());
    expect(setup.body).toContain('<svg');

    const wrong = await browser.submit('/account/tweestapsverificatie', { code: '000000' === currentTotpCode(secret) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(fieldError(wrong.body, 'code')).toContain(t('code.mislukt'));

    const confirmed = await browser.submit('/account/tweestapsverificatie', { code: currentTotpCode(secret) });
    expect(confirmed.statusCode).toBe(200);
    const codes = [...confirmed.body.matchAll(/<li>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})<\/li>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const [complete] = await sessionsOf(user);
    expect(complete!.mfaVoltooid).toBe(true);
    expect((await findGebruikerById(db(), gemeente, user.id))!.totpActiefSinds).toBeInstanceOf(Date);
    await expectLoggedIn(browser, user);

    // The next login asks for the code.
    const next = new TestBrowser(fx.t);
    const second = await next.submit('/inloggen?terug=%2Faccount', { email: user.email, wachtwoord: user.wachtwoord });
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe('/inloggen/code?terug=%2Faccount');
    await expectAnonymous(next);
    const code = await next.submit('/inloggen/code?terug=%2Faccount', { code: await nextTotpCode(fx.t, { ...user, totpSecret: secret }) });
    expect(code.statusCode).toBe(303);
    expect(code.headers.location).toBe('/account');
    await expectLoggedIn(next, user);
  });

  it('asks a user with the app for the code, and refuses a wrong one', async () => {
    const user = await newUser({ rollen: [rol('stuurgroeplid')], totp: true });
    const browser = new TestBrowser(fx.t);
    const login = await browser.submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    expect(login.headers.location).toBe('/inloggen/code?terug=%2F');
    await expectAnonymous(browser);
    const right = await nextTotpCode(fx.t, user);
    const wrong = await browser.submit('/inloggen/code', { code: right === '123456' ? '654321' : '123456' });
    expect(wrong.statusCode).toBe(400);
    expect(fieldError(wrong.body, 'code')).toContain(t('code.mislukt'));
    await expectAnonymous(browser);
    const ok = await browser.submit('/inloggen/code', { code: right });
    expect(ok.statusCode).toBe(303);
    await expectLoggedIn(browser, user);
  });

  it('refuses the same code a second time', async () => {
    const user = await newUser({ totp: true });
    const code = await nextTotpCode(fx.t, user);
    const first = new TestBrowser(fx.t);
    await first.submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    expect((await first.submit('/inloggen/code', { code })).statusCode).toBe(303);

    const second = new TestBrowser(fx.t);
    await second.submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    const replay = await second.submit('/inloggen/code', { code });
    expect(replay.statusCode).toBe(400);
    await expectAnonymous(second);
  });

  it('lets the database take each code step once, so two racing requests cannot both use one code', async () => {
    const user = await newUser({ totp: true });
    const step = Math.floor(Date.now() / 30_000);
    expect(await claimTotpStep(db(), gemeente, user.id, step)).toBe(true);
    expect(await claimTotpStep(db(), gemeente, user.id, step)).toBe(false);
    expect(await claimTotpStep(db(), gemeente, user.id, step - 1)).toBe(false);
    expect(await claimTotpStep(db(), gemeente, user.id, step + 1)).toBe(true);
  });

  it('takes a recovery code once, not twice', async () => {
    const user = await newUser({ rollen: [rol('procesmanager')], totp: true });
    const codes = generateRecoveryCodes();
    await replaceHerstelcodes(db(), gemeente, user.id, codes.map(hashRecoveryCode));

    const first = new TestBrowser(fx.t);
    await first.submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    // Typed in capitals and without dashes, as people do.
    const used = await first.submit('/inloggen/code', { code: codes[3]!.replace(/-/g, '').toUpperCase() });
    expect(used.statusCode).toBe(303);
    await expectLoggedIn(first, user);

    const second = new TestBrowser(fx.t);
    await second.submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    const again = await second.submit('/inloggen/code', { code: codes[3]! });
    expect(again.statusCode).toBe(400);
    await expectAnonymous(second);
    expect((await fx.t.app.services.accounts.overview(gemeente, user.id))?.herstelcodes).toBe(9);
  });
});

describe('wachtwoord vergeten', () => {
  it('gives the same answer for a known and an unknown address, and mails only the known one', async () => {
    const user = await newUser();
    const browser = new TestBrowser(fx.t);
    const before = (await listOutbox(outboxDir())).length;
    const known = await browser.submit('/wachtwoord-vergeten', { email: user.email });
    const unknown = await browser.submit('/wachtwoord-vergeten', { email: 'onbekend-adres@test.example' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(known.body).toContain(t('vergeten.verstuurd'));
    const after = await listOutbox(outboxDir());
    expect(after.length).toBe(before + 1);
    expect(await mailsTo(user.email)).toHaveLength(1);
    expect(await mailsTo('onbekend-adres@test.example')).toHaveLength(0);
  });

  it('lets the link set a strong password once, and ends the sessions from before', async () => {
    const user = await newUser();
    const before = await loginAs(fx.t, user);
    await expectLoggedIn(before, user);

    const browser = new TestBrowser(fx.t);
    await browser.submit('/wachtwoord-vergeten', { email: user.email });
    const link = await linkInMail(user.email, '/wachtwoord-herstellen/');

    const page = await browser.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    const weak = await browser.submit(link, { wachtwoord: 'wachtwoord123', herhaling: 'wachtwoord123' });
    expect(weak.statusCode).toBe(400);
    expect(fieldError(weak.body, 'wachtwoord')).toContain(t('wachtwoord.veelgebruikt'));

    const nieuw = 'zeven-blauwe-reigers-op-het-dak';
    const set = await browser.submit(link, { wachtwoord: nieuw, herhaling: nieuw });
    expect(set.statusCode).toBe(303);
    await expectLoggedIn(browser, user);

    // The session that knew the old password is over; the old password no longer works, the new one does.
    await expectAnonymous(before);
    const old = await new TestBrowser(fx.t).submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    expect(old.statusCode).toBe(400);
    await loginAs(fx.t, { ...user, wachtwoord: nieuw });

    const again = await new TestBrowser(fx.t).get(link);
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain(t('link.ongeldigTitel'));
    const reuse = await browser.post(link, { wachtwoord: 'acht-oranje-kikkers-in-de-sloot', herhaling: 'acht-oranje-kikkers-in-de-sloot', _csrf: await browser.csrf('/account') });
    expect(reuse.statusCode).toBe(404);
    await loginAs(fx.t, { ...user, wachtwoord: nieuw });
  });

  it('still asks a user with the app for the code after a reset', async () => {
    const user = await newUser({ totp: true });
    const browser = new TestBrowser(fx.t);
    await browser.submit('/wachtwoord-vergeten', { email: user.email });
    const link = await linkInMail(user.email, '/wachtwoord-herstellen/');
    const nieuw = 'twee-schapen-op-de-dijk-bij-delft';
    const set = await browser.submit(link, { wachtwoord: nieuw, herhaling: nieuw });
    expect(set.statusCode).toBe(303);
    expect(set.headers.location).toBe('/inloggen/code?terug=%2F');
    await expectAnonymous(browser);
  });
});

describe('uitnodigen', () => {
  it('mails an invitation whose link lets the invitee choose a password and be logged in', async () => {
    const email = 'nieuwe.collega@test.example';
    const naam = 'Noor Nieuwkomer';
    const invite = await beheer.submit('/beheer/gebruikers/nieuw', { naam, email, rollen: 'stuurgroeplid', tafel: '' });
    expect(invite.statusCode).toBe(303);
    expect(invite.headers.location).toBe('/beheer/gebruikers?melding=uitgenodigd');

    const link = await linkInMail(email, '/uitnodiging/');
    const invitee = new TestBrowser(fx.t);
    const page = await invitee.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(naam);

    // A refused password shows the same page again, still greeting the invitee by name.
    const weak = await invitee.submit(link, { wachtwoord: 'wachtwoord123', herhaling: 'wachtwoord123' });
    expect(weak.statusCode).toBe(400);
    expect(fieldError(weak.body, 'wachtwoord')).toContain(t('wachtwoord.veelgebruikt'));
    expect(weak.body).toContain(t('uitnodiging.intro', { naam }));
    const mismatch = await invitee.submit(link, { wachtwoord: 'paarse-wolken-boven-de-polder', herhaling: 'paarse-wolken' });
    expect(mismatch.statusCode).toBe(400);
    expect(fieldError(mismatch.body, 'herhaling')).toContain(t('fout.veld.herhalingAnders'));

    const chosen = 'paarse-wolken-boven-de-polder';
    const set = await invitee.submit(link, { wachtwoord: chosen, herhaling: chosen });
    expect(set.statusCode).toBe(303);
    await expectLoggedIn(invitee, { naam });

    const row = (await db().select().from(gebruiker).where(eq(gebruiker.email, email)))[0]!;
    expect(row.status).toBe('actief');
    expect(await listRollen(db(), gemeente, row.id)).toEqual([rol('stuurgroeplid')]);
    expect((await invitee.get(link)).statusCode).toBe(404);
  });

  it('refuses to invite an address twice, with the error at the field and the input kept', async () => {
    const email = 'dubbel@test.example';
    const first = await beheer.submit('/beheer/gebruikers/nieuw', { naam: 'Dirk Dubbel', email, rollen: 'stuurgroeplid', tafel: '' });
    expect(first.statusCode).toBe(303);
    const typed = 'Dubbel@Test.example';
    const second = await beheer.submit('/beheer/gebruikers/nieuw', { naam: 'Dirk Dubbel', email: typed, rollen: 'platformlid', tafel: '' });
    expect(second.statusCode).toBe(400);
    expect(fieldError(second.body, 'email')).toContain(t('beheer.bestaatAl'));
    expect(inputValue(second.body, 'email')).toBe(typed);
    expect(inputValue(second.body, 'naam')).toBe('Dirk Dubbel');
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('is only for the beheerder', async () => {
    const procesmanager = await loginAs(fx.t, await newUser({ rollen: [rol('procesmanager')], totp: true }));
    expect((await procesmanager.get('/beheer/gebruikers/nieuw')).statusCode).toBe(403);
    const csrf = await procesmanager.csrf('/account');
    const post = await procesmanager.post('/beheer/gebruikers/nieuw', { naam: 'X', email: 'x@test.example', rollen: 'beheerder', tafel: '', _csrf: csrf });
    expect(post.statusCode).toBe(403);
    expect(await mailsTo('x@test.example')).toHaveLength(0);
  });
});

describe('gebruikers beheren', () => {
  it('refuses a change made on a stale version with 409 and the Dutch conflict message', async () => {
    const user = await newUser();
    const page = `/beheer/gebruikers/${user.id}`;
    const { versie } = (await findGebruikerById(db(), gemeente, user.id))!;
    const first = await beheer.submit(page, { versie: String(versie), rollen: 'platformlid', tafel: '', status: 'actief' });
    expect(first.statusCode).toBe(303);
    const stale = await beheer.submit(page, { versie: String(versie), rollen: 'procesmanager', tafel: '', status: 'actief' });
    expect(stale.statusCode).toBe(409);
    expect(decodeHtml(stale.body)).toContain(t('beheer.conflict'));
    expect(await listRollen(db(), gemeente, user.id)).toEqual([rol('platformlid')]);
  });

  it('ends the sessions of a user whose roles change', async () => {
    const user = await newUser();
    const browser = await loginAs(fx.t, user);
    const { versie } = (await findGebruikerById(db(), gemeente, user.id))!;
    const saved = await beheer.submit(`/beheer/gebruikers/${user.id}`, { versie: String(versie), rollen: 'platformlid', tafel: '', status: 'actief' });
    expect(saved.statusCode).toBe(303);
    await expectAnonymous(browser);
  });

  it('refuses to take the beheerder role from the last beheerder', async () => {
    const { versie } = (await findGebruikerById(db(), gemeente, beheerder.id))!;
    const response = await beheer.submit(`/beheer/gebruikers/${beheerder.id}`, {
      versie: String(versie),
      rollen: 'procesmanager',
      tafel: '',
      status: 'actief',
    });
    expect(response.statusCode).toBe(400);
    expect(decodeHtml(response.body)).toContain(t('beheer.laatsteBeheerder'));
    expect(await listRollen(db(), gemeente, beheerder.id)).toEqual([rol('beheerder')]);
    expect((await beheer.get('/beheer/gebruikers')).statusCode).toBe(200);
  });
});

describe('persoonlijke API-tokens', () => {
  it('shows a new token once; it opens the API until it is revoked', async () => {
    const user = await newUser();
    const browser = await loginAs(fx.t, user);
    const created = await browser.submit('/account', { naam: 'Koppeling dashboard' }, '/account/api-tokens');
    expect(created.statusCode).toBe(200);
    const token = /id="nieuw-token"[^>]*>\s*(lea_[A-Za-z0-9_-]+)\s*</.exec(created.body)?.[1];
    expect(token).toBeDefined();
    const account = await browser.get('/account');
    expect(account.body).toContain('Koppeling dashboard');
    expect(account.body).not.toContain(token!);

    const api = (authorization: string) => fx.t.app.inject({ method: 'GET', url: '/api/v1/actielijnen', headers: { authorization } });
    const ok = await api(`Bearer ${token!}`);
    expect(ok.statusCode).toBe(200);

    for (const wrong of [`Bearer lea_${'x'.repeat(43)}`, `Bearer ${token!}x`, 'Bearer niet-een-token', `Basic ${token!}`]) {
      const refused = await api(wrong);
      expect(refused.statusCode, wrong).toBe(401);
      expect(refused.headers['content-type'], wrong).toContain('application/problem+json');
      expect(refused.headers['www-authenticate'], wrong).toMatch(/^Bearer/);
    }

    const id = /\/account\/api-tokens\/([0-9a-f-]{36})\/intrekken/.exec(account.body)?.[1];
    expect(id).toBeDefined();
    const revoked = await browser.submit('/account', {}, `/account/api-tokens/${id!}/intrekken`);
    expect(revoked.statusCode).toBe(303);
    const after = await api(`Bearer ${token!}`);
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
  });

  it('stops working when its owner is blocked', async () => {
    const user = await newUser();
    const browser = await loginAs(fx.t, user);
    const created = await browser.submit('/account', { naam: 'Script' }, '/account/api-tokens');
    const token = /id="nieuw-token"[^>]*>\s*(lea_[A-Za-z0-9_-]+)\s*</.exec(created.body)?.[1];
    await db().update(gebruiker).set({ status: 'geblokkeerd' }).where(eq(gebruiker.id, user.id));
    const refused = await fx.t.app.inject({ method: 'GET', url: '/api/v1/actielijnen', headers: { authorization: `Bearer ${token!}` } });
    expect(refused.statusCode).toBe(401);
  });
});

describe('logboek', () => {
  it('shows the beheerder the failed logins, and nobody else', async () => {
    const email = 'inbreker@test.example';
    const failed = await new TestBrowser(fx.t).submit('/inloggen', { email, wachtwoord: 'raden-maar-raden-maar' });
    expect(failed.statusCode).toBe(400);
    const page = await beheer.get('/beheer/audit?soort=beveiliging');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('inloggen-mislukt');
    expect(page.body).toContain(email);

    const other = await loginAs(fx.t, await newUser());
    expect((await other.get('/beheer/audit?soort=beveiliging')).statusCode).toBe(403);
    expect((await new TestBrowser(fx.t).get('/beheer/audit')).statusCode).toBe(303);
  });
});
