/**
 * Editing ambities and OAB-afspraken in a real Chromium: a procesmanager adds an ambitie (after a form with errors),
 * links it to an actielijn, looks at archiving, adds and changes an OAB-afspraak and a year's toelichting; then two
 * browsers change one ambitie and the second gets the conflict page. Every page on the way passes axe.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, gemeenteId, rol, type TestUser } from '../test/helpers/session.js';
import { startApp, type RunningApp } from './helpers/server.js';
import { expectNoAxeViolations } from './helpers/checks.js';
import { loginInBrowser } from './helpers/session.js';
import { launchChromium } from './helpers/launch.js';

let app: RunningApp;
let browser: Browser;
let procesmanager: TestUser;

beforeAll(async () => {
  app = await startApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'lea-e2e-')) });
  browser = await launchChromium();
  procesmanager = await createUser(app, await gemeenteId(app), {
    email: 'pm@agenda-e2e.example',
    naam: 'Pim Procesmanager',
    rollen: [rol('procesmanager')],
    totp: true,
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});


const login = () => loginInBrowser(browser, app, procesmanager);

let pm: Page;

describe('editing ambities and OAB-afspraken', () => {
  it('adds an ambitie after a form with errors, links it to an actielijn and offers to archive it', async () => {
    pm = await login();
    await pm.goto(`${app.baseUrl}/`);
    await expectNoAxeViolations(pm);
    await pm.getByRole('link', { name: 'Nieuwe ambitie' }).click();
    await pm.waitForURL(/\/ambities\/nieuw$/);
    await expectNoAxeViolations(pm);

    // An invalid form first: the errors are listed, each at its field, and the input stays.
    await pm.getByLabel('Naam', { exact: true }).fill('Sterke basis');
    await pm.getByLabel('Code', { exact: true }).fill('Sterke Basis');
    await pm.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => pm.locator('#foutoverzicht').count()).toBe(1);
    expect(await pm.getByLabel('Naam', { exact: true }).inputValue()).toBe('Sterke basis');
    expect(await pm.locator('#foutoverzicht').innerText()).toContain('Vul de omschrijving van de ambitie in.');
    await expectNoAxeViolations(pm);

    await pm.getByLabel('Code', { exact: true }).fill('sterke-basis');
    await pm.getByLabel('Omschrijving', { exact: true }).fill('Elk kind leert lezen, schrijven en rekenen.');
    await pm.getByRole('button', { name: 'Opslaan' }).click();
    await pm.waitForURL(/\/ambities\/[0-9a-f-]+\/bewerken\?melding=toegevoegd/);
    expect(await pm.locator('.lea-notice').innerText()).toContain('toegevoegd');
    expect(await pm.locator('#historie ~ * table').innerText()).toContain('Pim Procesmanager');
    await expectNoAxeViolations(pm);

    await pm.goto(`${app.baseUrl}/actielijnen/1/bewerken`);
    await pm.getByLabel('Sterke basis', { exact: true }).check();
    await expectNoAxeViolations(pm);
    await pm.getByRole('button', { name: 'Opslaan' }).click();
    await pm.waitForURL(/melding=opgeslagen/);
    await pm.goto(`${app.baseUrl}/actielijnen/1`);
    expect(await pm.locator('main').innerText()).toContain('Sterke basis');

    // Archiving an ambitie that is the only one of some actielijnen is refused, with the reason at the button.
    await pm.goto(`${app.baseUrl}/`);
    await pm.getByRole('link', { name: 'Bewerken ambitie Zoetermeer 2040' }).click();
    await pm.waitForURL(/\/ambities\/[0-9a-f-]+\/bewerken$/);
    await expectNoAxeViolations(pm);
    await pm.getByRole('link', { name: 'Ambitie archiveren' }).click();
    await pm.waitForURL(/\/archiveren$/);
    await expectNoAxeViolations(pm);
    await pm.getByRole('button', { name: 'Ambitie archiveren' }).click();
    await expect.poll(() => pm.locator('#foutoverzicht').count()).toBe(1);
    expect(await pm.locator('#veld-archiveren').innerText()).toContain('Deze ambitie is de enige ambitie van actielijn 2.');
    await expectNoAxeViolations(pm);
  });

  it('adds and changes an OAB-afspraak and a toelichting, and offers to archive the afspraak', async () => {
    await pm.goto(`${app.baseUrl}/oab-afspraken`);
    await expectNoAxeViolations(pm);
    await pm.getByRole('link', { name: 'Nieuwe afspraak' }).click();
    await pm.waitForURL(/\/oab-afspraken\/nieuw$/);
    await expectNoAxeViolations(pm);
    await pm.getByLabel('Categorie').selectOption({ label: 'Voorkomen van segregatie' });
    await pm.getByLabel('Afspraak', { exact: true }).fill('Elke school heeft een open inschrijving.');
    await pm.getByRole('button', { name: 'Opslaan' }).click();
    await pm.waitForURL(/\/oab-afspraken\/[0-9a-f-]+\/bewerken\?melding=toegevoegd/);
    expect(await pm.getByLabel('Nummer').inputValue()).toBe('3');
    await expectNoAxeViolations(pm);

    await pm.getByLabel('Jaar').fill('1999');
    await pm.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => pm.locator('#foutoverzicht').count()).toBe(1);
    expect(await pm.getByLabel('Jaar').inputValue()).toBe('1999');
    await expectNoAxeViolations(pm);

    await pm.getByRole('link', { name: 'Afspraak archiveren' }).click();
    await pm.waitForURL(/\/archiveren$/);
    await expectNoAxeViolations(pm);

    await pm.goto(`${app.baseUrl}/oab-afspraken`);
    await pm.getByRole('link', { name: 'Toelichting bewerken bij de afspraken van 2025' }).click();
    await pm.waitForURL(/\/oab-afspraken\/jaren\/2025\/bewerken$/);
    await expectNoAxeViolations(pm);
    await pm.getByLabel('Toelichting').fill('Een nieuwe toelichting voor 2025.');
    await pm.getByRole('button', { name: 'Opslaan' }).click();
    await pm.waitForURL(/melding=opgeslagen/);
    await expectNoAxeViolations(pm);
    await pm.goto(`${app.baseUrl}/oab-afspraken`);
    expect(await pm.locator('main').innerText()).toContain('Een nieuwe toelichting voor 2025.');
  });

  it('gives the second of two browsers changing one ambitie the conflict page, with its text kept', async () => {
    await pm.goto(`${app.baseUrl}/`);
    await pm.getByRole('link', { name: 'Bewerken ambitie Passende plek' }).click();
    await pm.waitForURL(/\/bewerken$/);
    const second = await login();
    await second.goto(pm.url());

    await pm.getByLabel('Naam', { exact: true }).fill('Passende plek voor ieder kind');
    await pm.getByRole('button', { name: 'Opslaan' }).click();
    await pm.waitForURL(/melding=opgeslagen/);

    await second.getByLabel('Omschrijving', { exact: true }).fill('Lange tekst van de tweede browser, met veel werk erin');
    await second.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => second.locator('#conflict').count()).toBe(1);
    expect(await second.locator('#conflict').innerText()).toContain('Lange tekst van de tweede browser');
    expect(await second.getByLabel('Omschrijving', { exact: true }).inputValue()).toBe('Lange tekst van de tweede browser, met veel werk erin');
    await expectNoAxeViolations(second);

    // Saving again on purpose, now on top of the newest version, works.
    await second.getByRole('button', { name: 'Opslaan' }).click();
    await second.waitForURL(/melding=opgeslagen/);
    await pm.context().close();
    await second.context().close();
  });
});
