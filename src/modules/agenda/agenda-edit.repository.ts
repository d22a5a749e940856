import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { actielijn, actielijnAmbitie, ambitie, focusdoel, focusdoelSubpunt, uitvoeringsagenda } from '../../db/schema.js';

export type ActielijnRow = typeof actielijn.$inferSelect;
export type FocusdoelRow = typeof focusdoel.$inferSelect;
export type SubpuntRow = typeof focusdoelSubpunt.$inferSelect;

export function findActielijn(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(actielijn)
    .where(and(eq(actielijn.gemeenteId, gemeenteId), eq(actielijn.id, id), isNull(actielijn.gearchiveerdOp)))
    .then((rows) => rows[0]);
}

/** Locks the row for the rest of the transaction, so two saves of one record take turns. */
export function lockActielijn(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(actielijn)
    .where(and(eq(actielijn.gemeenteId, gemeenteId), eq(actielijn.id, id), isNull(actielijn.gearchiveerdOp)))
    .for('update')
    .then((rows) => rows[0]);
}

export function updateActielijn(db: Database, gemeenteId: string, id: string, changes: { titel: string; kernwoord: string | null; beleidsthema: string }) {
  return db
    .update(actielijn)
    .set({ ...changes, versie: sql`${actielijn.versie} + 1`, gewijzigdOp: new Date() })
    .where(and(eq(actielijn.gemeenteId, gemeenteId), eq(actielijn.id, id)))
    .returning()
    .then((rows) => rows[0]!);
}

/** The current ambities an actielijn serves, in its own order. */
export function listActielijnAmbities(db: Database, gemeenteId: string, actielijnId: string) {
  return db
    .select({ id: ambitie.id, naam: ambitie.naam })
    .from(actielijnAmbitie)
    .innerJoin(ambitie, eq(ambitie.id, actielijnAmbitie.ambitieId))
    .where(and(eq(actielijnAmbitie.gemeenteId, gemeenteId), eq(actielijnAmbitie.actielijnId, actielijnId), isNull(ambitie.gearchiveerdOp)))
    .orderBy(asc(actielijnAmbitie.volgorde));
}

/**
 * The chosen ambities that are current and belong to the visiedocument of the actielijn's agenda, locked for
 * sharing: archiving one of them waits until this save is done, and then sees the new links.
 */
export function lockChosenAmbities(db: Database, gemeenteId: string, uitvoeringsagendaId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  const visiedocumentId = db
    .select({ id: uitvoeringsagenda.visiedocumentId })
    .from(uitvoeringsagenda)
    .where(and(eq(uitvoeringsagenda.gemeenteId, gemeenteId), eq(uitvoeringsagenda.id, uitvoeringsagendaId)));
  return db
    .select({ id: ambitie.id, naam: ambitie.naam })
    .from(ambitie)
    .where(
      and(
        eq(ambitie.gemeenteId, gemeenteId),
        inArray(ambitie.id, ids),
        inArray(ambitie.visiedocumentId, visiedocumentId),
        isNull(ambitie.gearchiveerdOp),
      ),
    )
    .for('share');
}

/** Replaces the links of an actielijn to its ambities by this list, in this order. */
export async function replaceActielijnAmbities(db: Database, gemeenteId: string, actielijnId: string, ambitieIds: string[]) {
  await db.delete(actielijnAmbitie).where(and(eq(actielijnAmbitie.gemeenteId, gemeenteId), eq(actielijnAmbitie.actielijnId, actielijnId)));
  if (ambitieIds.length === 0) return;
  await db.insert(actielijnAmbitie).values(ambitieIds.map((ambitieId, index) => ({ gemeenteId, actielijnId, ambitieId, volgorde: index + 1 })));
}

export function findFocusdoel(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(focusdoel)
    .where(and(eq(focusdoel.gemeenteId, gemeenteId), eq(focusdoel.id, id), isNull(focusdoel.gearchiveerdOp)))
    .then((rows) => rows[0]);
}

export function lockFocusdoel(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(focusdoel)
    .where(and(eq(focusdoel.gemeenteId, gemeenteId), eq(focusdoel.id, id), isNull(focusdoel.gearchiveerdOp)))
    .for('update')
    .then((rows) => rows[0]);
}

export function listActiveFocusdoelen(db: Database, gemeenteId: string, actielijnId: string) {
  return db
    .select()
    .from(focusdoel)
    .where(and(eq(focusdoel.gemeenteId, gemeenteId), eq(focusdoel.actielijnId, actielijnId), isNull(focusdoel.gearchiveerdOp)))
    .orderBy(asc(focusdoel.positie));
}

export function insertFocusdoel(db: Database, values: { gemeenteId: string; actielijnId: string; positie: number; tekst: string }) {
  return db
    .insert(focusdoel)
    .values(values)
    .returning()
    .then((rows) => rows[0]!);
}

export function updateFocusdoel(db: Database, gemeenteId: string, id: string, changes: { tekst?: string; gearchiveerdOp?: Date }) {
  return db
    .update(focusdoel)
    .set({ ...changes, versie: sql`${focusdoel.versie} + 1`, gewijzigdOp: new Date() })
    .where(and(eq(focusdoel.gemeenteId, gemeenteId), eq(focusdoel.id, id)))
    .returning()
    .then((rows) => rows[0]!);
}

export function listActiveSubpunten(db: Database, gemeenteId: string, focusdoelId: string) {
  return db
    .select()
    .from(focusdoelSubpunt)
    .where(
      and(eq(focusdoelSubpunt.gemeenteId, gemeenteId), eq(focusdoelSubpunt.focusdoelId, focusdoelId), isNull(focusdoelSubpunt.gearchiveerdOp)),
    )
    .orderBy(asc(focusdoelSubpunt.volgorde));
}

/** Archives the current sub-points and writes the new list after them (volgorde stays unique, history stays). */
export async function replaceSubpunten(db: Database, gemeenteId: string, focusdoelId: string, teksten: string[], now: Date) {
  await db
    .update(focusdoelSubpunt)
    .set({ gearchiveerdOp: now, gewijzigdOp: now })
    .where(
      and(eq(focusdoelSubpunt.gemeenteId, gemeenteId), eq(focusdoelSubpunt.focusdoelId, focusdoelId), isNull(focusdoelSubpunt.gearchiveerdOp)),
    );
  if (teksten.length === 0) return;
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${focusdoelSubpunt.volgorde}), 0)::int` })
    .from(focusdoelSubpunt)
    .where(eq(focusdoelSubpunt.focusdoelId, focusdoelId));
  const start = (row?.max ?? 0) + 1;
  await db.insert(focusdoelSubpunt).values(teksten.map((tekst, index) => ({ gemeenteId, focusdoelId, volgorde: start + index, tekst })));
}
