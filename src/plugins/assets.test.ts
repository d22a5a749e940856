import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStylesheet } from './assets.js';

describe('the stylesheet', () => {
  let cacheDir: string;
  beforeEach(async () => {
    cacheDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'lea-assets-')), 'cache');
  });
  afterEach(() => rm(path.dirname(cacheDir), { recursive: true, force: true }));

  /** The brotli form is made in the background and written to the cache after the gzip one. */
  async function cachedBrotli(name: string): Promise<void> {
    for (let tries = 0; tries < 200 && !existsSync(path.join(cacheDir, `${name}.br`)); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('is named by its content and compressed, the first time and from the cache on the next start', async () => {
    const first = buildStylesheet(cacheDir);
    expect(first.href).toMatch(/^\/assets\/lea-[\w-]{16}\.css$/);
    expect(first.identity.toString()).toContain('.utrecht-skip-link');
    expect(gunzipSync(first.gzip).equals(first.identity)).toBe(true);
    await cachedBrotli(first.href.slice('/assets/'.length));
    expect(first.brotli && brotliDecompressSync(first.brotli).equals(first.identity)).toBe(true);
    expect((await readdir(cacheDir)).sort()).toEqual([`${first.href.slice('/assets/'.length)}.br`, `${first.href.slice('/assets/'.length)}.gz`]);

    const next = buildStylesheet(cacheDir);
    expect(next.href).toBe(first.href);
    // Present at once: read from the cache, not compressed again in the background.
    expect(next.brotli?.equals(first.brotli!)).toBe(true);
    expect(next.gzip.equals(first.gzip)).toBe(true);
  });

  it('ignores compressed forms of another version of the stylesheet', async () => {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(path.join(cacheDir, 'lea-0000000000000000.css.br'), 'not this stylesheet');
    const built = buildStylesheet(cacheDir);
    expect(built.brotli).toBeUndefined();
    expect(gunzipSync(built.gzip).equals(built.identity)).toBe(true);
  });

  it('still compresses when the cache cannot be written', async () => {
    // A file where the cache folder should be: mkdir fails, as on a read-only installation.
    await writeFile(cacheDir, 'in the way');
    const built = buildStylesheet(cacheDir);
    for (let tries = 0; tries < 200 && !built.brotli; tries++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(built.brotli && brotliDecompressSync(built.brotli).equals(built.identity)).toBe(true);
  });
});
