import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { gemeente } from '../../db/schema.js';

export interface GemeenteRow {
  id: string;
  slug: string;
  naam: string;
  cbsCode: string;
  domeinen: string[];
  dataVersie: number;
}

export function listGemeenten(db: Database): Promise<GemeenteRow[]> {
  return db
    .select({
      id: gemeente.id,
      slug: gemeente.slug,
      naam: gemeente.naam,
      cbsCode: gemeente.cbsCode,
      domeinen: gemeente.domeinen,
      dataVersie: gemeente.dataVersie,
    })
    .from(gemeente)
    .orderBy(asc(gemeente.naam));
}

/** Raises the gemeente's data version, so every cache of its pages and API answers is renewed. */
export async function bumpDataVersie(db: Database, gemeenteId: string): Promise<void> {
  await db
    .update(gemeente)
    .set({ dataVersie: sql`${gemeente.dataVersie} + 1`, gewijzigdOp: new Date() })
    .where(eq(gemeente.id, gemeenteId));
}
