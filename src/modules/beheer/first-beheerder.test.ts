import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig, useSeededApp, withEmptyGemeente } from '../../../test/helpers/app.js';
import { createUser, gemeenteId, rol, TestBrowser } from '../../../test/helpers/session.js';
import { auditRegel, gebruiker, gebruikerRol } from '../../db/schema.js';
import { listGemeentenZonderBeheerder, listRollen } from '../auth/auth.repository.js';
import { listGemeenten } from '../gemeente/gemeente.repository.js';
import { ensureFirstBeheerders, formatFirstLogins } from './first-beheerder.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lea-first-beheerder-'));
const fx = useSeededApp({ DATA_DIR: dataDir });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const db = () => fx.t.database.db;

async function beheerdersOf(gemeente: string) {
  return db()
    .select({ id: gebruiker.id, email: gebruiker.email, status: gebruiker.status })
    .from(gebruikerRol)
    .innerJoin(gebruiker, eq(gebruiker.id, gebruikerRol.gebruikerId))
    .where(and(eq(gebruikerRol.gemeenteId, gemeente), eq(gebruikerRol.rol, 'beheerder')));
}

/** Starts again from an installation without any account. */
async function removeAllAccounts(): Promise<void> {
  await db().delete(gebruiker);
}

/** Logs in with the password form; a beheerder is sent on to set up the authenticator app. */
async function passwordWorks(email: string, wachtwoord: string): Promise<boolean> {
  const login = await new TestBrowser(fx.t).submit('/inloggen', { email, wachtwoord });
  if (login.statusCode === 303) {
    expect(login.headers.location).toBe('/account/tweestapsverificatie?terug=%2F');
    return true;
  }
  return false;
}

