import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { nextTotpCode, type TestUser } from '../../test/helpers/session.js';
import type { RunningApp } from './server.js';

/** Zero violations of WCAG 2.0–2.2 A/AA and axe's best practices on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`), page.url()).toEqual([]);
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** A new browser context, logged in through the real login form (and the code page when the user has TOTP). */
export async function loginInBrowser(browser: Browser, app: RunningApp, user: TestUser, terug?: string): Promise<Page> {
  const page = await newPage(browser);
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
