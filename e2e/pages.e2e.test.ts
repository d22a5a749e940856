/**
 * Every page in a real Chromium: zero axe violations (WCAG 2.0–2.2 A/AA and best practices), reachable and
 * visibly focused with the keyboard alone, readable without JavaScript, no horizontal scrolling at 320 px,
 * and a print view without navigation.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/server.js';
import { expectKeyboardOperable, expectReadableWithoutJavaScript } from './helpers/checks.js';
import { launchChromium } from './helpers/launch.js';

const pages = [
  '/',
  '/actielijnen/1',
  '/actielijnen/2',
  '/actielijnen/3',
  '/actielijnen/4',
  '/actielijnen/5',
  '/actielijnen/6',
  '/oab-afspraken',
  '/stuurgroep',
  '/structuur',
  // A gremium's own page (the stuurgroep's slug in the demo data).
  '/structuur/stuurgroep-lea',
  '/toegankelijkheid',
  '/inloggen',
  '/wachtwoord-vergeten',
  '/deze-pagina-bestaat-niet',
];

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(url: string, options: { width?: number; javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const response = await page.goto(app.baseUrl + url);
  expect(response?.status(), url).toBe(url.includes('bestaat-niet') ? 404 : 200);
  return page;
}

function describeViolations(violations: { id: string; help: string; nodes: { target: unknown }[] }[]): string[] {
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

describe.each(pages)('%s', (url) => {
  it('has no axe violations, at desktop width and at 320 px', async () => {
    for (const width of [1280, 320]) {
      const page = await open(url, { width });
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(describeViolations(results.violations), `${url} at ${width}px`).toEqual([]);
      await page.context().close();
    }
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const page = await open(url, { width: 320 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('can be used with the keyboard alone: skip link first, every link reachable with a visible focus', async () => {
    const page = await open(url);
    await expectKeyboardOperable(page, () => page.goto(app.baseUrl + url));
    await page.context().close();
  });

  it('is readable without JavaScript', async () => {
    const page = await open(url, { javaScript: false });
    await expectReadableWithoutJavaScript(page);
    await page.context().close();
  });
});

describe('content in the browser', () => {
  it('shows the six actielijnen on the start page', async () => {
    const page = await open('/');
    await expect.poll(() => page.locator('.lea-actielijn-card').count()).toBe(6);
    await page.context().close();
  });

  it('prints without the menu, and with the structure drawing at a visible size', async () => {
    const page = await open('/structuur');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.lea-menu').isVisible()).toBe(false);
    const box = await page.locator('svg.lea-diagram').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    await page.context().close();
  });
});
