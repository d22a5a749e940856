import type { Database } from '../../db/client.js';
import { bumpDataVersie } from './gemeente.repository.js';

/**
 * One change to a gemeente's data: the work runs in one transaction that also raises the gemeente's data version
 * (so every instance's caches renew), and afterwards this instance forgets its cached version at once.
 */
export class DataChange {
  constructor(
    private readonly db: Database,
    private readonly onChange: () => void,
  ) {}

  async run<T>(gemeenteId: string, work: (tx: Database) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(async (tx) => {
      const value = await work(tx);
      await bumpDataVersie(tx, gemeenteId);
      return value;
    });
    this.onChange();
    return result;
  }
}
