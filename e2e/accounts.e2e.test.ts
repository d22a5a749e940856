/**
 * The walk-through in a real Chromium: a beheerder invites a procesmanager, who accepts by the e-mailed
 * link, sets up the authenticator app, edits an actielijn and sees the change and its history; then two
 * browsers edit one focusdoel and the second gets the conflict page without losing what it typed. Every page on
 * the way passes axe.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../src/modules/auth/security/totp.js';
import { createUser, gemeenteId, nextTotpCode, rol, type TestUser } from '../test/helpers/session.js';
import { startApp, type RunningApp } from './helpers/server.js';
import { expectNoAxeViolations } from './helpers/checks.js';
import { loginInBrowser, newPage } from './helpers/session.js';
import { launchChromium } from './helpers/launch.js';

let app: RunningApp;
let browser: Browser;
let beheerder: TestUser;

beforeAll(async () => {
  app = await startApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'lea-e2e-')) });
  browser = await launchChromium();
  beheerder = await createUser(app, await gemeenteId(app), { email: 'beheer@e2e.example', naam: 'Bea Beheerder', rollen: [rol('beheerder')], totp: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});



const PASSWORD = 'rode-tulpen-in-het-stadspark';
let procesmanagerSecret = '';

describe('invite, accept, two-factor, edit', () => {
  // Sixteen pages with axe, two browsers and a mail round trip: allow more than the default minute on 2 cores.
  it('runs from the invitation to an edited actielijn with its audit entry', async () => {
    const admin = await newPage(browser);
    await admin.goto(`${app.baseUrl}/inloggen`);
    await admin.getByLabel('E-mailadres').fill(beheerder.email);
    await admin.getByLabel('Wachtwoord').fill(beheerder.wachtwoord);
    await admin.getByRole('button', { name: 'Inloggen' }).click();
    await admin.waitForURL(/\/inloggen\/code/);
    await expectNoAxeViolations(admin);
    await admin.getByLabel('Code', { exact: true }).fill(await nextTotpCode(app, beheerder));
    await admin.getByRole('button', { name: 'Doorgaan' }).click();
    await admin.goto(`${app.baseUrl}/beheer/gebruikers/nieuw`);
    await expectNoAxeViolations(admin);

    // An invalid form first: the errors are listed and the input stays.
    await admin.getByLabel('Naam').fill('Piet Procesmanager');
    await admin.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect.poll(() => admin.locator('#foutoverzicht').count()).toBe(1);
    expect(await admin.getByLabel('Naam').inputValue()).toBe('Piet Procesmanager');
    await expectNoAxeViolations(admin);

    await admin.getByLabel('E-mailadres').fill('piet@e2e.example');
    await admin.getByLabel('Procesmanager').check();
    await admin.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await admin.waitForURL(/\/beheer\/gebruikers\?melding=uitgenodigd/);
    await expectNoAxeViolations(admin);

    await admin.goto(`${app.baseUrl}/beheer/outbox`);
    await expectNoAxeViolations(admin);
    await admin.getByRole('link', { name: /piet@e2e\.example/ }).click();
    await expectNoAxeViolations(admin);
    const mail = await admin.locator('pre.lea-mail').innerText();
    const link = /http:\/\/\S+\/uitnodiging\/\S+/.exec(mail)?.[0];
    expect(link).toBeDefined();

    const piet = await newPage(browser);
    await piet.goto(link!.replace(/^http:\/\/[^/]+/, app.baseUrl));
    await expectNoAxeViolations(piet);
    await piet.getByLabel('Nieuw wachtwoord', { exact: true }).fill(PASSWORD);
    await piet.getByLabel('Herhaal het nieuwe wachtwoord').fill(PASSWORD);
    await piet.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await piet.waitForURL(/\/account\/tweestapsverificatie/);
    await expectNoAxeViolations(piet);
    procesmanagerSecret = (await piet.locator('code.lea-code').innerText()).replace(/\s+/g, '');
    await piet.getByLabel('Code', { exact: true }).fill(currentTotpCode(procesmanagerSecret));
    await piet.getByRole('button', { name: 'Aanzetten' }).click();
    await expect.poll(() => piet.locator('.lea-codes li').count()).toBe(10);
    await expectNoAxeViolations(piet);
    await piet.getByRole('link', { name: 'Ik heb de codes bewaard' }).click();
    await expectNoAxeViolations(piet);

    await piet.goto(`${app.baseUrl}/actielijnen/1/bewerken`);
    await expectNoAxeViolations(piet);
    const titel = piet.getByLabel('Titel', { exact: true });
    await titel.fill(`${await titel.inputValue()} – aangepast in de browser`);
    await piet.getByRole('button', { name: 'Opslaan' }).click();
    await piet.waitForURL(/melding=opgeslagen/);
    expect(await piet.locator('.lea-notice').innerText()).toContain('opgeslagen');
    expect(await piet.locator('#historie ~ * table').innerText()).toContain('Piet Procesmanager');
    await expectNoAxeViolations(piet);
    await piet.goto(`${app.baseUrl}/actielijnen/1`);
    expect(await piet.locator('h1').innerText()).toContain('aangepast in de browser');

    // A relation between two gremia, from the tafel's own form; the public structure shows it at once.
    const governance = await app.app.services.governance.get((await app.app.services.gemeenten.list())[0]!);
    const tafel = governance.gremia.find((g) => g.type === 'overlegtafel')!;
    const platform = governance.gremia.find((g) => g.type === 'bestuurlijk-platform')!;
    await piet.goto(`${app.baseUrl}/gremia/${tafel.id}/bewerken`);
    await piet.getByRole('link', { name: 'Relatie toevoegen' }).click();
    await expectNoAxeViolations(piet);
    await piet.getByLabel('Soort relatie').selectOption('informeert');
    await piet.getByLabel('Met welk overleg').selectOption({ label: platform.naam });
    await piet.getByLabel('Toelichting').fill('na elk overleg, in de browser');
    await piet.getByRole('button', { name: 'Opslaan' }).click();
    await piet.waitForURL(/melding=opgeslagen/);
    const publiek = await newPage(browser);
    await publiek.goto(`${app.baseUrl}/structuur`);
    expect(await publiek.locator('section[aria-labelledby="tekstversie"] ul').innerText()).toContain(`${tafel.naam} informeert ${platform.naam}: na elk overleg, in de browser`);
    await publiek.goto(`${app.baseUrl}/actielijnen/1`);
    expect(await publiek.locator('h1').innerText()).toContain('aangepast in de browser');
    await publiek.context().close();

    await admin.goto(`${app.baseUrl}/beheer/audit?soort=gegevens`);
    expect(await admin.locator('main').innerText()).toContain('Piet Procesmanager');
    await expectNoAxeViolations(admin);
    await admin.context().close();
    await piet.context().close();
  }, 240_000);

  it('gives the second of two browsers editing one focusdoel the conflict page, with its text kept', async () => {
    const agenda = await app.app.services.agenda.get((await app.app.services.gemeenten.list())[0]!);
    const focusdoel = agenda.actielijnen[2]!.focusdoelen[0]!;
    const procesmanager = await createUser(app, await gemeenteId(app), { email: 'pm2@e2e.example', naam: 'Tweede Procesmanager', rollen: [rol('procesmanager')], totp: true });
    const login = () => loginInBrowser(browser, app, procesmanager, `/focusdoelen/${focusdoel.id}/bewerken`);
    const first = await login();
    const second = await login();
    await first.getByLabel('Focusdoel', { exact: true }).fill('Versie van de eerste browser');
    await first.getByRole('button', { name: 'Opslaan' }).click();
    await first.waitForURL(/melding=opgeslagen/);

    await second.getByLabel('Focusdoel', { exact: true }).fill('Lange tekst van de tweede browser, met veel werk erin');
    await second.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => second.locator('#conflict').count()).toBe(1);
    expect(await second.locator('#conflict').innerText()).toContain('Versie van de eerste browser');
    expect(await second.getByLabel('Focusdoel', { exact: true }).inputValue()).toBe('Lange tekst van de tweede browser, met veel werk erin');
    await expectNoAxeViolations(second);

    // Saving again on purpose, now on top of the newest version, works.
    await second.getByRole('button', { name: 'Opslaan' }).click();
    await second.waitForURL(/melding=opgeslagen/);
    await first.context().close();
    await second.context().close();
  });
});
