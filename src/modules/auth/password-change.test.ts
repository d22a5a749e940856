import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { auditRegel, sessie } from '../../db/schema.js';
import { decodeHtml, useSeededApp } from '../../../test/helpers/app.js';
import { createUser, gemeenteId, loginAs, rol, TestBrowser } from '../../../test/helpers/session.js';

const fx = useSeededApp();

describe('changing your own password on /account', () => {
  it('asks the current password, applies the policy, keeps this session and ends the others', async () => {
    const gid = await gemeenteId(fx.t);
    const user = await createUser(fx.t, gid, { email: 'wissel@example.nl', naam: 'Wim Wissel', rollen: [rol('platformlid')] });
    const here = await loginAs(fx.t, user);
    const elsewhere = await loginAs(fx.t, user);

    const wrong = await here.submit('/account', { huidig: 'niet-mijn-wachtwoord', wachtwoord: 'zomer-aan-de-noordzee', herhaling: 'zomer-aan-de-noordzee' }, '/account/wachtwoord');
    expect(wrong.statusCode).toBe(400);
    expect(decodeHtml(wrong.body)).toContain('Uw huidige wachtwoord klopt niet.');
    expect(wrong.body).toContain('href="#veld-huidig"');
    expect(wrong.body).not.toContain('zomer-aan-de-noordzee');

    const common = await here.submit('/account', { huidig: user.wachtwoord, wachtwoord: 'wachtwoord123', herhaling: 'wachtwoord123' }, '/account/wachtwoord');
    expect(common.statusCode).toBe(400);
    expect(decodeHtml(common.body)).toContain('Dit wachtwoord wordt veel gebruikt');

    const different = await here.submit('/account', { huidig: user.wachtwoord, wachtwoord: 'zomer-aan-de-noordzee', herhaling: 'winter' }, '/account/wachtwoord');
    expect(different.statusCode).toBe(400);
    expect(decodeHtml(different.body)).toContain('De twee wachtwoorden zijn niet hetzelfde.');

    const ok = await here.submit('/account', { huidig: user.wachtwoord, wachtwoord: 'zomer-aan-de-noordzee', herhaling: 'zomer-aan-de-noordzee' }, '/account/wachtwoord');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/account?melding=wachtwoord');
    expect((await here.get('/account')).statusCode).toBe(200);
    expect((await elsewhere.get('/account')).statusCode).toBe(303);
    expect(await fx.t.database.db.select().from(sessie).where(eq(sessie.gebruikerId, user.id))).toHaveLength(1);

    const fresh = new TestBrowser(fx.t);
    const oldPassword = await fresh.submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
    expect(oldPassword.statusCode).toBe(400);
    const newPassword = await fresh.submit('/inloggen', { email: user.email, wachtwoord: 'zomer-aan-de-noordzee' });
    expect(newPassword.statusCode).toBe(303);

    const lines = await fx.t.database.db
      .select({ actie: auditRegel.actie })
      .from(auditRegel)
      .where(and(eq(auditRegel.objectId, user.id), eq(auditRegel.soort, 'beveiliging')));
    expect(lines.map((l) => l.actie)).toEqual(expect.arrayContaining(['wachtwoord-wijzigen-mislukt', 'wachtwoord-gewijzigd']));
  });

  it('slows down guessing of the current password like a login', async () => {
    const gid = await gemeenteId(fx.t);
    const user = await createUser(fx.t, gid, { email: 'raad@example.nl', naam: 'Rik Raad', rollen: [rol('platformlid')] });
    const browser = await loginAs(fx.t, user);
    const statuses: number[] = [];
    // Only the clock stands still, so the outcome does not depend on how fast this machine is.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (let attempt = 0; attempt < 7; attempt += 1) {
        const response = await browser.submit('/account', { huidig: `fout-${attempt}-wachtwoord`, wachtwoord: 'zomer-aan-de-noordzee', herhaling: 'zomer-aan-de-noordzee' }, '/account/wachtwoord');
        statuses.push(response.statusCode);
      }
    } finally {
      vi.useRealTimers();
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });

  it('offers no password form to a user who only logs in through single sign-on', async () => {
    const gid = await gemeenteId(fx.t);
    const user = await createUser(fx.t, gid, { email: 'sso-only@example.nl', naam: 'Sam SSO', rollen: [rol('platformlid')] });
    const browser = await loginAs(fx.t, user);
    const { gebruiker } = await import('../../db/schema.js');
    await fx.t.database.db.update(gebruiker).set({ wachtwoordHash: null }).where(eq(gebruiker.id, user.id));
    const page = await browser.get('/account');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('action="/account/wachtwoord"');
  });
});
