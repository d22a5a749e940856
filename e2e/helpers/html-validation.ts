/**
 * Every page the browser tests visit must be valid HTML according to the W3C Nu HTML Checker (vnu). The browser
 * records the HTML the server sent for each page (the response body, not the DOM serialisation), and the checks
 * send it to one vnu web service that the e2e global set-up (e2e/helpers/vnu-service.ts) starts for the whole run:
 * the JVM starts once (~4 s), after which a page takes a few milliseconds.
 */
import { createHash } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { expect, inject } from 'vitest';

interface VisitedPage {
  url: string;
  status: number;
  html: Promise<string | undefined>;
}

interface VnuMessage {
  type: string;
  subType?: string;
  message?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  extract?: string;
}

const recorded = new WeakSet<BrowserContext>();
let pending: VisitedPage[] = [];
/** Results per distinct document: many tests load the same page twice (axe, then the keyboard walk). */
const checkedDocuments = new Map<string, string[]>();
let documentsChecked = 0;
let checkingMs = 0;

/** From now on, keep the HTML of every page the context's tabs load (main frame documents, not redirects). */
export function recordPages(context: BrowserContext): void {
  if (recorded.has(context)) return;
  recorded.add(context);
  // A test that closes its context right after a navigation (waitForURL resolves on the new URL, before the body is
  // in) would otherwise take the body and the fallback fetch down with it: close waits for this context's bodies.
  const bodies: Promise<unknown>[] = [];
  const close = context.close.bind(context);
  context.close = async (...args: Parameters<BrowserContext['close']>) => {
    await Promise.allSettled(bodies);
    return close(...args);
  };
  context.on('response', (response) => {
    const request = response.request();
    if (!request.isNavigationRequest() || request.frame().parentFrame()) return;
    const status = response.status();
    if (status >= 300 && status < 400) return;
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
    // Asked for at once: Chromium drops a document's body soon after the tab moves on. When a test moved on before
    // the body was in (waitForURL resolves as soon as the URL changes), a page fetched by GET is fetched once more
    // with the context's cookies; only a posted page's answer cannot be had again.
    const html = response.text().catch(() =>
      request.method() === 'GET'
        ? context.request.get(response.url(), { maxRedirects: 0 }).then((again) => again.text()).catch(() => undefined)
        : undefined,
    );
    bodies.push(html);
    pending.push({ url: `${request.method()} ${response.url()}`, status, html });
  });
}

/** The errors vnu finds in one document, as readable lines ("line:column message «extract»"). */
export async function vnuErrors(html: string): Promise<string[]> {
  documentsChecked += 1;
  const key = createHash('sha256').update(html).digest('hex');
  const known = checkedDocuments.get(key);
  if (known) return known;
  const started = performance.now();
  const response = await fetch(`${inject('vnuUrl')}/?out=json`, {
    method: 'POST',
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: html,
  });
  if (!response.ok) throw new Error(`vnu antwoordde ${response.status}`);
  const { messages } = (await response.json()) as { messages: VnuMessage[] };
  // Errors fail, as they do for vnu itself; its warnings ("info" with subType "warning") and notes do not.
  const errors = messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${m.message ?? m.type} «${(m.extract ?? '').replace(/\s+/g, ' ').trim()}»`);
  checkedDocuments.set(key, errors);
  checkingMs += performance.now() - started;
  return errors;
}

/**
 * Every page visited since the last call is valid HTML; fails with vnu's messages per page. The check helpers call
 * it, and e2e/helpers/validate-visited-pages.ts calls it after every test, so no visited page goes unchecked.
 */
export async function expectVisitedPagesValid(): Promise<void> {
  expect(await visitedPageProblems(), 'W3C Nu HTML Checker (vnu): ongeldige HTML').toEqual([]);
}

/** What vnu finds wrong in the pages visited since the last call, one line per error, and the pages lost unchecked. */
export async function visitedPageProblems(): Promise<string[]> {
  const visited = pending;
  pending = [];
  const problems: string[] = [];
  for (const page of visited) {
    const html = await page.html;
    if (html === undefined) {
      problems.push(`${page.url} (${page.status}): de browser gaf de HTML niet meer; niet te controleren`);
      continue;
    }
    for (const error of await vnuErrors(html)) problems.push(`${page.url} (${page.status}): ${error}`);
  }
  return problems;
}

/** How many pages this test file had checked (and how many different ones): printed once, at the end. */
export function validationSummary(): string {
  return `HTML-controle (vnu): ${documentsChecked} pagina's gecontroleerd (${checkedDocuments.size} verschillende) in ${Math.round(checkingMs)} ms`;
}
