import { asc } from 'drizzle-orm';
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
