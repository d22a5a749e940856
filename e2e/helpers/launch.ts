import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './browser.js';
import { recordPages } from './html-validation.js';

/**
 * Debian's Chromium for a browser test file. Every context it opens (browser.newPage makes one too) records the
 * HTML of the pages it loads, which the tests then validate with vnu (see html-validation.ts).
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options?: BrowserContextOptions) => {
    const context = await newContext(options);
    recordPages(context);
    return context;
  };
  return browser;
}
