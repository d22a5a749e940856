/**
 * The HTML check itself: a page whose body is still arriving when the test closes its browser context must still be
 * checked. CI once lost such a page (a test closed its contexts right after waitForURL), and the check then
 * reported it as "niet te controleren" instead of checking it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitedPageProblems } from './helpers/html-validation.js';
import { launchChromium } from './helpers/launch.js';

// One vnu error on purpose (a <div> inside a <span>), so a checked page is told apart from a page that was lost.
const head = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Langzaam</title></head><body>';
const tail = '<main><span><div>te laat</div></span></main></body></html>';

let server: Server;
let browser: Browser;
let url: string;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.write(head);
    setTimeout(() => response.end(tail), 400);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the HTML check of visited pages', () => {
  it('checks a page whose context was closed while its body was still arriving', async () => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.context().close();

    const problems = await visitedPageProblems();
    expect(problems).toEqual([expect.stringContaining('Element “div” not allowed as child of element “span”')]);
  });
});
