import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  actielijn,
  actielijnAmbitie,
  ambitie,
  betrokkene,
  focusdoel,
  focusdoelSubpunt,
  oabAfspraak,
  oabCategorie,
  oabJaar,
  uitvoeringsagenda,
  visiedocument,
} from '../../db/schema.js';

/** Every uitvoeringsagenda of the gemeente, newest period first. */
export function listAgendas(db: Database, gemeenteId: string) {
  return db
    .select()
    .from(uitvoeringsagenda)
    .where(eq(uitvoeringsagenda.gemeenteId, gemeenteId))
    .orderBy(desc(uitvoeringsagenda.periodeStart));
}

export function listVisiedocumenten(db: Database, gemeenteId: string) {
  return db.select().from(visiedocument).where(eq(visiedocument.gemeenteId, gemeenteId)).orderBy(desc(visiedocument.periodeStart));
}

export function listAmbities(db: Database, gemeenteId: string, visiedocumentId: string) {
  return db
    .select()
    .from(ambitie)
    .where(and(eq(ambitie.gemeenteId, gemeenteId), eq(ambitie.visiedocumentId, visiedocumentId), isNull(ambitie.gearchiveerdOp)))
    .orderBy(asc(ambitie.volgorde));
}

export function listActielijnen(db: Database, gemeenteId: string, uitvoeringsagendaId: string) {
  return db
    .select()
    .from(actielijn)
    .where(and(eq(actielijn.gemeenteId, gemeenteId), eq(actielijn.uitvoeringsagendaId, uitvoeringsagendaId), isNull(actielijn.gearchiveerdOp)))
    .orderBy(asc(actielijn.nummer));
}

export async function listActielijnDetails(db: Database, gemeenteId: string, actielijnIds: string[]) {
  if (actielijnIds.length === 0) return { ambitieLinks: [], focusdoelen: [], subpunten: [], betrokkenen: [] };
  const [ambitieLinks, focusdoelen, betrokkenen] = await Promise.all([
    db
      .select()
      .from(actielijnAmbitie)
      .where(and(eq(actielijnAmbitie.gemeenteId, gemeenteId), inArray(actielijnAmbitie.actielijnId, actielijnIds)))
      .orderBy(asc(actielijnAmbitie.volgorde)),
    db
      .select()
      .from(focusdoel)
      .where(and(eq(focusdoel.gemeenteId, gemeenteId), inArray(focusdoel.actielijnId, actielijnIds), isNull(focusdoel.gearchiveerdOp)))
      .orderBy(asc(focusdoel.positie)),
    db
      .select()
      .from(betrokkene)
      .where(and(eq(betrokkene.gemeenteId, gemeenteId), inArray(betrokkene.actielijnId, actielijnIds), isNull(betrokkene.gearchiveerdOp)))
      .orderBy(asc(betrokkene.volgorde)),
  ]);
  const focusdoelIds = focusdoelen.map((row) => row.id);
  const subpunten =
    focusdoelIds.length === 0
      ? []
      : await db
          .select()
          .from(focusdoelSubpunt)
          .where(
            and(
              eq(focusdoelSubpunt.gemeenteId, gemeenteId),
              inArray(focusdoelSubpunt.focusdoelId, focusdoelIds),
              isNull(focusdoelSubpunt.gearchiveerdOp),
            ),
          )
          .orderBy(asc(focusdoelSubpunt.volgorde));
  return { ambitieLinks, focusdoelen, subpunten, betrokkenen };
}

export async function listOab(db: Database, gemeenteId: string) {
  const [jaren, categorieen, afspraken] = await Promise.all([
    db.select().from(oabJaar).where(eq(oabJaar.gemeenteId, gemeenteId)).orderBy(desc(oabJaar.jaar)),
    db.select().from(oabCategorie).where(eq(oabCategorie.gemeenteId, gemeenteId)).orderBy(asc(oabCategorie.volgorde)),
    db
      .select()
      .from(oabAfspraak)
      .where(and(eq(oabAfspraak.gemeenteId, gemeenteId), isNull(oabAfspraak.gearchiveerdOp)))
      .orderBy(desc(oabAfspraak.jaar), asc(oabAfspraak.nummer)),
  ]);
  return { jaren, categorieen, afspraken };
}
