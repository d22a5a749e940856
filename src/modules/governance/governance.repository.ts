import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { gremium, gremiumRelatie, lidmaatschap, lidmaatschapNamens, organisatie, persoon } from '../../db/schema.js';

/** Every governance row of one gemeente; the sets are small (tens of rows), so one read is cheapest. */
export async function loadGovernanceRows(db: Database, gemeenteId: string) {
  const [organisaties, personen, gremia, relaties, lidmaatschappen, namens] = await Promise.all([
    db.select().from(organisatie).where(and(eq(organisatie.gemeenteId, gemeenteId), isNull(organisatie.gearchiveerdOp))).orderBy(asc(organisatie.naam)),
    db.select().from(persoon).where(and(eq(persoon.gemeenteId, gemeenteId), isNull(persoon.gearchiveerdOp))).orderBy(asc(persoon.naam)),
    db.select().from(gremium).where(and(eq(gremium.gemeenteId, gemeenteId), isNull(gremium.gearchiveerdOp))).orderBy(asc(gremium.volgorde), asc(gremium.naam)),
    db.select().from(gremiumRelatie).where(and(eq(gremiumRelatie.gemeenteId, gemeenteId), isNull(gremiumRelatie.gearchiveerdOp))).orderBy(asc(gremiumRelatie.aangemaaktOp)),
    db.select().from(lidmaatschap).where(and(eq(lidmaatschap.gemeenteId, gemeenteId), isNull(lidmaatschap.gearchiveerdOp))).orderBy(asc(lidmaatschap.volgorde)),
    db
      .select()
      .from(lidmaatschapNamens)
      .where(eq(lidmaatschapNamens.gemeenteId, gemeenteId))
      .orderBy(asc(lidmaatschapNamens.volgorde)),
  ]);
  return { organisaties, personen, gremia, relaties, lidmaatschappen, namens };
}
