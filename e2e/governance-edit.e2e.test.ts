/**
 * The governance edit pages in a real Chromium, logged in as a procesmanager (with the authenticator app): every
 * new page passes axe, also with validation errors, with the conflict page after a stale save, and with a refused
 * archive; the voorzitter of a tafel gets their smaller form. The overview fits a 320 px wide screen.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Governance } from '../src/modules/governance/governance.service.js';
import { createUser, gemeenteId, rol, type TestUser } from '../test/helpers/session.js';
import { startApp, type RunningApp } from './helpers/server.js';
import { expectNoAxeViolations } from './helpers/checks.js';
import { loginInBrowser } from './helpers/session.js';
import { launchChromium } from './helpers/launch.js';

let app: RunningApp;
let browser: Browser;
let procesmanager: TestUser;
let governance: Governance;

beforeAll(async () => {
  app = await startApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'lea-e2e-gov-')) });
  browser = await launchChromium();
  const gid = await gemeenteId(app);
  procesmanager = await createUser(app, gid, { email: 'pm@gov-e2e.example', naam: 'Petra Procesmanager', rollen: [rol('procesmanager')], totp: true });
  const gemeente = (await app.app.services.gemeenten.list()).find((g) => g.id === gid)!;
  governance = await app.app.services.governance.get(gemeente);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});


const loginAs = (user: TestUser) => loginInBrowser(browser, app, user);

async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(app.baseUrl + url);
  expect(response?.status(), url).toBe(200);
}

describe('the governance edit pages', () => {
  let page: Page;
  beforeAll(async () => {
    page = await loginAs(procesmanager);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  // Axe on many pages: on a busy 2-core machine that can take longer than the default minute.
  it('pass axe: the overview, and a new and an existing record of every kind', async () => {
    const stuurgroep = governance.gremia.find((g) => g.type === 'stuurgroep')!;
    const lid = governance.lidmaatschappen.find((l) => l.gremiumId === stuurgroep.id)!;
    const urls = [
      '/governance/bewerken',
      '/organisaties/nieuw',
      `/organisaties/${governance.organisaties[0]!.id}/bewerken`,
      '/personen/nieuw',
      `/personen/${governance.personen[0]!.id}/bewerken`,
      '/gremia/nieuw',
      `/gremia/${stuurgroep.id}/bewerken`,
      `/gremia/${stuurgroep.id}/lidmaatschappen/nieuw`,
      `/lidmaatschappen/${lid.id}/bewerken`,
      // The public pages as the procesmanager sees them: with edit links and e-mail addresses.
      '/stuurgroep',
      '/structuur',
    ];
    for (const url of urls) {
      await visit(page, url);
      await expectNoAxeViolations(page);
    }
  }, 180_000);

  it('creates a gremium after a first try with errors: the summary links to the fields, the input stays, and both pages pass axe', async () => {
    await visit(page, '/gremia/nieuw');
    await page.getByLabel('Omschrijving').fill('Een tafel **voor** de overgang van po naar vo.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.locator('#foutoverzicht').count()).toBe(1);
    expect(await page.locator('#foutoverzicht a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['#veld-naam', '#veld-type']);
    expect(await page.getByLabel('Omschrijving').inputValue()).toBe('Een tafel **voor** de overgang van po naar vo.');
    expect(await page.title()).toMatch(/^Fout: /);
    await expectNoAxeViolations(page);

    await page.getByLabel('Naam van het overleg').fill('Overgangstafel po-vo');
    await page.getByLabel('Soort overleg').selectOption('overlegtafel');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/gremia\/[0-9a-f-]+\/bewerken\?melding=opgeslagen/);
    expect(await page.locator('.lea-notice').innerText()).toContain('opgeslagen');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Lid toevoegen' }).click();
    await page.getByLabel('Persoon', { exact: true }).selectOption({ label: governance.personen[0]!.naam });
    await page.getByLabel('Sector: Primair onderwijs (po)').check();
    await page.getByLabel('Sector: Voortgezet onderwijs (vo)').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/gremia\/[0-9a-f-]+\/bewerken\?melding=opgeslagen/);
    expect(await page.locator('#leden ~ * table, #leden + * table').first().innerText()).toContain(governance.personen[0]!.naam);

    // Archiving a gremium with a member is refused, with the reason at the button.
    await page.getByRole('button', { name: 'Overleg archiveren' }).click();
    await expect.poll(() => page.locator('#foutoverzicht').count()).toBe(1);
    expect(await page.locator('#veld-archiveren').innerText()).toContain('U kunt dit overleg nog niet archiveren.');
    await expectNoAxeViolations(page);

    await visit(page, '/structuur');
    expect(await page.locator('main').innerText()).toContain('Overgangstafel po-vo');
    expect(await page.locator('#gremium-overgangstafel-po-vo strong').innerText()).toBe('voor');
  });

  it('gives the second of two tabs editing one organisatie the conflict page, with what it typed kept, passing axe', async () => {
    const organisatie = governance.organisaties[1]!;
    const url = `/organisaties/${organisatie.id}/bewerken`;
    // A second tab of the same session: the version travels in the form, so two tabs conflict like two people.
    const second = await page.context().newPage();
    await visit(page, url);
    await visit(second, url);
    await page.getByLabel('Naam van de organisatie').fill(`${organisatie.naam} (eerste)`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/melding=opgeslagen/);

    await second.getByLabel('Naam van de organisatie').fill(`${organisatie.naam} (tweede, met veel werk)`);
    await second.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => second.locator('#conflict').count()).toBe(1);
    expect(await second.locator('#conflict').innerText()).toContain(`${organisatie.naam} (eerste)`);
    expect(await second.getByLabel('Naam van de organisatie').inputValue()).toBe(`${organisatie.naam} (tweede, met veel werk)`);
    await expectNoAxeViolations(second);

    await second.getByRole('button', { name: 'Opslaan' }).click();
    await second.waitForURL(/melding=opgeslagen/);
    await second.close();
  });

  it('fits the overview on a 320 px wide screen', async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await visit(page, '/governance/bewerken');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});

describe('the voorzitter of a tafel', () => {
  it('gets the form with only omschrijving and frequency for their own tafel, passing axe', async () => {
    const tafel = governance.gremia.find((g) => g.type === 'overlegtafel')!;
    const voorzitter = await createUser(app, await gemeenteId(app), {
      email: 'voorzitter@gov-e2e.example',
      naam: 'Vera Voorzitter',
      rollen: [{ rol: 'voorzitter-overlegtafel', gremiumId: tafel.id }],
    });
    const page = await loginAs(voorzitter);
    await visit(page, '/structuur');
    await page.locator(`a[href="/gremia/${tafel.id}/bewerken"]`).click();
    await page.waitForURL(new RegExp(`/gremia/${tafel.id}/bewerken$`));
    expect(await page.locator('textarea[name="opdracht"]').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByLabel('Hoe vaak komt het overleg bijeen?').fill('elke maand');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/melding=opgeslagen/);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
