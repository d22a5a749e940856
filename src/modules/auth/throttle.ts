import type { Database } from '../../db/client.js';
import { clearInlogpoging, findInlogpoging, recordMislukt } from './auth.repository.js';

/**
 * Progressive delays against password guessing, kept in the database so every instance sees the same count.
 * After `vrij` failures for a key, each further attempt must wait twice as long as the one before (1 s, 2 s,
 * 4 s … up to 15 minutes). Nobody is locked out for good: that would let anyone lock out anyone.
 */
export interface ThrottleRule {
  vrij: number;
  maxSeconden: number;
}

export const ACCOUNT_RULE: ThrottleRule = { vrij: 5, maxSeconden: 15 * 60 };
/** An office or school shares one address, so an address may fail more often than one account. */
export const ADRES_RULE: ThrottleRule = { vrij: 20, maxSeconden: 15 * 60 };

export function waitSeconds(mislukt: number, rule: ThrottleRule): number {
  if (mislukt < rule.vrij) return 0;
  return Math.min(2 ** (mislukt - rule.vrij), rule.maxSeconden);
}

export class Throttle {
  constructor(private readonly db: Database) {}

  /** Seconds still to wait before this key may try again; 0 when it may try now. */
  async remaining(gemeenteId: string, keys: { sleutel: string; rule: ThrottleRule }[], now = new Date()): Promise<number> {
    let longest = 0;
    for (const { sleutel, rule } of keys) {
      const row = await findInlogpoging(this.db, gemeenteId, sleutel);
      if (!row) continue;
      const until = row.laatsteOp.getTime() + waitSeconds(row.mislukt, rule) * 1000;
      longest = Math.max(longest, Math.ceil((until - now.getTime()) / 1000));
    }
    return longest;
  }

  async fail(gemeenteId: string, sleutels: string[], now = new Date()): Promise<void> {
    for (const sleutel of sleutels) await recordMislukt(this.db, gemeenteId, sleutel, now);
  }

  async clear(gemeenteId: string, sleutels: string[]): Promise<void> {
    for (const sleutel of sleutels) await clearInlogpoging(this.db, gemeenteId, sleutel);
  }
}
