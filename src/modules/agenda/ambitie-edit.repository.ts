import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { actielijn, actielijnAmbitie, ambitie, uitvoeringsagenda } from '../../db/schema.js';

export type AmbitieRow = typeof ambitie.$inferSelect;

export function findAmbitie(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(ambitie)
    .where(and(eq(ambitie.gemeenteId, gemeenteId), eq(ambitie.id, id), isNull(ambitie.gearchiveerdOp)))
    .then((rows) => rows[0]);
}

/** Locks the row for the rest of the transaction, so two saves of one ambitie take turns. */
export function lockAmbitie(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(ambitie)
    .where(and(eq(ambitie.gemeenteId, gemeenteId), eq(ambitie.id, id), isNull(ambitie.gearchiveerdOp)))
    .for('update')
    .then((rows) => rows[0]);
}

/** The visiedocument of the agenda in force (the newest vastgestelde, else the newest): where new ambities go. */
export async function findCurrentVisiedocumentId(db: Database, gemeenteId: string): Promise<string | undefined> {
  const agendas = await db
    .select({ visiedocumentId: uitvoeringsagenda.visiedocumentId, status: uitvoeringsagenda.status })
    .from(uitvoeringsagenda)
    .where(eq(uitvoeringsagenda.gemeenteId, gemeenteId))
    .orderBy(desc(uitvoeringsagenda.periodeStart));
  return (agendas.find((a) => a.status === 'vastgesteld') ?? agendas[0])?.visiedocumentId;
}

/** Any ambitie of the visiedocument with this code, archived ones included (the unique constraint counts them too). */
export function findAmbitieByCode(db: Database, gemeenteId: string, visiedocumentId: string, code: string) {
  return db
    .select({ id: ambitie.id, gearchiveerdOp: ambitie.gearchiveerdOp })
    .from(ambitie)
    .where(and(eq(ambitie.gemeenteId, gemeenteId), eq(ambitie.visiedocumentId, visiedocumentId), eq(ambitie.code, code)))
    .then((rows) => rows[0]);
}

export function nextAmbitieVolgorde(db: Database, gemeenteId: string, visiedocumentId: string) {
  return db
    .select({ max: sql<number>`coalesce(max(${ambitie.volgorde}), 0)::int` })
    .from(ambitie)
    .where(and(eq(ambitie.gemeenteId, gemeenteId), eq(ambitie.visiedocumentId, visiedocumentId), isNull(ambitie.gearchiveerdOp)))
    .then((rows) => (rows[0]?.max ?? 0) + 1);
}

export interface AmbitieValues {
  code: string;
  naam: string;
  omschrijving: string;
  volgorde: number;
}

export function insertAmbitie(db: Database, values: AmbitieValues & { gemeenteId: string; visiedocumentId: string }) {
  return db
    .insert(ambitie)
    .values(values)
    .returning()
    .then((rows) => rows[0]!);
}

export function updateAmbitie(db: Database, gemeenteId: string, id: string, changes: Partial<AmbitieValues> & { gearchiveerdOp?: Date }) {
  return db
    .update(ambitie)
    .set({ ...changes, versie: sql`${ambitie.versie} + 1`, gewijzigdOp: new Date() })
    .where(and(eq(ambitie.gemeenteId, gemeenteId), eq(ambitie.id, id)))
    .returning()
    .then((rows) => rows[0]!);
}

/** The current actielijnen linked to this ambitie, with how many current ambities each serves in all. */
export async function listActielijnenOfAmbitie(db: Database, gemeenteId: string, ambitieId: string) {
  const linked = await db
    .select({ id: actielijn.id, nummer: actielijn.nummer })
    .from(actielijnAmbitie)
    .innerJoin(actielijn, eq(actielijn.id, actielijnAmbitie.actielijnId))
    .where(and(eq(actielijnAmbitie.gemeenteId, gemeenteId), eq(actielijnAmbitie.ambitieId, ambitieId), isNull(actielijn.gearchiveerdOp)))
    .orderBy(asc(actielijn.nummer));
  if (linked.length === 0) return [];
  const counts = await db
    .select({ actielijnId: actielijnAmbitie.actielijnId, aantal: sql<number>`count(*)::int` })
    .from(actielijnAmbitie)
    .innerJoin(ambitie, eq(ambitie.id, actielijnAmbitie.ambitieId))
    .where(
      and(
        eq(actielijnAmbitie.gemeenteId, gemeenteId),
        inArray(
          actielijnAmbitie.actielijnId,
          linked.map((al) => al.id),
        ),
        isNull(ambitie.gearchiveerdOp),
      ),
    )
    .groupBy(actielijnAmbitie.actielijnId);
  return linked.map((al) => ({ ...al, ambities: counts.find((c) => c.actielijnId === al.id)?.aantal ?? 0 }));
}

/** Removes the ambitie from every actielijn it served (the audit line keeps which ones). */
export function unlinkAmbitie(db: Database, gemeenteId: string, ambitieId: string) {
  return db.delete(actielijnAmbitie).where(and(eq(actielijnAmbitie.gemeenteId, gemeenteId), eq(actielijnAmbitie.ambitieId, ambitieId)));
}
