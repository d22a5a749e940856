/** The SQL that changes to the agenda need beyond the shared record code: links, sub-points, numbers, the OAB year. */
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { actielijn, actielijnAmbitie, ambitie, betrokkene, focusdoel, focusdoelSubpunt, oabAfspraak, oabCategorie, oabJaar, uitvoeringsagenda } from '../../db/schema.js';

export interface AmbitieVerwijzing {
  id: string;
  naam: string;
}

/** The current ambities each of these actielijnen serves, in its own order. */
export async function listActielijnAmbities(db: Database, gemeenteId: string, ids: readonly string[]): Promise<Map<string, AmbitieVerwijzing[]>> {
  const result = new Map<string, AmbitieVerwijzing[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const rows = await db
    .select({ actielijnId: actielijnAmbitie.actielijnId, id: ambitie.id, naam: ambitie.naam })
    .from(actielijnAmbitie)
    .innerJoin(ambitie, eq(ambitie.id, actielijnAmbitie.ambitieId))
    .where(and(eq(actielijnAmbitie.gemeenteId, gemeenteId), inArray(actielijnAmbitie.actielijnId, [...ids]), isNull(ambitie.gearchiveerdOp)))
    .orderBy(asc(actielijnAmbitie.volgorde));
  for (const { actielijnId, id, naam } of rows) result.get(actielijnId)!.push({ id, naam });
  return result;
}

/**
 * The chosen ambities that are current and belong to the visiedocument of the actielijn's agenda, locked for sharing:
 * archiving one of them waits until this save is done, and then sees the new links.
 */
export async function lockChosenAmbities(db: Database, gemeenteId: string, actielijnId: string, ids: readonly string[]): Promise<AmbitieVerwijzing[]> {
  if (ids.length === 0) return [];
  const visiedocumentId = db
    .select({ id: uitvoeringsagenda.visiedocumentId })
    .from(uitvoeringsagenda)
    .innerJoin(actielijn, eq(actielijn.uitvoeringsagendaId, uitvoeringsagenda.id))
    .where(and(eq(uitvoeringsagenda.gemeenteId, gemeenteId), eq(actielijn.id, actielijnId)));
  return db
    .select({ id: ambitie.id, naam: ambitie.naam })
    .from(ambitie)
    .where(and(eq(ambitie.gemeenteId, gemeenteId), inArray(ambitie.id, [...ids]), inArray(ambitie.visiedocumentId, visiedocumentId), isNull(ambitie.gearchiveerdOp)))
    .for('share');
}

/** Replaces the links of an actielijn to its ambities by this list, in this order. */
export async function replaceActielijnAmbities(db: Database, gemeenteId: string, actielijnId: string, ambitieIds: readonly string[]): Promise<void> {
  await db.delete(actielijnAmbitie).where(and(eq(actielijnAmbitie.gemeenteId, gemeenteId), eq(actielijnAmbitie.actielijnId, actielijnId)));
  if (ambitieIds.length === 0) return;
  await db.insert(actielijnAmbitie).values(ambitieIds.map((ambitieId, index) => ({ gemeenteId, actielijnId, ambitieId, volgorde: index + 1 })));
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
    .where(and(eq(actielijnAmbitie.gemeenteId, gemeenteId), inArray(actielijnAmbitie.actielijnId, linked.map((al) => al.id)), isNull(ambitie.gearchiveerdOp)))
    .groupBy(actielijnAmbitie.actielijnId);
  return linked.map((al) => ({ ...al, ambities: counts.find((c) => c.actielijnId === al.id)?.aantal ?? 0 }));
}

/** Removes the ambitie from every actielijn it served (the audit line keeps which ones). */
export async function unlinkAmbitie(db: Database, gemeenteId: string, ambitieId: string): Promise<void> {
  await db.delete(actielijnAmbitie).where(and(eq(actielijnAmbitie.gemeenteId, gemeenteId), eq(actielijnAmbitie.ambitieId, ambitieId)));
}

/** The agenda in force (the newest vastgestelde, else the newest): where new ambities and actielijnen go. */
export async function findCurrentAgenda(db: Database, gemeenteId: string): Promise<{ id: string; visiedocumentId: string } | undefined> {
  const agendas = await db
    .select({ id: uitvoeringsagenda.id, visiedocumentId: uitvoeringsagenda.visiedocumentId, status: uitvoeringsagenda.status })
    .from(uitvoeringsagenda)
    .where(eq(uitvoeringsagenda.gemeenteId, gemeenteId))
    .orderBy(desc(uitvoeringsagenda.periodeStart));
  return agendas.find((a) => a.status === 'vastgesteld') ?? agendas[0];
}

/** Any ambitie of the visiedocument with this code, archived ones included (the unique constraint counts them too). */
export function findAmbitieByCode(db: Database, gemeenteId: string, visiedocumentId: string, code: string, exceptId?: string) {
  return db
    .select({ id: ambitie.id, gearchiveerdOp: ambitie.gearchiveerdOp })
    .from(ambitie)
    .where(and(eq(ambitie.gemeenteId, gemeenteId), eq(ambitie.visiedocumentId, visiedocumentId), eq(ambitie.code, code), exceptId ? ne(ambitie.id, exceptId) : undefined))
    .then((rows) => rows[0]);
}

/** The number after the highest one used (archived records included, so it is always free). */
export async function nextNumber(
  db: Database,
  gemeenteId: string,
  of: 'ambitie' | 'actielijn' | 'betrokkene' | 'oab-afspraak',
  scope: { visiedocumentId?: string; uitvoeringsagendaId?: string; actielijnId?: string; categorieId?: string; jaar?: number },
): Promise<number> {
  const max = (column: unknown) => sql<number>`coalesce(max(${column}), 0)::int`;
  const [row] =
    of === 'ambitie'
      ? await db.select({ max: max(ambitie.volgorde) }).from(ambitie).where(and(eq(ambitie.gemeenteId, gemeenteId), eq(ambitie.visiedocumentId, scope.visiedocumentId!), isNull(ambitie.gearchiveerdOp)))
      : of === 'actielijn'
        ? await db.select({ max: max(actielijn.nummer) }).from(actielijn).where(and(eq(actielijn.gemeenteId, gemeenteId), eq(actielijn.uitvoeringsagendaId, scope.uitvoeringsagendaId!)))
        : of === 'betrokkene'
          ? await db.select({ max: max(betrokkene.volgorde) }).from(betrokkene).where(and(eq(betrokkene.gemeenteId, gemeenteId), eq(betrokkene.actielijnId, scope.actielijnId!)))
          : await db
              .select({ max: max(oabAfspraak.nummer) })
              .from(oabAfspraak)
              .where(and(eq(oabAfspraak.gemeenteId, gemeenteId), eq(oabAfspraak.categorieId, scope.categorieId!), eq(oabAfspraak.jaar, scope.jaar!)));
  return (row?.max ?? 0) + 1;
}

/** Whether an actielijn of this agenda other than `exceptId` (archived ones too: the unique constraint counts them) has the number. */
export async function actielijnNummerInGebruik(db: Database, uitvoeringsagendaId: string, nummer: number, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: actielijn.id })
    .from(actielijn)
    .where(and(eq(actielijn.uitvoeringsagendaId, uitvoeringsagendaId), eq(actielijn.nummer, nummer), exceptId ? ne(actielijn.id, exceptId) : undefined));
  return rows.length > 0;
}

