import type { Database } from '../../db/client.js';
import { listGemeenten, type GemeenteRow } from './gemeente.repository.js';

export type Gemeente = Readonly<GemeenteRow>;

/**
 * Finds the gemeente (tenant) a request is for, by the Host header, falling back to the configured default.
 * The list, and with it each gemeente's data version, is cached for `ttlMs`: a change made through another
 * instance shows up here within that time, while a page request normally costs no database round trip.
 */
export class GemeenteService {
  private cache: { at: number; rows: Gemeente[] } | undefined;
  private pending: Promise<Gemeente[]> | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: { ttlMs: number; defaultSlug?: string | undefined },
  ) {}

  async list(): Promise<Gemeente[]> {
    const now = Date.now();
    if (this.cache && now - this.cache.at < this.options.ttlMs) return this.cache.rows;
    // One query in flight at a time, however many requests arrive while it runs.
    this.pending ??= listGemeenten(this.db)
      .then((rows) => {
        this.cache = { at: Date.now(), rows };
        return rows;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** Forgets the cached list, so the next request sees a change made by this instance at once. */
  invalidate(): void {
    this.cache = undefined;
  }

  async resolve(host: string | undefined): Promise<Gemeente | undefined> {
    const rows = await this.list();
    const hostname = (host ?? '').replace(/:\d+$/, '').toLowerCase();
    const byDomain = rows.find((row) => row.domeinen.some((domein) => domein.toLowerCase() === hostname));
    if (byDomain) return byDomain;
    if (this.options.defaultSlug) return rows.find((row) => row.slug === this.options.defaultSlug);
    // With a single gemeente on the installation there is nothing to choose between.
    return rows.length === 1 ? rows[0] : undefined;
  }
}
