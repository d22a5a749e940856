/**
 * Keeps one computed value per key for as long as the key's data version stays the same. Concurrent callers
 * for the same key and version share one computation. The oldest entries go first once `maxEntries` is hit.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: number; value: Promise<V> }>();

  constructor(private readonly maxEntries = 500) {}

  get(key: string, version: number, compute: () => Promise<V> | V): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = Promise.resolve().then(compute);
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    // A failed computation must not stay cached.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
