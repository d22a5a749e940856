import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { actielijn, focusdoel, focusdoelSubpunt } from '../../db/schema.js';

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