describe('ensureFirstBeheerders', () => {
  it('creates exactly one beheerder with a printed random password, and none the second time', async () => {
    const zoetermeer = await gemeenteId(fx.t);
    expect(await beheerdersOf(zoetermeer)).toHaveLength(0);
    const config = testConfig({ DATA_DIR: dataDir });

    const created = await ensureFirstBeheerders(db(), fx.t.app.services.gebruikers, config);
    expect(created).toHaveLength((await listGemeenten(db())).length);
    const login = created.find((c) => c.gemeente === 'Zoetermeer');
    expect(login).toMatchObject({ email: 'beheerder@zoetermeer.example' });
    expect(login!.wachtwoord).toMatch(/^[A-Za-z0-9_-]{20}$/);

    const beheerders = await beheerdersOf(zoetermeer);
    expect(beheerders).toHaveLength(1);
    expect(beheerders[0]).toMatchObject({ email: login!.email, status: 'actief' });

    const printed = formatFirstLogins(created, 'http://localhost:3000/inloggen');
    expect(printed).toContain(login!.email);
    expect(printed).toContain(login!.wachtwoord!);
    expect(printed).toContain('http://localhost:3000/inloggen');

    const again = await ensureFirstBeheerders(db(), fx.t.app.services.gebruikers, config);
    expect(again).toEqual([]);
    expect(await beheerdersOf(zoetermeer)).toHaveLength(1);

    expect(await passwordWorks(login!.email, login!.wachtwoord!)).toBe(true);
    const lines = await db()
      .select()
      .from(auditRegel)
      .where(and(eq(auditRegel.actie, 'eerste-beheerder-aangemaakt'), eq(auditRegel.objectId, beheerders[0]!.id)));
    expect(lines).toHaveLength(1);
  });

  it('uses INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD, and never prints that password', async () => {
    await removeAllAccounts();
    const zoetermeer = await gemeenteId(fx.t);
    const wachtwoord = 'eigen-gekozen-beheerderszin';
    const config = testConfig({ DATA_DIR: dataDir, INITIAL_ADMIN_EMAIL: 'Wethouder.Beheer@Zoetermeer.nl', INITIAL_ADMIN_PASSWORD: wachtwoord });

    const created = await ensureFirstBeheerders(db(), fx.t.app.services.gebruikers, config);
    const login = created.find((c) => c.gemeente === 'Zoetermeer');
    expect(login).toEqual({ gemeente: 'Zoetermeer', email: 'wethouder.beheer@zoetermeer.nl', wachtwoord: undefined });
    const printed = formatFirstLogins(created, 'http://localhost:3000/inloggen');
    expect(printed).toContain('wethouder.beheer@zoetermeer.nl');
    expect(printed).not.toContain(wachtwoord);
    expect(printed).toContain('INITIAL_ADMIN_PASSWORD');

    const beheerders = await beheerdersOf(zoetermeer);
    expect(beheerders.map((b) => b.email)).toEqual(['wethouder.beheer@zoetermeer.nl']);
    expect(await passwordWorks('Wethouder.Beheer@Zoetermeer.nl', wachtwoord)).toBe(true);
    expect(await passwordWorks('wethouder.beheer@zoetermeer.nl', 'een-ander-wachtwoord-dan-dat')).toBe(false);

    expect(await ensureFirstBeheerders(db(), fx.t.app.services.gebruikers, config)).toEqual([]);
  });

  it('makes an existing account with INITIAL_ADMIN_EMAIL the beheerder instead of adding a second one', async () => {
    await removeAllAccounts();
    const zoetermeer = await gemeenteId(fx.t);
    const existing = await createUser(fx.t, zoetermeer, { email: 'bestaand@zoetermeer.nl', naam: 'Bas Bestaand', rollen: [rol('stuurgroeplid')] });
    const wachtwoord = 'nieuwe-zin-voor-de-beheerder';
    const config = testConfig({ DATA_DIR: dataDir, INITIAL_ADMIN_EMAIL: existing.email, INITIAL_ADMIN_PASSWORD: wachtwoord });

    expect(await ensureFirstBeheerders(db(), fx.t.app.services.gebruikers, config)).toHaveLength(1);
    const beheerders = await beheerdersOf(zoetermeer);
    expect(beheerders.map((b) => b.id)).toEqual([existing.id]);
    expect(await listRollen(db(), zoetermeer, existing.id)).toContainEqual(rol('beheerder'));
    expect(await db().select().from(gebruiker).where(eq(gebruiker.gemeenteId, zoetermeer))).toHaveLength(1);
    expect(await passwordWorks(existing.email, wachtwoord)).toBe(true);
  });

  it('gives a beheerder only to the gemeenten that have none, however many the installation serves', async () => {
    const zoetermeer = await gemeenteId(fx.t);
    const [bestaand] = await beheerdersOf(zoetermeer);
    expect(bestaand).toBeDefined();
    await withEmptyGemeente(db(), async (delft) => {
      expect((await listGemeentenZonderBeheerder(db())).map((g) => g.naam)).toEqual(['Delft']);
      const created = await ensureFirstBeheerders(db(), fx.t.app.services.gebruikers, testConfig({ DATA_DIR: dataDir }));
      expect(created.map((c) => [c.gemeente, c.email])).toEqual([['Delft', 'beheerder@delft.example']]);
      expect((await beheerdersOf(delft)).map((b) => b.email)).toEqual(['beheerder@delft.example']);
      expect(await beheerdersOf(zoetermeer)).toEqual([bestaand]);
      expect(await listGemeentenZonderBeheerder(db())).toEqual([]);
    });
  });

  it('hashes no password for a gemeente that has its beheerder: a later start costs no hash', async () => {
    const zoetermeer = await gemeenteId(fx.t);
    expect(await beheerdersOf(zoetermeer)).toHaveLength(1);
    let hashes = 0;
    const wachtwoordHash = async () => {
      hashes += 1;
      return 'niet-gebruikt';
    };
    const row = await fx.t.app.services.gebruikers.ensureBeheerder(zoetermeer, { email: 'nog.een@zoetermeer.nl', naam: 'Nog een', wachtwoordHash });
    expect(row).toBeUndefined();
    expect(hashes).toBe(0);
  });
});
