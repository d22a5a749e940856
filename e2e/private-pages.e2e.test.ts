/**
 * Every page behind the login, as the role that uses it: zero axe violations, usable with the keyboard alone, and
 * readable without JavaScript (logging in itself is plain forms, so the no-JavaScript browser logs in too).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox, readOutboxMessage } from '../src/lib/mail/outbox.js';
import { createUser, gemeenteId, rol, type TestUser } from '../test/helpers/session.js';
import { expectKeyboardOperable, expectNoAxeViolations, expectReadableWithoutJavaScript } from './helpers/checks.js';
import { startApp, type RunningApp } from './helpers/server.js';
import { editPath } from '../src/records/record-pages.js';
import { loginInBrowser } from './helpers/session.js';
import { launchChromium } from './helpers/launch.js';

let app: RunningApp;
let browser: Browser;
let dataDir: string;
const users: Record<'beheerder' | 'procesmanager', TestUser> = {} as never;
/** Concrete ids for the page templates below, filled once the app runs. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'lea-private-'));
  app = await startApp({ DATA_DIR: dataDir });
  browser = await launchChromium();
  const gid = await gemeenteId(app);
  users.beheerder = await createUser(app, gid, { email: 'beheer@private.example', naam: 'Bram Beheer', rollen: [rol('beheerder')], totp: true });
  users.procesmanager = await createUser(app, gid, { email: 'pm@private.example', naam: 'Pien Proces', rollen: [rol('procesmanager')], totp: true });
  const gemeente = (await app.app.services.gemeenten.list()).find((g) => g.id === gid)!;
  const invited = await app.app.services.gebruikers.invite(
    gemeente,
    { naam: 'Ilse Uitgenodigd', email: 'ilse@private.example', rollen: [rol('stuurgroeplid')] },
    { gebruikerId: users.beheerder.id, naam: users.beheerder.naam, ip: null },
    app.baseUrl,
  );
  if (invited.status !== 'ok') throw new Error('uitnodigen mislukt');
  ids.gebruiker = invited.gebruiker.id;
  const outboxDir = app.app.services.mailers.outboxDir(gemeente.slug);
  ids.mail = (await listOutbox(outboxDir))[0]!.id;
  const mail = await readOutboxMessage(outboxDir, ids.mail);
  ids.uitnodiging = /\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail!.text)![0];
  const agenda = await app.app.services.agenda.get(gemeente);
  ids.jaar = String(agenda.oab.afspraken[0]!.jaar);
  pages.procesmanager.push(...(await recordKindPages(gid)));
  expect(pages.procesmanager.length).toBeGreaterThan(20);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const pages: Record<'beheerder' | 'procesmanager', string[]> = {
  beheerder: [
    '/account',
    '/beheer',
    '/beheer/gebruikers',
    '/beheer/gebruikers/nieuw',
    '/beheer/gebruikers/{gebruiker}',
    '/beheer/audit',
    '/beheer/outbox',
    '/beheer/outbox/{mail}',
  ],
  // The pages of every declared record kind are added in beforeAll (see recordKindPages).
  procesmanager: ['/oab-afspraken/jaren/{jaar}/bewerken', '/governance/bewerken'],
};

/**
 * Every page a declared record kind has, for one of its records: new (under a parent, for a child kind), edit, and
 * the question before archiving. A new kind's pages are checked here without being listed.
 */
async function recordKindPages(gid: string): Promise<string[]> {
  const urls: string[] = [];
  for (const service of app.app.records.all()) {
    const { kind } = service;
    const [record] = await service.list(gid);
    if (!record) throw new Error(`Geen ${kind.name} in de demodata om de pagina's mee te bekijken.`);
    if (kind.can.create) {
      const parent = kind.parent ? (await service.parent!.list(gid))[0]! : undefined;
      urls.push(parent ? `${editPath(service.parent!, parent).replace(/\/bewerken$/, '')}/${kind.pages.segment}/nieuw` : `${kind.pages.base}/nieuw`);
    }
    urls.push(editPath(service, record));
    if (kind.can.archive && kind.pages.archive?.style === 'confirm') urls.push(editPath(service, record).replace(/\/bewerken$/, '/archiveren'));
  }
  return urls;
}

const concrete = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]!);

async function visit(page: Page, template: string): Promise<void> {
  const response = await page.goto(app.baseUrl + concrete(template));
  expect(response?.status(), template).toBe(200);
}

describe.each(['beheerder', 'procesmanager'] as const)('the pages of the %s', (role) => {
  it(
    'have no axe violations and can be used with the keyboard alone',
    async () => {
      const page = await loginInBrowser(browser, app, users[role]);
      for (const template of pages[role]) {
        await visit(page, template);
        await expectNoAxeViolations(page);
        await visit(page, template);
        await expectKeyboardOperable(page, () => visit(page, template));
      }
      await page.context().close();
    },
    300_000,
  );

  it(
    'are readable without JavaScript',
    async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await loginInBrowser(browser, app, users[role], undefined, context);
      for (const template of pages[role]) {
        await visit(page, template);
        await expectReadableWithoutJavaScript(page);
      }
      await context.close();
    },
    120_000,
  );
});

describe('the pages between the first step and a full login', () => {
  /** The invitation link (not used up by looking), the code step and the set-up of the app, for a fresh browser each. */
  async function halfway(javaScriptEnabled: boolean): Promise<{ page: Page; urls: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const gid = await gemeenteId(app);
    const withApp = users.procesmanager;
    const withoutApp = await createUser(app, gid, { email: `nieuw-${javaScriptEnabled}@private.example`, naam: 'Nina Nieuw', rollen: [rol('procesmanager')] });
    const urls = [ids.uitnodiging!];
    for (const [user, url] of [[withApp, '/inloggen/code'], [withoutApp, '/account/tweestapsverificatie']] as const) {
      await context.clearCookies();
      await page.goto(`${app.baseUrl}/inloggen`);
      await page.getByLabel('E-mailadres').fill(user.email);
      await page.getByLabel('Wachtwoord').fill(user.wachtwoord);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL((u) => u.pathname === url);
      urls.push(`${url}?terug=%2F`);
      if (url === '/inloggen/code') {
        await visit(page, ids.uitnodiging!);
        await check(page, ids.uitnodiging!, javaScriptEnabled);
      }
      await check(page, `${url}?terug=%2F`, javaScriptEnabled);
    }
    return { page, urls };
  }

  async function check(page: Page, url: string, javaScriptEnabled: boolean): Promise<void> {
    await visit(page, url);
    if (!javaScriptEnabled) return expectReadableWithoutJavaScript(page);
    await expectNoAxeViolations(page);
    await visit(page, url);
    await expectKeyboardOperable(page, () => visit(page, url));
  }

  it('have no axe violations and can be used with the keyboard alone', async () => {
    const { page, urls } = await halfway(true);
    expect(urls).toHaveLength(3);
    await page.context().close();
  }, 120_000);

  it('are readable without JavaScript', async () => {
    const { page } = await halfway(false);
    await page.context().close();
  }, 120_000);
});
