import { describe, expect, it } from 'vitest';
import { VersionedCache } from './versioned-cache.js';

describe('VersionedCache', () => {
  it('computes once per key and version, and again when the version changes', async () => {
    const cache = new VersionedCache<string>();
    let calls = 0;
    const compute = () => `waarde ${++calls}`;
    expect(await cache.get('a', 1, compute)).toBe('waarde 1');
    expect(await cache.get('a', 1, compute)).toBe('waarde 1');
    expect(await cache.get('a', 2, compute)).toBe('waarde 2');
    expect(calls).toBe(2);
  });

  it('shares one computation between concurrent callers', async () => {
    const cache = new VersionedCache<number>();
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10));
    expect(await Promise.all([cache.get('k', 1, slow), cache.get('k', 1, slow)])).toEqual([1, 1]);
  });

  it('forgets a failed computation', async () => {
    const cache = new VersionedCache<number>();
    await expect(cache.get('k', 1, () => Promise.reject(new Error('stuk')))).rejects.toThrow('stuk');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('k', 1, () => 7)).toBe(7);
  });

  it('drops the oldest entry beyond its size', async () => {
    const cache = new VersionedCache<string>(2);
    await cache.get('a', 1, () => 'a1');
    await cache.get('b', 1, () => 'b1');
    await cache.get('c', 1, () => 'c1');
    expect(await cache.get('a', 1, () => 'opnieuw')).toBe('opnieuw');
    expect(await cache.get('c', 1, () => 'opnieuw')).toBe('c1');
  });
});
