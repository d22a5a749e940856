import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectVisitedPagesValid } from './html-validation.js';

/** Zero violations of WCAG 2.0–2.2 A/AA and axe's best practices on the page as it is now; valid HTML (vnu). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await expectVisitedPagesValid();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`), page.url()).toEqual([]);
}

/**
 * Usable with the keyboard alone: the skip link is the first tab stop and moves focus to the main content, and Tab
 * then visits every focusable element once, each with a visible focus indicator. `reload` brings the page back in
 * its starting state (for a form page: the same URL again). The HTML of the pages visited so far is valid (vnu).
 */
export async function expectKeyboardOperable(page: Page, reload: () => Promise<unknown>): Promise<void> {
  await expectVisitedPagesValid();
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({
    text: document.activeElement?.textContent?.trim(),
    href: document.activeElement?.getAttribute('href'),
    height: document.activeElement?.getBoundingClientRect().height ?? 0,
  }));
  expect(first).toMatchObject({ text: 'Direct naar de inhoud', href: '#inhoud' });
  expect(first.height).toBeGreaterThan(0);

  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');

  // From the top, Tab must visit every focusable element once, each with a visible focus indicator.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await reload();
  const focusable = await page.evaluate(
    () => document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex="0"]').length,
  );
  const visited = new Set<string>();
  for (let step = 0; step < focusable; step += 1) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate((step) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const indicator = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
      const path = [el.tagName, el.getAttribute('href') ?? '', el.textContent?.trim().slice(0, 40) ?? '', step].join('|');
      return { indicator, path };
    }, step);
    expect(state, `${page.url()}: tab stop ${step + 1} of ${focusable}`).not.toBeNull();
    expect(state!.indicator, `${page.url()}: no visible focus on ${state!.path}`).toBe(true);
    visited.add(state!.path);
  }
  expect(visited.size).toBe(focusable);
}

/** Readable without JavaScript: exactly one visible h1 and real content in main; valid HTML (vnu). */
export async function expectReadableWithoutJavaScript(page: Page): Promise<void> {
  await expectVisitedPagesValid();
  await expect.poll(() => page.locator('h1').count()).toBe(1);
  expect(await page.locator('h1').isVisible()).toBe(true);
  expect((await page.locator('main').innerText()).length).toBeGreaterThan(40);
}
