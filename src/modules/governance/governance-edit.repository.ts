/** The SQL that governance changes need beyond the shared record code: what is still in use, whom a member represents. */
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { gremium, lidmaatschap, lidmaatschapNamens, persoon } from '../../db/schema.js';
import type { Namens } from './governance.service.js';

/** How much still points at an organisatie: current lidmaatschappen on its behalf, and current personen of it. */
export async function organisatieInGebruik(db: Database, gemeenteId: string, id: string): Promise<{ leden: number; personen: number }> {
  const [leden] = await db
    .select({ aantal: count() })
    .from(lidmaatschapNamens)
    .innerJoin(lidmaatschap, eq(lidmaatschap.id, lidmaatschapNamens.lidmaatschapId))
    .where(and(eq(lidmaatschapNamens.gemeenteId, gemeenteId), eq(lidmaatschapNamens.organisatieId, id), isNull(lidmaatschap.gearchiveerdOp)));
  const [personen] = await db
    .select({ aantal: count() })
    .from(persoon)
    .where(and(eq(persoon.gemeenteId, gemeenteId), eq(persoon.organisatieId, id), isNull(persoon.gearchiveerdOp)));
  return { leden: leden?.aantal ?? 0, personen: personen?.aantal ?? 0 };
}

/** The number of current lidmaatschappen of a persoon or in a gremium. */
export async function countLidmaatschappen(db: Database, gemeenteId: string, where: { persoonId: string } | { gremiumId: string }): Promise<number> {
  const [row] = await db
    .select({ aantal: count() })
    .from(lidmaatschap)
    .where(
      and(
        eq(lidmaatschap.gemeenteId, gemeenteId),
        isNull(lidmaatschap.gearchiveerdOp),
        'persoonId' in where ? eq(lidmaatschap.persoonId, where.persoonId) : eq(lidmaatschap.gremiumId, where.gremiumId),
      ),
    );
  return row?.aantal ?? 0;
}

/** The place after the last one: of the gremia of a gemeente, or of the current members of one gremium. */
export async function nextVolgorde(db: Database, gemeenteId: string, of: 'gremium' | 'lidmaatschap', gremiumId?: string): Promise<number> {
  const [last] =
    of === 'gremium'
      ? await db.select({ max: sql<number>`coalesce(max(${gremium.volgorde}), 0)::int` }).from(gremium).where(eq(gremium.gemeenteId, gemeenteId))
      : await db
          .select({ max: sql<number>`coalesce(max(${lidmaatschap.volgorde}), 0)::int` })
          .from(lidmaatschap)
          .where(and(eq(lidmaatschap.gemeenteId, gemeenteId), eq(lidmaatschap.gremiumId, gremiumId!), isNull(lidmaatschap.gearchiveerdOp)));
  return (last?.max ?? 0) + 1;
}

/** Whom each of these members represents, in their order. */
export async function listNamens(db: Database, gemeenteId: string, ids: readonly string[]): Promise<Map<string, Namens[]>> {
  const result = new Map<string, Namens[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const rows = await db
    .select()
    .from(lidmaatschapNamens)
    .where(and(eq(lidmaatschapNamens.gemeenteId, gemeenteId), inArray(lidmaatschapNamens.lidmaatschapId, [...ids])))
    .orderBy(asc(lidmaatschapNamens.volgorde));
  for (const n of rows) {
    result.get(n.lidmaatschapId)!.push(n.sector ? { sector: n.sector, organisatieId: null } : { sector: null, organisatieId: n.organisatieId! });
  }
  return result;
}

/** Replaces whom a member represents; the rows have no history of their own (the audit line keeps before and after). */
export async function replaceNamens(db: Database, gemeenteId: string, lidmaatschapId: string, namens: readonly Namens[]): Promise<void> {
  await db.delete(lidmaatschapNamens).where(and(eq(lidmaatschapNamens.gemeenteId, gemeenteId), eq(lidmaatschapNamens.lidmaatschapId, lidmaatschapId)));
  if (namens.length === 0) return;
  await db.insert(lidmaatschapNamens).values(namens.map((n, index) => ({ gemeenteId, lidmaatschapId, sector: n.sector, organisatieId: n.organisatieId, volgorde: index + 1 })));
}

/** The name of a persoon (archived or not), for the text of an audit line. */
export async function persoonNaam(db: Database, gemeenteId: string, persoonId: string): Promise<string> {
  const [row] = await db.select({ naam: persoon.naam }).from(persoon).where(and(eq(persoon.gemeenteId, gemeenteId), eq(persoon.id, persoonId)));
  return row?.naam ?? '';
}

/** The e-mail addresses of the current personen that have one. */
export function listPersoonEmails(db: Database, gemeenteId: string) {
  return db
    .select({ id: persoon.id, email: persoon.email })
    .from(persoon)
    .where(and(eq(persoon.gemeenteId, gemeenteId), isNull(persoon.gearchiveerdOp), sql`${persoon.email} is not null`));
}
