import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import { auditRegel, type AuditSoort } from '../../db/schema.js';

export type AuditRegel = typeof auditRegel.$inferSelect;

/** Who did something: a logged-in user, or nobody yet (a failed login) with only the address. */
export interface Actor {
  gebruikerId: string | null;
  naam: string | null;
  ip: string | null;
}

export interface AuditEntry {
  soort: AuditSoort;
  actie: string;
  objectType?: string;
  objectId?: string | null;
  omschrijving?: string;
  voor?: unknown;
  na?: unknown;
}

/** Adds one line; call it inside the transaction of the change, so a change is never without its line. */
export function insertAuditRegel(db: Database, gemeenteId: string, actor: Actor, entry: AuditEntry) {
  return db.insert(auditRegel).values({
    gemeenteId,
    soort: entry.soort,
    actie: entry.actie,
    gebruikerId: actor.gebruikerId,
    gebruikerNaam: actor.naam,
    ip: actor.ip,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    omschrijving: entry.omschrijving ?? null,
    voor: entry.voor ?? null,
    na: entry.na ?? null,
  });
}

export interface AuditFilter {
  soort?: AuditSoort | undefined;
  actie?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  gebruikerId?: string | undefined;
  /** Inclusive start and exclusive end. */
  van?: Date | undefined;
  tot?: Date | undefined;
}

function conditions(gemeenteId: string, filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [eq(auditRegel.gemeenteId, gemeenteId)];
  if (filter.soort) parts.push(eq(auditRegel.soort, filter.soort));
  if (filter.actie) parts.push(eq(auditRegel.actie, filter.actie));
  if (filter.objectType) parts.push(eq(auditRegel.objectType, filter.objectType));
  if (filter.objectId) parts.push(eq(auditRegel.objectId, filter.objectId));
  if (filter.gebruikerId) parts.push(eq(auditRegel.gebruikerId, filter.gebruikerId));
  if (filter.van) parts.push(gte(auditRegel.tijdstip, filter.van));
  if (filter.tot) parts.push(lt(auditRegel.tijdstip, filter.tot));
  return and(...parts);
}

/** The latest lines about one object, newest first: the history on every edit page, so prepared once. */
export function listHistorie(db: Database, gemeenteId: string, objectId: string, limit: number) {
  return prepared(db, 'lea_historie', (on) =>
    on
      .select()
      .from(auditRegel)
      .where(and(eq(auditRegel.gemeenteId, sql.placeholder('gemeenteId')), eq(auditRegel.objectId, sql.placeholder('objectId'))))
      .orderBy(desc(auditRegel.tijdstip), desc(auditRegel.id))
      .limit(sql.placeholder('limit')),
  ).execute({ gemeenteId, objectId, limit });
}

export function listAuditRegels(db: Database, gemeenteId: string, filter: AuditFilter, limit: number, offset: number) {
  return db
    .select()
    .from(auditRegel)
    .where(conditions(gemeenteId, filter))
    .orderBy(desc(auditRegel.tijdstip), desc(auditRegel.id))
    .limit(limit)
    .offset(offset);
}

export function countAuditRegels(db: Database, gemeenteId: string, filter: AuditFilter) {
  return db
    .select({ aantal: sql<number>`count(*)::int` })
    .from(auditRegel)
    .where(conditions(gemeenteId, filter))
    .then((rows) => rows[0]?.aantal ?? 0);
}

/** The distinct actions and object types, for the filter's choices. */
export async function listAuditKeuzes(db: Database, gemeenteId: string) {
  const [acties, objectTypes] = await Promise.all([
    db.selectDistinct({ waarde: auditRegel.actie }).from(auditRegel).where(eq(auditRegel.gemeenteId, gemeenteId)),
    db
      .selectDistinct({ waarde: auditRegel.objectType })
      .from(auditRegel)
      .where(and(eq(auditRegel.gemeenteId, gemeenteId), sql`${auditRegel.objectType} is not null`)),
  ]);
  return {
    acties: acties.map((r) => r.waarde).sort(),
    objectTypes: objectTypes.map((r) => r.waarde ?? '').sort(),
  };
}
