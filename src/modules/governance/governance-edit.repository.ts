import { and, asc, count, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { gremium, lidmaatschap, lidmaatschapNamens, organisatie, persoon, type GremiumType, type LidmaatschapRol, type Sector } from '../../db/schema.js';

export type OrganisatieRow = typeof organisatie.$inferSelect;
export type PersoonRow = typeof persoon.$inferSelect;
export type GremiumRow = typeof gremium.$inferSelect;
export type LidmaatschapRow = typeof lidmaatschap.$inferSelect;
export type NamensRow = typeof lidmaatschapNamens.$inferSelect;

/**
 * Makes the creates of one gemeente take turns, so two records with the same name cannot both pick the same free
 * code. Only creates take it; the row locks of edits and archives are not involved, so no lock cycle can form.
 */
export async function lockCodes(db: Database, gemeenteId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(4845019, hashtext(${gemeenteId}))`);
}

/** The codes (or slugs) of one table that start with the given stem, archived rows included (they keep theirs). */
export async function codesLike(db: Database, table: 'organisatie' | 'persoon' | 'gremium', gemeenteId: string, stem: string): Promise<string[]> {
  const pattern = `${stem.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (table === 'gremium') {
    const rows = await db.select({ code: gremium.slug }).from(gremium).where(and(eq(gremium.gemeenteId, gemeenteId), like(gremium.slug, pattern)));
    return rows.map((r) => r.code);
  }
  const t = table === 'organisatie' ? organisatie : persoon;
  const rows = await db.select({ code: t.code }).from(t).where(and(eq(t.gemeenteId, gemeenteId), like(t.code, pattern)));
  return rows.map((r) => r.code);
}

// --- Organisatie ---------------------------------------------------------------------------------------------------

export function findOrganisatie(db: Database, gemeenteId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(organisatie)
    .where(and(eq(organisatie.gemeenteId, gemeenteId), eq(organisatie.id, id), isNull(organisatie.gearchiveerdOp)));
  return (lock ? query.for('update') : query).then((rows) => rows[0]);
}

export function insertOrganisatie(db: Database, values: { gemeenteId: string; code: string; naam: string; sectoren: Sector[] }) {
  return db
    .insert(organisatie)
    .values(values)
    .returning()
    .then((rows) => rows[0]!);
}

export function updateOrganisatie(db: Database, gemeenteId: string, id: string, changes: { naam?: string; sectoren?: Sector[]; gearchiveerdOp?: Date }) {
  return db
    .update(organisatie)
    .set({ ...changes, versie: sql`${organisatie.versie} + 1`, gewijzigdOp: new Date() })
    .where(and(eq(organisatie.gemeenteId, gemeenteId), eq(organisatie.id, id)))
    .returning()
    .then((rows) => rows[0]!);
}

/** The current organisaties among the given ids (to check a choice from a list). */
export async function currentOrganisatieIds(db: Database, gemeenteId: string, ids: string[], share = false): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const query = db
    .select({ id: organisatie.id })
    .from(organisatie)
    .where(and(eq(organisatie.gemeenteId, gemeenteId), inArray(organisatie.id, ids), isNull(organisatie.gearchiveerdOp)));
  const rows = await (share ? query.for('share') : query);
  return new Set(rows.map((r) => r.id));
}

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

// --- Persoon -------------------------------------------------------------------------------------------------------

export function findPersoon(db: Database, gemeenteId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(persoon)
    .where(and(eq(persoon.gemeenteId, gemeenteId), eq(persoon.id, id), isNull(persoon.gearchiveerdOp)));
  return (lock ? query.for('update') : query).then((rows) => rows[0]);
}

export interface PersoonValues {
  naam: string;
  functie: string | null;
  email: string | null;
  organisatieId: string | null;
}

export function insertPersoon(db: Database, values: PersoonValues & { gemeenteId: string; code: string }) {
  return db
    .insert(persoon)
    .values(values)
    .returning()
    .then((rows) => rows[0]!);
}

export function updatePersoon(db: Database, gemeenteId: string, id: string, changes: Partial<PersoonValues> & { gearchiveerdOp?: Date }) {
  return db
    .update(persoon)
    .set({ ...changes, versie: sql`${persoon.versie} + 1`, gewijzigdOp: new Date() })
    .where(and(eq(persoon.gemeenteId, gemeenteId), eq(persoon.id, id)))
    .returning()
    .then((rows) => rows[0]!);
}

/** The e-mail addresses of the current personen that have one. */
export function listPersoonEmails(db: Database, gemeenteId: string) {
  return db
    .select({ id: persoon.id, email: persoon.email })
    .from(persoon)
    .where(and(eq(persoon.gemeenteId, gemeenteId), isNull(persoon.gearchiveerdOp), sql`${persoon.email} is not null`));
}

// --- Gremium -------------------------------------------------------------------------------------------------------

export function findGremium(db: Database, gemeenteId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(gremium)
    .where(and(eq(gremium.gemeenteId, gemeenteId), eq(gremium.id, id), isNull(gremium.gearchiveerdOp)));
  return (lock ? query.for('update') : query).then((rows) => rows[0]);
}

export interface GremiumValues {
  naam: string;
  type: GremiumType;
  omschrijving: string | null;
  opdracht: string | null;
  mandaat: string | null;
  vergaderfrequentie: string | null;
}

export async function insertGremium(db: Database, values: GremiumValues & { gemeenteId: string; slug: string }) {
  // A new gremium goes to the end of the list.
  const [last] = await db
    .select({ max: sql<number>`coalesce(max(${gremium.volgorde}), 0)::int` })
    .from(gremium)
    .where(eq(gremium.gemeenteId, values.gemeenteId));
  return db
    .insert(gremium)
    .values({ ...values, volgorde: (last?.max ?? 0) + 1 })
    .returning()
    .then((rows) => rows[0]!);
}

export function updateGremium(db: Database, gemeenteId: string, id: string, changes: Partial<GremiumValues> & { gearchiveerdOp?: Date }) {
  return db
    .update(gremium)
    .set({ ...changes, versie: sql`${gremium.versie} + 1`, gewijzigdOp: new Date() })
    .where(and(eq(gremium.gemeenteId, gemeenteId), eq(gremium.id, id)))
    .returning()
    .then((rows) => rows[0]!);
}

// --- Lidmaatschap --------------------------------------------------------------------------------------------------

export function findLidmaatschap(db: Database, gemeenteId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(lidmaatschap)
    .where(and(eq(lidmaatschap.gemeenteId, gemeenteId), eq(lidmaatschap.id, id), isNull(lidmaatschap.gearchiveerdOp)));
  return (lock ? query.for('update') : query).then((rows) => rows[0]);
}

/** The lidmaatschap of a persoon in a gremium, archived or not: the pair is unique, also over the archive. */
export function findLidmaatschapVan(db: Database, gemeenteId: string, persoonId: string, gremiumId: string) {
  return db
    .select()
    .from(lidmaatschap)
    .where(and(eq(lidmaatschap.gemeenteId, gemeenteId), eq(lidmaatschap.persoonId, persoonId), eq(lidmaatschap.gremiumId, gremiumId)))
    .for('update')
    .then((rows) => rows[0]);
}

export async function insertLidmaatschap(db: Database, values: { gemeenteId: string; persoonId: string; gremiumId: string; rol: LidmaatschapRol }) {
  const volgorde = await nextVolgorde(db, values.gemeenteId, values.gremiumId);
  return db
    .insert(lidmaatschap)
    .values({ ...values, volgorde })
    .returning()
    .then((rows) => rows[0]!);
}

/** A new or returning member goes to the end of the gremium's list. */
export async function nextVolgorde(db: Database, gemeenteId: string, gremiumId: string): Promise<number> {
  const [last] = await db
    .select({ max: sql<number>`coalesce(max(${lidmaatschap.volgorde}), 0)::int` })
    .from(lidmaatschap)
    .where(and(eq(lidmaatschap.gemeenteId, gemeenteId), eq(lidmaatschap.gremiumId, gremiumId), isNull(lidmaatschap.gearchiveerdOp)));
  return (last?.max ?? 0) + 1;
}

export function updateLidmaatschap(
  db: Database,
  gemeenteId: string,
  id: string,
  changes: { rol?: LidmaatschapRol; volgorde?: number; gearchiveerdOp?: Date | null },
) {
  return db
    .update(lidmaatschap)
    .set({ ...changes, versie: sql`${lidmaatschap.versie} + 1`, gewijzigdOp: new Date() })
    .where(and(eq(lidmaatschap.gemeenteId, gemeenteId), eq(lidmaatschap.id, id)))
    .returning()
    .then((rows) => rows[0]!);
}

export function listNamens(db: Database, gemeenteId: string, lidmaatschapId: string) {
  return db
    .select()
    .from(lidmaatschapNamens)
    .where(and(eq(lidmaatschapNamens.gemeenteId, gemeenteId), eq(lidmaatschapNamens.lidmaatschapId, lidmaatschapId)))
    .orderBy(asc(lidmaatschapNamens.volgorde));
}

/** Replaces whom a member represents; the rows have no history of their own (the audit line keeps before and after). */
export async function replaceNamens(
  db: Database,
  gemeenteId: string,
  lidmaatschapId: string,
  namens: ({ sector: Sector; organisatieId: null } | { sector: null; organisatieId: string })[],
): Promise<void> {
  await db.delete(lidmaatschapNamens).where(and(eq(lidmaatschapNamens.gemeenteId, gemeenteId), eq(lidmaatschapNamens.lidmaatschapId, lidmaatschapId)));
  if (namens.length === 0) return;
  await db.insert(lidmaatschapNamens).values(namens.map((n, index) => ({ gemeenteId, lidmaatschapId, sector: n.sector, organisatieId: n.organisatieId, volgorde: index + 1 })));
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

/** Current personen and gremia by id, with their names, for the text of an audit line. */
export async function namesOf(db: Database, gemeenteId: string, persoonId: string, gremiumId: string) {
  const [p] = await db.select({ naam: persoon.naam }).from(persoon).where(and(eq(persoon.gemeenteId, gemeenteId), eq(persoon.id, persoonId)));
  const [g] = await db.select({ naam: gremium.naam }).from(gremium).where(and(eq(gremium.gemeenteId, gemeenteId), eq(gremium.id, gremiumId)));
  return { persoon: p?.naam ?? '', gremium: g?.naam ?? '' };
}
