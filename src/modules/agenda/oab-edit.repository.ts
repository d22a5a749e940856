import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { oabAfspraak, oabCategorie, oabJaar } from '../../db/schema.js';

export type OabAfspraakRow = typeof oabAfspraak.$inferSelect;
export type OabCategorieRow = typeof oabCategorie.$inferSelect;
export type OabJaarRow = typeof oabJaar.$inferSelect;

export function listCategorieen(db: Database, gemeenteId: string) {
  return db.select().from(oabCategorie).where(eq(oabCategorie.gemeenteId, gemeenteId)).orderBy(asc(oabCategorie.volgorde));
}

export function findCategorie(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(oabCategorie)
    .where(and(eq(oabCategorie.gemeenteId, gemeenteId), eq(oabCategorie.id, id)))
    .then((rows) => rows[0]);
}

/**
 * Locks the category so that two saves choosing a number in it take turns. NO KEY UPDATE: rows that merely refer to
 * the category (its afspraken) are not held up by it.
 */
export function lockCategorie(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(oabCategorie)
    .where(and(eq(oabCategorie.gemeenteId, gemeenteId), eq(oabCategorie.id, id)))
    .for('no key update')
    .then((rows) => rows[0]);
}

export function findAfspraak(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(oabAfspraak)
    .where(and(eq(oabAfspraak.gemeenteId, gemeenteId), eq(oabAfspraak.id, id), isNull(oabAfspraak.gearchiveerdOp)))
    .then((rows) => rows[0]);
}

/** Locks the row for the rest of the transaction, so two saves of one afspraak take turns. */
export function lockAfspraak(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(oabAfspraak)
    .where(and(eq(oabAfspraak.gemeenteId, gemeenteId), eq(oabAfspraak.id, id), isNull(oabAfspraak.gearchiveerdOp)))
    .for('update')
    .then((rows) => rows[0]);
}

/** Whether another afspraak (archived ones too: the unique constraint counts them) has this number. */
export function nummerInGebruik(db: Database, gemeenteId: string, categorieId: string, jaar: number, nummer: number, exceptId?: string) {
  return db
    .select({ id: oabAfspraak.id })
    .from(oabAfspraak)
    .where(
      and(
        eq(oabAfspraak.gemeenteId, gemeenteId),
        eq(oabAfspraak.categorieId, categorieId),
        eq(oabAfspraak.jaar, jaar),
        eq(oabAfspraak.nummer, nummer),
        exceptId ? ne(oabAfspraak.id, exceptId) : undefined,
      ),
    )
    .then((rows) => rows.length > 0);
}

/** The number after the highest one used in this category and year (archived ones included), so it is always free. */
export function nextNummer(db: Database, gemeenteId: string, categorieId: string, jaar: number) {
  return db
    .select({ max: sql<number>`coalesce(max(${oabAfspraak.nummer}), 0)::int` })
    .from(oabAfspraak)
    .where(and(eq(oabAfspraak.gemeenteId, gemeenteId), eq(oabAfspraak.categorieId, categorieId), eq(oabAfspraak.jaar, jaar)))
    .then((rows) => (rows[0]?.max ?? 0) + 1);
}

export interface AfspraakValues {
  categorieId: string;
  jaar: number;
  nummer: number;
  tekst: string;
}

export function insertAfspraak(db: Database, values: AfspraakValues & { gemeenteId: string }) {
  return db
    .insert(oabAfspraak)
    .values(values)
    .returning()
    .then((rows) => rows[0]!);
}

export function updateAfspraak(db: Database, gemeenteId: string, id: string, changes: Partial<AfspraakValues> & { gearchiveerdOp?: Date }) {
  return db
    .update(oabAfspraak)
    .set({ ...changes, versie: sql`${oabAfspraak.versie} + 1`, gewijzigdOp: new Date() })
    .where(and(eq(oabAfspraak.gemeenteId, gemeenteId), eq(oabAfspraak.id, id)))
    .returning()
    .then((rows) => rows[0]!);
}

export function findJaar(db: Database, gemeenteId: string, jaar: number) {
  return db
    .select()
    .from(oabJaar)
    .where(and(eq(oabJaar.gemeenteId, gemeenteId), eq(oabJaar.jaar, jaar)))
    .then((rows) => rows[0]);
}

export function lockJaar(db: Database, gemeenteId: string, jaar: number) {
  return db
    .select()
    .from(oabJaar)
    .where(and(eq(oabJaar.gemeenteId, gemeenteId), eq(oabJaar.jaar, jaar)))
    .for('update')
    .then((rows) => rows[0]);
}

/** Whether the year has a current afspraak (then it is on the OAB page and may get a toelichting). */
export function jaarHeeftAfspraken(db: Database, gemeenteId: string, jaar: number) {
  return db
    .select({ id: oabAfspraak.id })
    .from(oabAfspraak)
    .where(and(eq(oabAfspraak.gemeenteId, gemeenteId), eq(oabAfspraak.jaar, jaar), isNull(oabAfspraak.gearchiveerdOp)))
    .limit(1)
    .then((rows) => rows.length > 0);
}

export function insertJaar(db: Database, values: { gemeenteId: string; jaar: number; toelichting: string | null }) {
  return db
    .insert(oabJaar)
    .values(values)
    .returning()
    .then((rows) => rows[0]!);
}

export function updateJaar(db: Database, gemeenteId: string, id: string, toelichting: string | null) {
  return db
    .update(oabJaar)
    .set({ toelichting, versie: sql`${oabJaar.versie} + 1`, gewijzigdOp: new Date() })
    .where(and(eq(oabJaar.gemeenteId, gemeenteId), eq(oabJaar.id, id)))
    .returning()
    .then((rows) => rows[0]!);
}
