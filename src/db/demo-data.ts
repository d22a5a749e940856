/**
 * Loads a gemeente's agenda from a readable YAML file (data/demo/zoetermeer.yaml) into the database, in one
 * transaction: all or nothing. A gemeente that is already present is left alone, so loading twice never
 * creates duplicates.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { parse } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../config.js';
import type { Database } from './client.js';
import * as t from './schema.js';

export const demoDataFile = path.join(projectRoot, 'data', 'demo', 'zoetermeer.yaml');

const code = z.string().regex(/^[a-z0-9-]+$/);
const text = z.string().trim().min(1);
const optionalText = text.nullish().transform((value) => value ?? null);
const isoDate = z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.iso.date()]);
const sector = z.enum(t.sectorEnum.enumValues);

const betrokkeneSchema = z.union([
  text.transform((naam) => ({ naam, gremium: null as string | null, organisatie: null as string | null })),
  z.object({ naam: text, gremium: code.nullish(), organisatie: code.nullish() }).transform((b) => ({
    naam: b.naam,
    gremium: b.gremium ?? null,
    organisatie: b.organisatie ?? null,
  })),
]);

export const demoDataSchema = z.object({
  gemeente: z.object({
    slug: code,
    naam: text,
    cbsCode: z.string().regex(/^GM\d{4}$/),
    domeinen: z.array(text).default([]),
  }),
  visiedocument: z.object({
    titel: text,
    periodeStart: z.number().int(),
    periodeEind: z.number().int(),
    bron: optionalText,
  }),
  ambities: z.array(z.object({ code, naam: text, omschrijving: text })).min(1),
  uitvoeringsagenda: z.object({
    titel: text,
    periodeStart: isoDate,
    periodeEind: isoDate,
    status: z.enum(t.agendaStatusEnum.enumValues),
    versie: z.number().int().positive().default(1),
    overkoepelendThema: optionalText,
    voorwoord: optionalText,
    evaluatie: optionalText,
    stuurgroepToelichting: optionalText,
  }),
  actielijnen: z
    .array(
      z.object({
        nummer: z.number().int().positive(),
        titel: text,
        kernwoord: optionalText,
        ambities: z.array(code).min(1),
        beleidsthema: text,
        focusdoelen: z
          .array(z.object({ tekst: text, subpunten: z.array(text).default([]) }))
          .max(t.MAX_FOCUSDOELEN_PER_ACTIELIJN, `Een actielijn heeft maximaal ${t.MAX_FOCUSDOELEN_PER_ACTIELIJN} focusdoelen.`),
        betrokkenen: z.array(betrokkeneSchema).default([]),
      }),
    )
    .min(1),
  oabAfspraken: z.object({
    jaar: z.number().int(),
    toelichting: optionalText,
    categorieen: z.array(z.object({ code, naam: text, afspraken: z.array(text) })).min(1),
  }),
  organisaties: z.array(z.object({ code, naam: text, sectoren: z.array(sector).default([]) })).default([]),
  personen: z
    .array(z.object({ code, naam: text, functie: optionalText, organisatie: code.nullish() }))
    .default([]),
  gremia: z
    .array(
      z.object({
        slug: code,
        naam: text,
        type: z.enum(t.gremiumTypeEnum.enumValues),
        omschrijving: optionalText,
        opdracht: optionalText,
        mandaat: optionalText,
        vergaderfrequentie: optionalText,
      }),
    )
    .default([]),
  gremiumRelaties: z
    .array(z.object({ van: code, naar: code, soort: z.enum(t.gremiumRelatieSoortEnum.enumValues), omschrijving: optionalText }))
    .default([]),
  lidmaatschappen: z
    .array(
      z.object({
        gremium: code,
        persoon: code,
        rol: z.enum(t.lidmaatschapRolEnum.enumValues).default('lid'),
        namens: z.array(z.union([z.object({ sector }), z.object({ organisatie: code })])).default([]),
      }),
    )
    .default([]),
});

export type DemoData = z.infer<typeof demoDataSchema>;

export class DemoDataError extends Error {
  override name = 'DemoDataError';
}

/** Reads and validates a data file; every problem is reported with its place in the file. */
export async function readDemoData(file = demoDataFile): Promise<DemoData> {
  const parsed = demoDataSchema.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new DemoDataError(`Het gegevensbestand ${file} is ongeldig:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export type LoadResult = { status: 'geladen'; gemeenteId: string } | { status: 'al-aanwezig'; gemeenteId: string };

/** Looks up a code named in the file, failing with the file's own words when it is missing. */
function lookup(map: Map<string, string>, key: string, what: string): string {
  const value = map.get(key);
  if (!value) throw new DemoDataError(`Onbekende ${what} '${key}' in het gegevensbestand.`);
  return value;
}

export async function loadDemoData(db: Database, data: DemoData): Promise<LoadResult> {
  return db.transaction(async (tx) => {
    // Serialises concurrent loaders (two instances starting at once) so neither inserts twice.
    await tx.execute(sql`select pg_advisory_xact_lock(4845018)`);
    const [existing] = await tx.select({ id: t.gemeente.id }).from(t.gemeente).where(eq(t.gemeente.slug, data.gemeente.slug));
    if (existing) return { status: 'al-aanwezig', gemeenteId: existing.id } as const;

    const [g] = await tx.insert(t.gemeente).values(data.gemeente).returning({ id: t.gemeente.id });
    const gemeenteId = g!.id;

    const [visie] = await tx
      .insert(t.visiedocument)
      .values({ gemeenteId, ...data.visiedocument })
      .returning({ id: t.visiedocument.id });
    const visiedocumentId = visie!.id;

    const ambitieIds = new Map<string, string>();
    for (const [index, a] of data.ambities.entries()) {
      const [row] = await tx
        .insert(t.ambitie)
        .values({ gemeenteId, visiedocumentId, code: a.code, naam: a.naam, omschrijving: a.omschrijving, volgorde: index + 1 })
        .returning({ id: t.ambitie.id });
      ambitieIds.set(a.code, row!.id);
    }

    const [agenda] = await tx
      .insert(t.uitvoeringsagenda)
      .values({ gemeenteId, visiedocumentId, ...data.uitvoeringsagenda })
      .returning({ id: t.uitvoeringsagenda.id });
    const uitvoeringsagendaId = agenda!.id;

    const organisatieIds = new Map<string, string>();
    for (const o of data.organisaties) {
      const [row] = await tx.insert(t.organisatie).values({ gemeenteId, ...o }).returning({ id: t.organisatie.id });
      organisatieIds.set(o.code, row!.id);
    }

    const persoonIds = new Map<string, string>();
    for (const p of data.personen) {
      const [row] = await tx
        .insert(t.persoon)
        .values({
          gemeenteId,
          code: p.code,
          naam: p.naam,
          functie: p.functie,
          organisatieId: p.organisatie ? lookup(organisatieIds, p.organisatie, 'organisatie') : null,
        })
        .returning({ id: t.persoon.id });
      persoonIds.set(p.code, row!.id);
    }

    const gremiumIds = new Map<string, string>();
    const gremiumIdsByName = new Map<string, string>();
    for (const [index, gr] of data.gremia.entries()) {
      const [row] = await tx
        .insert(t.gremium)
        .values({ gemeenteId, ...gr, volgorde: index + 1 })
        .returning({ id: t.gremium.id });
      gremiumIds.set(gr.slug, row!.id);
      gremiumIdsByName.set(gr.naam.toLocaleLowerCase('nl'), row!.id);
    }

    for (const r of data.gremiumRelaties) {
      await tx.insert(t.gremiumRelatie).values({
        gemeenteId,
        vanGremiumId: lookup(gremiumIds, r.van, 'gremium'),
        naarGremiumId: lookup(gremiumIds, r.naar, 'gremium'),
        soort: r.soort,
        omschrijving: r.omschrijving,
      });
    }

    for (const [index, l] of data.lidmaatschappen.entries()) {
      const [row] = await tx
        .insert(t.lidmaatschap)
        .values({
          gemeenteId,
          persoonId: lookup(persoonIds, l.persoon, 'persoon'),
          gremiumId: lookup(gremiumIds, l.gremium, 'gremium'),
          rol: l.rol,
          volgorde: index + 1,
        })
        .returning({ id: t.lidmaatschap.id });
      for (const [position, namens] of l.namens.entries()) {
        await tx.insert(t.lidmaatschapNamens).values({
          gemeenteId,
          lidmaatschapId: row!.id,
          volgorde: position + 1,
          sector: 'sector' in namens ? namens.sector : null,
          organisatieId: 'organisatie' in namens ? lookup(organisatieIds, namens.organisatie, 'organisatie') : null,
        });
      }
    }

    for (const al of data.actielijnen) {
      const [row] = await tx
        .insert(t.actielijn)
        .values({
          gemeenteId,
          uitvoeringsagendaId,
          nummer: al.nummer,
          titel: al.titel,
          kernwoord: al.kernwoord,
          beleidsthema: al.beleidsthema,
        })
        .returning({ id: t.actielijn.id });
      const actielijnId = row!.id;
      for (const [index, ambitieCode] of al.ambities.entries()) {
        await tx
          .insert(t.actielijnAmbitie)
          .values({ gemeenteId, actielijnId, ambitieId: lookup(ambitieIds, ambitieCode, 'ambitie'), volgorde: index + 1 });
      }
      for (const [index, fd] of al.focusdoelen.entries()) {
        const [focus] = await tx
          .insert(t.focusdoel)
          .values({ gemeenteId, actielijnId, positie: index + 1, tekst: fd.tekst })
          .returning({ id: t.focusdoel.id });
        for (const [position, tekst] of fd.subpunten.entries()) {
          await tx.insert(t.focusdoelSubpunt).values({ gemeenteId, focusdoelId: focus!.id, volgorde: position + 1, tekst });
        }
      }
      for (const [index, b] of al.betrokkenen.entries()) {
        await tx.insert(t.betrokkene).values({
          gemeenteId,
          actielijnId,
          volgorde: index + 1,
          naam: b.naam,
          gremiumId: b.gremium
            ? lookup(gremiumIds, b.gremium, 'gremium')
            : (gremiumIdsByName.get(b.naam.toLocaleLowerCase('nl')) ?? null),
          organisatieId: b.organisatie ? lookup(organisatieIds, b.organisatie, 'organisatie') : null,
        });
      }
    }

    await tx.insert(t.oabJaar).values({ gemeenteId, jaar: data.oabAfspraken.jaar, toelichting: data.oabAfspraken.toelichting });
    for (const [index, categorie] of data.oabAfspraken.categorieen.entries()) {
      const [row] = await tx
        .insert(t.oabCategorie)
        .values({ gemeenteId, code: categorie.code, naam: categorie.naam, volgorde: index + 1 })
        .returning({ id: t.oabCategorie.id });
      for (const [position, tekst] of categorie.afspraken.entries()) {
        await tx
          .insert(t.oabAfspraak)
          .values({ gemeenteId, categorieId: row!.id, jaar: data.oabAfspraken.jaar, nummer: position + 1, tekst });
      }
    }

    return { status: 'geladen', gemeenteId } as const;
  });
}