/** The current focusdoelen of an actielijn, in their positions. */
export function listActiveFocusdoelen(db: Database, gemeenteId: string, actielijnId: string) {
  return db
    .select()
    .from(focusdoel)
    .where(and(eq(focusdoel.gemeenteId, gemeenteId), eq(focusdoel.actielijnId, actielijnId), isNull(focusdoel.gearchiveerdOp)))
    .orderBy(asc(focusdoel.positie));
}

/** The current sub-points of these focusdoelen, as texts in their order. */
export async function listSubpunten(db: Database, gemeenteId: string, ids: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const rows = await db
    .select({ focusdoelId: focusdoelSubpunt.focusdoelId, tekst: focusdoelSubpunt.tekst })
    .from(focusdoelSubpunt)
    .where(and(eq(focusdoelSubpunt.gemeenteId, gemeenteId), inArray(focusdoelSubpunt.focusdoelId, [...ids]), isNull(focusdoelSubpunt.gearchiveerdOp)))
    .orderBy(asc(focusdoelSubpunt.volgorde));
  for (const { focusdoelId, tekst } of rows) result.get(focusdoelId)!.push(tekst);
  return result;
}

/** Archives the current sub-points and writes the new list after them (volgorde stays unique, history stays). */
export async function replaceSubpunten(db: Database, gemeenteId: string, focusdoelId: string, teksten: readonly string[]): Promise<void> {
  const now = new Date();
  await db
    .update(focusdoelSubpunt)
    .set({ gearchiveerdOp: now, gewijzigdOp: now })
    .where(and(eq(focusdoelSubpunt.gemeenteId, gemeenteId), eq(focusdoelSubpunt.focusdoelId, focusdoelId), isNull(focusdoelSubpunt.gearchiveerdOp)));
  if (teksten.length === 0) return;
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${focusdoelSubpunt.volgorde}), 0)::int` })
    .from(focusdoelSubpunt)
    .where(eq(focusdoelSubpunt.focusdoelId, focusdoelId));
  const start = (row?.max ?? 0) + 1;
  await db.insert(focusdoelSubpunt).values(teksten.map((tekst, index) => ({ gemeenteId, focusdoelId, volgorde: start + index, tekst })));
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

/** The name of an OAB category, for the text of an audit line. */
export async function categorieNaam(db: Database, gemeenteId: string, id: string): Promise<string> {
  const [row] = await db.select({ naam: oabCategorie.naam }).from(oabCategorie).where(and(eq(oabCategorie.gemeenteId, gemeenteId), eq(oabCategorie.id, id)));
  return row?.naam ?? '';
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

// --- The toelichting of an OAB year: a row of its own is made on its first save. -------------------------------------

export function findJaar(db: Database, gemeenteId: string, jaar: number, lock = false) {
  const query = db
    .select()
    .from(oabJaar)
    .where(and(eq(oabJaar.gemeenteId, gemeenteId), eq(oabJaar.jaar, jaar)));
  return (lock ? query.for('update') : query).then((rows) => rows[0]);
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

export async function saveJaar(db: Database, gemeenteId: string, jaar: number, toelichting: string | null, existingId: string | undefined) {
  const rows = existingId
    ? await db
        .update(oabJaar)
        .set({ toelichting, versie: sql`${oabJaar.versie} + 1`, gewijzigdOp: new Date() })
        .where(and(eq(oabJaar.gemeenteId, gemeenteId), eq(oabJaar.id, existingId)))
        .returning()
    : await db.insert(oabJaar).values({ gemeenteId, jaar, toelichting }).returning();
  return rows[0]!;
}
