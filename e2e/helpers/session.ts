import type { Browser, BrowserContext, Page } from 'playwright-core';
import { nextTotpCode, type TestUser } from '../../test/helpers/session.js';
import type { RunningApp } from './server.js';

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** A new browser context, logged in through the real login form (and the code page when the user has TOTP). */
export async function loginInBrowser(browser: Browser, app: RunningApp, user: TestUser, terug?: string, context?: BrowserContext): Promise<Page> {
  const page = context ? await context.newPage() : await newPage(browser);
  await page.goto(`${app.baseUrl}/inloggen${terug ? `?terug=${encodeURIComponent(terug)}` : ''}`);
  await page.getByLabel('E-mailadres').fill(user.email);
  await page.getByLabel('Wachtwoord').fill(user.wachtwoord);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (user.totpSecret) {
    await page.waitForURL(/\/inloggen\/code/);
    await page.getByLabel('Code', { exact: true }).fill(await nextTotpCode(app, user));
    await page.getByRole('button', { name: 'Doorgaan' }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  return page;
}
