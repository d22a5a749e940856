/**
 * The SQL of every record kind, written once. Every query is scoped to one gemeente; a record that can be archived
 * is current while gearchiveerd_op is null. Rows are locked FOR UPDATE by the changes that write them, and the
 * records a change refers to are locked FOR SHARE, so archiving a referenced record waits for the save.
 */
import { and, asc, eq, getTableName, inArray, isNull, like, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { adresAlias } from '../db/schema.js';
import type { KindTable } from './record-kind.js';

type Row = Record<string, unknown> & { id: string; versie: number };

function scoped(table: KindTable, gemeenteId: string | Placeholder, ...more: (SQL | undefined)[]): SQL {
  const current = 'gearchiveerdOp' in table ? isNull(table.gearchiveerdOp) : undefined;
  return and(eq(table.gemeenteId, gemeenteId), current, ...more)!;
}

/** One current record by id; with `lock`, locked for the rest of the transaction. */
export async function findRow(db: Database, table: KindTable, gemeenteId: string, id: string, lock?: 'update' | 'share'): Promise<Row | undefined> {
  if (lock) {
    const rows = (await db.select().from(table).where(scoped(table, gemeenteId, eq(table.id, id))).for(lock)) as Row[];
    return rows[0];
  }
  // Every page of a record reads it this way: prepared once per kind.
  const name = `lea_find_${getTableName(table)}`;
  const statement = prepared(db, name, (on) =>
    on
      .select()
      .from(table)
      .where(scoped(table, sql.placeholder('gemeenteId'), eq(table.id, sql.placeholder('id')))),
  );
  const rows = (await statement.execute({ gemeenteId, id })) as Row[];
  return rows[0];
}

/** The row matching these columns, archived or not, locked: for kinds where a former record comes back. */
export async function findRowWhere(db: Database, table: KindTable, gemeenteId: string, columns: Record<string, unknown>): Promise<Row | undefined> {
  const conditions = Object.entries(columns).map(([name, value]) => eq(table[name], value));
  const rows = (await db
    .select()
    .from(table)
    .where(and(eq(table.gemeenteId, gemeenteId), ...conditions))
    .for('update')) as Row[];
  return rows[0];
}

/** Every current record of a gemeente (optionally those under one parent), in the given order or by creation. */
export async function listRows(db: Database, table: KindTable, gemeenteId: string, where?: Record<string, unknown>, order = 'aangemaaktOp'): Promise<Row[]> {
  const conditions = Object.entries(where ?? {}).map(([name, value]) => eq(table[name], value));
  return (await db
    .select()
    .from(table)
    .where(scoped(table, gemeenteId, ...conditions))
    .orderBy(asc(table[order]), asc(table.id))) as Row[];
}

export async function insertRow(db: Database, table: KindTable, values: Record<string, unknown>): Promise<Row> {
  const rows = (await db.insert(table).values(values).returning()) as Row[];
  return rows[0]!;
}

/** Writes the changes and raises the version: every save, archive and return from the archive is a new version. */
export async function updateRow(db: Database, table: KindTable, gemeenteId: string, id: string, changes: Record<string, unknown>): Promise<Row> {
  const rows = (await db
    .update(table)
    .set({ ...changes, versie: sql`${table.versie} + 1`, gewijzigdOp: new Date() })
    .where(and(eq(table.gemeenteId, gemeenteId), eq(table.id, id)))
    .returning()) as Row[];
  return rows[0]!;
}

/** The current records among these ids, share-locked: to check that a choice from a list still exists. */
export async function currentIds(db: Database, table: KindTable, gemeenteId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = (await db
    .select({ id: table.id })
    .from(table)
    .where(scoped(table, gemeenteId, inArray(table.id, [...ids])))
    .for('share')) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/**
 * Makes the creates of one gemeente that pick a code take turns, so two records with the same name cannot both take
 * the same free code. Only such creates take it, so no lock cycle can form with the row locks of edits.
 */
export async function lockCodes(db: Database, gemeenteId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(4845019, hashtext(${gemeenteId}))`);
}

/** The codes in a column that start with the stem, archived records included (they keep theirs). */
export async function codesLike(db: Database, table: KindTable, column: string, gemeenteId: string, stem: string): Promise<string[]> {
  const pattern = `${stem.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = (await db
    .select({ code: table[column] })
    .from(table)
    .where(and(eq(table.gemeenteId, gemeenteId), like(table[column], pattern)))) as { code: string }[];
  return rows.map((r) => r.code);
}

/** Remembers that an address key led to this record, so the old address keeps working after the key changed. */
export async function rememberAddress(db: Database, gemeenteId: string, soort: string, sleutel: string, recordId: string): Promise<void> {
  await db
    .insert(adresAlias)
    .values({ gemeenteId, soort, sleutel, recordId })
    .onConflictDoUpdate({ target: [adresAlias.gemeenteId, adresAlias.soort, adresAlias.sleutel], set: { recordId, aangemaaktOp: new Date() } });
}

/** The record an old address key led to, if any. */
export async function findAddress(db: Database, gemeenteId: string, soort: string, sleutel: string): Promise<string | undefined> {
  const rows = await db
    .select({ recordId: adresAlias.recordId })
    .from(adresAlias)
    .where(and(eq(adresAlias.gemeenteId, gemeenteId), eq(adresAlias.soort, soort), eq(adresAlias.sleutel, sleutel)));
  return rows[0]?.recordId;
}
