/**
 * The parts of accounts that depend on how the app is deployed: cookies behind a TLS-terminating proxy, mail
 * through a real SMTP server, and the rule that no route may exist without a permission.
 */
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerAuth } from '../src/plugins/auth.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { createUser, gemeenteId, rol, setCookie, TestBrowser } from './helpers/session.js';
import { startTestSmtpServer } from './helpers/smtp-server.js';

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((a) => a.close())));

describe('behind a TLS-terminating proxy', () => {
  it('sets the session cookie with Secure and the __Host- prefix', async () => {
    const t = await createTestApp({ TRUST_PROXY: 'true' });
    apps.push(t);
    const user = await createUser(t, await gemeenteId(t), { email: 'tls@example.nl', naam: 'Tess TLS', rollen: [rol('platformlid')] });
    const https = { 'x-forwarded-proto': 'https' };
    const browser = new TestBrowser(t);
    const page = await browser.get('/inloggen', https);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    expect(setCookie(page, '__Host-lea_csrf')?.attributes).toHaveProperty('secure');
    const login = await browser.post('/inloggen', { _csrf: csrf, email: user.email, wachtwoord: user.wachtwoord, terug: '/account' }, https);
    expect(login.statusCode).toBe(303);
    const cookie = setCookie(login, '__Host-lea_sessie');
    expect(cookie?.attributes).toHaveProperty('secure');
    expect(cookie?.attributes).toHaveProperty('httponly');
    expect(cookie?.attributes).toMatchObject({ path: '/' });
    expect(cookie?.attributes.samesite?.toLowerCase()).toBe('lax');
    expect(setCookie(login, 'lea_sessie')).toBeUndefined();
    expect(login.headers['strict-transport-security']).toContain('max-age=');
  });
});

describe('with SMTP_URL set', () => {
  it('sends the password-reset mail through the SMTP server, with a working link, and writes no outbox file', async () => {
    const smtp = await startTestSmtpServer();
    try {
      const t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'LEA Zoetermeer <lea@zoetermeer.example>', PUBLIC_URL: 'https://lea.zoetermeer.example' });
      apps.push(t);
      const user = await createUser(t, await gemeenteId(t), { email: 'smtp@example.nl', naam: 'Sam SMTP', rollen: [rol('platformlid')] });
      const answer = await new TestBrowser(t).submit('/wachtwoord-vergeten', { email: user.email });
      expect(answer.statusCode).toBe(200);
      await expect.poll(() => smtp.received.length).toBe(1);
      const mail = smtp.received[0]!;
      expect(mail.to).toEqual(['smtp@example.nl']);
      expect(mail.from).toBe('lea@zoetermeer.example');
      const raw = mail.raw.toString('utf8').replace(/=\r?\n/g, '');
      const link = /https:\/\/lea\.zoetermeer\.example\/wachtwoord-herstellen\/[A-Za-z0-9_-]+/.exec(raw)?.[0];
      expect(link).toBeDefined();
      const path = new URL(link!).pathname;
      expect((await t.app.inject({ url: path })).statusCode).toBe(200);
      expect(t.app.services.mailers.transport).toBe('smtp');
    } finally {
      await smtp.close();
    }
  });
});

describe('the permission table', () => {
  it('refuses to start an app with a route that names no permission', async () => {
    const app = Fastify();
    await registerAuth(app, { db: undefined as never, sessions: undefined as never });
    expect(() => app.get('/vergeten', async () => 'x')).toThrow(/noemt geen permissie/);
    expect(() => app.get('/onbekend', { config: { permission: 'bestaat-niet' as never } }, async () => 'x')).toThrow(/noemt geen permissie/);
    expect(() => app.get('/goed', { config: { permission: 'publiek' } }, async () => 'x')).not.toThrow();
    await app.close();
  });
});
