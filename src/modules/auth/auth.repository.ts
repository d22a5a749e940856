import { and, asc, eq, gt, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import type { RolToewijzing } from './permissions.js';
import {
  apiToken,
  eenmaligeLink,
  gebruiker,
  gebruikerRol,
  gemeente,
  herstelcode,
  inlogpoging,
  oidcLogin,
  sessie,
  type EenmaligeLinkDoel,
  type GebruikerStatus,
  type Rol,
} from '../../db/schema.js';

export type GebruikerRow = typeof gebruiker.$inferSelect;

export function findGebruikerByEmail(db: Database, gemeenteId: string, email: string) {
  return db
    .select()
    .from(gebruiker)
    .where(and(eq(gebruiker.gemeenteId, gemeenteId), eq(gebruiker.email, email.toLowerCase())))
    .then((rows) => rows[0]);
}

export function findGebruikerById(db: Database, gemeenteId: string, id: string) {
  return db
    .select()
    .from(gebruiker)
    .where(and(eq(gebruiker.gemeenteId, gemeenteId), eq(gebruiker.id, id)))
    .then((rows) => rows[0]);
}

export function findGebruikerByOidcSubject(db: Database, gemeenteId: string, issuer: string, subject: string) {
  return db
    .select()
    .from(gebruiker)
    .where(and(eq(gebruiker.gemeenteId, gemeenteId), eq(gebruiker.oidcIssuer, issuer), eq(gebruiker.oidcSubject, subject)))
    .then((rows) => rows[0]);
}

export function listGebruikers(db: Database, gemeenteId: string) {
  return db.select().from(gebruiker).where(eq(gebruiker.gemeenteId, gemeenteId)).orderBy(asc(gebruiker.naam));
}

export function insertGebruiker(
  db: Database,
  values: { gemeenteId: string; email: string; naam: string; status?: GebruikerStatus; wachtwoordHash?: string },
) {
  return db
    .insert(gebruiker)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning()
    .then((rows) => rows[0]!);
}

export function updateGebruiker(
  db: Database,
  gemeenteId: string,
  id: string,
  changes: Partial<Omit<typeof gebruiker.$inferInsert, 'id' | 'gemeenteId'>>,
) {
  return db
    .update(gebruiker)
    .set({ ...changes, gewijzigdOp: new Date(), versie: sql`${gebruiker.versie} + 1` })
    .where(and(eq(gebruiker.gemeenteId, gemeenteId), eq(gebruiker.id, id)))
    .returning()
    .then((rows) => rows[0]);
}

/** Sets the TOTP step only when it is newer than the last one, so two requests cannot both use one code. */
export function claimTotpStep(db: Database, gemeenteId: string, id: string, step: number) {
  return db
    .update(gebruiker)
    .set({ totpLaatsteStap: step })
    .where(
      and(
        eq(gebruiker.gemeenteId, gemeenteId),
        eq(gebruiker.id, id),
        sql`(${gebruiker.totpLaatsteStap} is null or ${gebruiker.totpLaatsteStap} < ${step})`,
      ),
    )
    .returning({ id: gebruiker.id })
    .then((rows) => rows.length === 1);
}

export function listRollen(db: Database, gemeenteId: string, gebruikerId: string) {
  return db
    .select({ rol: gebruikerRol.rol, gremiumId: gebruikerRol.gremiumId })
    .from(gebruikerRol)
    .where(and(eq(gebruikerRol.gemeenteId, gemeenteId), eq(gebruikerRol.gebruikerId, gebruikerId)))
    .orderBy(asc(gebruikerRol.rol));
}

export function listAlleRollen(db: Database, gemeenteId: string) {
  return db
    .select({ gebruikerId: gebruikerRol.gebruikerId, rol: gebruikerRol.rol, gremiumId: gebruikerRol.gremiumId })
    .from(gebruikerRol)
    .where(eq(gebruikerRol.gemeenteId, gemeenteId))
    .orderBy(asc(gebruikerRol.rol));
}

/**
 * The gemeenten (id, slug, naam) in which nobody holds the beheerder role: one query for the whole installation,
 * which every start asks, however many gemeenten it serves.
 */
export function listGemeentenZonderBeheerder(db: Database) {
  const beheerder = db
    .select({ een: sql`1` })
    .from(gebruikerRol)
    .where(and(eq(gebruikerRol.gemeenteId, gemeente.id), eq(gebruikerRol.rol, 'beheerder')));
  return db
    .select({ id: gemeente.id, slug: gemeente.slug, naam: gemeente.naam })
    .from(gemeente)
    .where(notExists(beheerder))
    .orderBy(asc(gemeente.naam));
}

export async function replaceRollen(
  db: Database,
  gemeenteId: string,
  gebruikerId: string,
  rollen: { rol: Rol; gremiumId: string | null }[],
) {
  await db.delete(gebruikerRol).where(and(eq(gebruikerRol.gemeenteId, gemeenteId), eq(gebruikerRol.gebruikerId, gebruikerId)));
  if (rollen.length > 0) await db.insert(gebruikerRol).values(rollen.map((r) => ({ ...r, gemeenteId, gebruikerId })));
}

// Sessions -------------------------------------------------------------------------------------------------------

export function insertSessie(db: Database, values: typeof sessie.$inferInsert) {
  return db.insert(sessie).values(values);
}

/**
 * Every request behind the login starts here: one prepared statement for the session, its user and the roles.
 * Roles come along as one JSON list, in the order listRollen gives them.
 */
export async function findSessie(db: Database, idHash: string) {
  const statement = prepared(db, 'lea_find_sessie', (on) => {
    const rollen = sql<RolToewijzing[]>`coalesce((
      select json_agg(json_build_object('rol', ${gebruikerRol.rol}, 'gremiumId', ${gebruikerRol.gremiumId})
                      order by ${gebruikerRol.rol}, ${gebruikerRol.gremiumId})
      from ${gebruikerRol}
      where ${gebruikerRol.gemeenteId} = ${sessie.gemeenteId} and ${gebruikerRol.gebruikerId} = ${sessie.gebruikerId}
    ), '[]'::json)`;
    return on
      .select({ sessie, gebruiker, rollen })
      .from(sessie)
      .innerJoin(gebruiker, and(eq(gebruiker.id, sessie.gebruikerId), eq(gebruiker.gemeenteId, sessie.gemeenteId)))
      .where(eq(sessie.idHash, sql.placeholder('idHash')));
  });
  const [row] = await statement.execute({ idHash });
  return row;
}

export function touchSessie(db: Database, idHash: string, now: Date) {
  return db.update(sessie).set({ laatstActiefOp: now }).where(eq(sessie.idHash, idHash));
}

export function completeSessieMfa(db: Database, idHash: string) {
  return db.update(sessie).set({ mfaVoltooid: true }).where(eq(sessie.idHash, idHash));
}

export function deleteSessie(db: Database, idHash: string) {
  return db.delete(sessie).where(eq(sessie.idHash, idHash));
}

export function deleteSessiesVanGebruiker(db: Database, gemeenteId: string, gebruikerId: string) {
  return db.delete(sessie).where(and(eq(sessie.gemeenteId, gemeenteId), eq(sessie.gebruikerId, gebruikerId)));
}

/** Ends every session of a user but the one in use (after a password change by the user). */
export function deleteAndereSessies(db: Database, gemeenteId: string, gebruikerId: string, keepIdHash: string) {
  return db
    .delete(sessie)
    .where(and(eq(sessie.gemeenteId, gemeenteId), eq(sessie.gebruikerId, gebruikerId), sql`${sessie.idHash} <> ${keepIdHash}`));
}

export function deleteVerlopenSessies(db: Database, now: Date, idleSince: Date) {
  return db.delete(sessie).where(sql`${sessie.verlooptOp} < ${now} or ${sessie.laatstActiefOp} < ${idleSince}`);
}

// Throttling -----------------------------------------------------------------------------------------------------

export function findInlogpoging(db: Database, gemeenteId: string, sleutel: string) {
  return db
    .select()
    .from(inlogpoging)
    .where(and(eq(inlogpoging.gemeenteId, gemeenteId), eq(inlogpoging.sleutel, sleutel)))
    .then((rows) => rows[0]);
}

export function recordMislukt(db: Database, gemeenteId: string, sleutel: string, now: Date) {
  return db
    .insert(inlogpoging)
    .values({ gemeenteId, sleutel, mislukt: 1, laatsteOp: now })
    .onConflictDoUpdate({
      target: [inlogpoging.gemeenteId, inlogpoging.sleutel],
      set: { mislukt: sql`${inlogpoging.mislukt} + 1`, laatsteOp: now },
    })
    .returning()
    .then((rows) => rows[0]!);
}

export function clearInlogpoging(db: Database, gemeenteId: string, sleutel: string) {
  return db.delete(inlogpoging).where(and(eq(inlogpoging.gemeenteId, gemeenteId), eq(inlogpoging.sleutel, sleutel)));
}

// Single-use links -----------------------------------------------------------------------------------------------

export function insertEenmaligeLink(db: Database, values: typeof eenmaligeLink.$inferInsert) {
  return db.insert(eenmaligeLink).values(values);
}

/** A link of this gemeente and purpose that is neither used nor expired. */
function openLink(gemeenteId: string, tokenHash: string, doel: EenmaligeLinkDoel, now: Date) {
  return and(
    eq(eenmaligeLink.gemeenteId, gemeenteId),
    eq(eenmaligeLink.tokenHash, tokenHash),
    eq(eenmaligeLink.doel, doel),
    isNull(eenmaligeLink.gebruiktOp),
    gt(eenmaligeLink.verlooptOp, now),
  );
}

/** Looks a link up without using it: the page that asks for the new password shows first. */
export function findGeldigeLink(db: Database, gemeenteId: string, tokenHash: string, doel: EenmaligeLinkDoel, now: Date) {
  return db
    .select()
    .from(eenmaligeLink)
    .where(
      openLink(gemeenteId, tokenHash, doel, now),
    )
    .then((rows) => rows[0]);
}

/** Marks the link used in the same statement that checks it, so it works exactly once. */
export function useEenmaligeLink(db: Database, gemeenteId: string, tokenHash: string, doel: EenmaligeLinkDoel, now: Date) {
  return db
    .update(eenmaligeLink)
    .set({ gebruiktOp: now })
    .where(
      openLink(gemeenteId, tokenHash, doel, now),
    )
    .returning()
    .then((rows) => rows[0]);
}

/** A new link replaces the open ones of the same kind: only the latest e-mail works. */
export function expireOpenLinks(db: Database, gemeenteId: string, gebruikerId: string, doel: EenmaligeLinkDoel, now: Date) {
  return db
    .update(eenmaligeLink)
    .set({ gebruiktOp: now })
    .where(
      and(
        eq(eenmaligeLink.gemeenteId, gemeenteId),
        eq(eenmaligeLink.gebruikerId, gebruikerId),
        eq(eenmaligeLink.doel, doel),
        isNull(eenmaligeLink.gebruiktOp),
      ),
    );
}

// Recovery codes -------------------------------------------------------------------------------------------------

export async function replaceHerstelcodes(db: Database, gemeenteId: string, gebruikerId: string, codeHashes: string[]) {
  await db.delete(herstelcode).where(and(eq(herstelcode.gemeenteId, gemeenteId), eq(herstelcode.gebruikerId, gebruikerId)));
  if (codeHashes.length > 0) {
    await db.insert(herstelcode).values(codeHashes.map((codeHash) => ({ gemeenteId, gebruikerId, codeHash })));
  }
}

export function useHerstelcode(db: Database, gemeenteId: string, gebruikerId: string, codeHash: string, now: Date) {
  return db
    .update(herstelcode)
    .set({ gebruiktOp: now })
    .where(
      and(
        eq(herstelcode.gemeenteId, gemeenteId),
        eq(herstelcode.gebruikerId, gebruikerId),
        eq(herstelcode.codeHash, codeHash),
        isNull(herstelcode.gebruiktOp),
      ),
    )
    .returning({ id: herstelcode.id })
    .then((rows) => rows.length === 1);
}

// API tokens -----------------------------------------------------------------------------------------------------

export function insertApiToken(db: Database, values: typeof apiToken.$inferInsert) {
  return db
    .insert(apiToken)
    .values(values)
    .returning()
    .then((rows) => rows[0]!);
}

/**
 * Everything the account page shows in one prepared statement: the user, their API tokens (oldest first) and how
 * many recovery codes are left. Each statement is a round trip and a write to the server's socket, and those,
 * more than the work, set how many account pages PostgreSQL serves per second.
 */
export async function findAccountOverzicht(db: Database, gemeenteId: string, gebruikerId: string) {
  const statement = prepared(db, 'lea_account_overzicht', (on) =>
    on
      .select({
        gebruiker,
        token: apiToken,
        herstelcodes: sql<number>`(
          select count(*)::int from ${herstelcode}
          where ${herstelcode.gemeenteId} = ${gebruiker.gemeenteId} and ${herstelcode.gebruikerId} = ${gebruiker.id}
            and ${herstelcode.gebruiktOp} is null
        )`,
      })
      .from(gebruiker)
      .leftJoin(apiToken, and(eq(apiToken.gemeenteId, gebruiker.gemeenteId), eq(apiToken.gebruikerId, gebruiker.id)))
      .where(and(eq(gebruiker.gemeenteId, sql.placeholder('gemeenteId')), eq(gebruiker.id, sql.placeholder('gebruikerId'))))
      .orderBy(asc(apiToken.aangemaaktOp)),
  );
  const rows = await statement.execute({ gemeenteId, gebruikerId });
  if (rows.length === 0) return undefined;
  return {
    gebruiker: rows[0]!.gebruiker,
    tokens: rows.flatMap((row) => (row.token ? [row.token] : [])),
    herstelcodes: rows[0]!.herstelcodes,
  };
}

export function revokeApiToken(db: Database, gemeenteId: string, gebruikerId: string, id: string, now: Date) {
  return db
    .update(apiToken)
    .set({ ingetrokkenOp: now })
    .where(
      and(eq(apiToken.gemeenteId, gemeenteId), eq(apiToken.gebruikerId, gebruikerId), eq(apiToken.id, id), isNull(apiToken.ingetrokkenOp)),
    )
    .returning()
    .then((rows) => rows[0]);
}

export function findActiveApiToken(db: Database, tokenHash: string) {
  return db
    .select({ apiToken, gebruiker })
    .from(apiToken)
    .innerJoin(gebruiker, and(eq(gebruiker.id, apiToken.gebruikerId), eq(gebruiker.gemeenteId, apiToken.gemeenteId)))
    .where(and(eq(apiToken.tokenHash, tokenHash), isNull(apiToken.ingetrokkenOp)))
    .then((rows) => rows[0]);
}

export function markApiTokenUsed(db: Database, id: string, now: Date) {
  return db.update(apiToken).set({ laatstGebruiktOp: now }).where(eq(apiToken.id, id));
}

// OpenID Connect login state -------------------------------------------------------------------------------------

export function insertOidcLogin(db: Database, values: typeof oidcLogin.$inferInsert) {
  return db.insert(oidcLogin).values(values);
}

/** Takes the state out: a callback can be used once. */
export function takeOidcLogin(db: Database, gemeenteId: string, stateHash: string, now: Date) {
  return db
    .delete(oidcLogin)
    .where(and(eq(oidcLogin.gemeenteId, gemeenteId), eq(oidcLogin.stateHash, stateHash), gt(oidcLogin.verlooptOp, now)))
    .returning()
    .then((rows) => rows[0]);
}

export function deleteVerlopenOidcLogins(db: Database, now: Date) {
  return db.delete(oidcLogin).where(lt(oidcLogin.verlooptOp, now));
}
