/**
 * Every page a user can reach by following links, for the public and for each kind of logged-in user, is valid HTML
 * (W3C Nu HTML Checker) and never a server error. The other browser tests validate the pages they walk through; this
 * walk finds the rest, such as the edit form of every gremium, lidmaatschap and OAB-afspraak, not just the first.
 * Pages are fetched with the logged-in browser's cookies (context.request), not rendered: the served HTML is what
 * vnu checks, and fetching keeps the walk to seconds.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, gemeenteId, rol, type TestUser } from '../test/helpers/session.js';
import { decodeHtml } from '../test/helpers/app.js';
import { vnuErrors } from './helpers/html-validation.js';
import { launchChromium } from './helpers/launch.js';
import { startApp, type RunningApp } from './helpers/server.js';
import { loginInBrowser } from './helpers/session.js';

let app: RunningApp;
let browser: Browser;
const users: Record<string, TestUser> = {};

beforeAll(async () => {
  app = await startApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'lea-crawl-')) });
  browser = await launchChromium();
  const gid = await gemeenteId(app);
  const gemeente = (await app.app.services.gemeenten.list()).find((g) => g.id === gid)!;
  const tafel = (await app.app.services.governance.get(gemeente)).gremia.find((g) => g.type === 'overlegtafel')!;
  users.beheerder = await createUser(app, gid, { email: 'beheer@crawl.example', naam: 'Bert Beheer', rollen: [rol('beheerder')], totp: true });
  users.procesmanager = await createUser(app, gid, { email: 'pm@crawl.example', naam: 'Pia Proces', rollen: [rol('procesmanager')], totp: true });
  users.voorzitter = await createUser(app, gid, {
    email: 'voorzitter@crawl.example',
    naam: 'Vik Voorzitter',
    rollen: [{ rol: 'voorzitter-overlegtafel', gremiumId: tafel.id }],
  });
  users.stuurgroeplid = await createUser(app, gid, { email: 'lid@crawl.example', naam: 'Lot Lid', rollen: [rol('stuurgroeplid')] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Links not to follow: leaving the session, the API (JSON, checked by its own tests), files. */
const skip = (pathname: string) => pathname === '/uitloggen' || pathname.startsWith('/api/') || pathname.startsWith('/assets/');

/** Follows every same-site link (and redirect) from the start pages; returns the problems found, one line each. */
async function crawl(request: APIRequestContext, starts: string[], limit = 400): Promise<{ pages: number; problems: string[] }> {
  const queue = [...starts];
  const seen = new Set(queue);
  const problems: string[] = [];
  let pages = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await request.get(app.baseUrl + url, { maxRedirects: 0 });
    const status = response.status();
    if (status >= 500) problems.push(`${url}: ${status}`);
    const next: string[] = [];
    const location = response.headers().location;
    if (location) next.push(location);
    if ((response.headers()['content-type'] ?? '').startsWith('text/html')) {
      pages += 1;
      const html = await response.text();
      for (const error of await vnuErrors(html)) problems.push(`${url} (${status}): ${error}`);
      for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"#]+)/g)) next.push(decodeHtml(match[1]!));
    }
    for (const link of next) {
      const target = new URL(link, app.baseUrl + url);
      if (target.origin !== app.baseUrl || skip(target.pathname)) continue;
      const key = target.pathname + target.search;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > limit) throw new Error(`meer dan ${limit} pagina's: loopt de wandeling rond? (${key})`);
      queue.push(key);
    }
  }
  return { pages, problems };
}

describe('every page reachable by links', () => {
  it('is valid HTML and no server error, for the public', async () => {
    const context = await browser.newContext();
    const { pages, problems } = await crawl(context.request, ['/', '/inloggen', '/wachtwoord-vergeten', '/deze-pagina-bestaat-niet']);
    await context.close();
    expect(pages).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it.each(['beheerder', 'procesmanager', 'voorzitter', 'stuurgroeplid'])(
    'is valid HTML and no server error, for a %s',
    async (role) => {
      const page = await loginInBrowser(browser, app, users[role]!);
      const { pages, problems } = await crawl(page.context().request, ['/', '/account', '/beheer', '/governance/bewerken']);
      await page.context().close();
      console.log(`wandeling als ${role}: ${pages} pagina's`);
      expect(pages).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    },
    120_000,
  );
});
