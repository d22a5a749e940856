import { z } from 'zod';
import { apiSchemas } from '../../api/api-registry.js';
import { agendaStatusEnum } from '../../db/schema.js';

const id = z.uuid().describe('Unieke id van dit gegeven.');

export const AmbitieSchema = z.object({
  id,
  code: z.string().describe('Korte code van de ambitie, bijvoorbeeld gelijke-kansen.'),
  naam: z.string(),
  omschrijving: z.string(),
  volgorde: z.int().min(1).describe('Plaats in de lijst van ambities; de laagste staat bovenaan.'),
  versie: z.int().min(1).describe('Versie van het gegeven; stuur deze mee bij een wijziging. Is de opgeslagen versie intussen hoger, dan weigert de API de wijziging (409).'),
});
apiSchemas.add(AmbitieSchema, { id: 'Ambitie', description: 'Een ambitie voor de lange termijn uit het visiedocument.' });

export const AmbitieVerwijzingSchema = z.object({ id, naam: z.string() });
apiSchemas.add(AmbitieVerwijzingSchema, { id: 'AmbitieVerwijzing', description: 'Verwijzing naar een ambitie.' });

export const SubpuntSchema = z.object({ volgorde: z.int().min(1), tekst: z.string() });
apiSchemas.add(SubpuntSchema, { id: 'Subpunt', description: 'Een uitwerking van een focusdoel.' });

export const FocusdoelSchema = z.object({
  id,
  actielijnId: z.uuid(),
  positie: z.int().min(1).max(2).describe('Plaats binnen de actielijn; een actielijn heeft er hoogstens twee.'),
  tekst: z.string(),
  subpunten: z.array(SubpuntSchema),
  versie: z.int().min(1).describe('Versie van het gegeven; stuur deze mee bij een wijziging. Is de opgeslagen versie intussen hoger, dan weigert de API de wijziging (409).'),
});
apiSchemas.add(FocusdoelSchema, { id: 'Focusdoel', description: 'Een concreet doel van een actielijn voor de periode.' });

export const BetrokkeneSchema = z.object({
  id,
  naam: z.string(),
  gremiumId: z.uuid().nullable().describe('Het gremium, als de betrokkene een gremium uit deze LEA is.'),
  organisatieId: z.uuid().nullable().describe('De organisatie, als de betrokkene een organisatie uit deze LEA is.'),
  versie: z.int().min(1).describe('Versie van het gegeven; stuur deze mee bij een wijziging.'),
});
apiSchemas.add(BetrokkeneSchema, { id: 'Betrokkene', description: 'Een partij die bij een actielijn betrokken is.' });

export const ActielijnSchema = z.object({
  id,
  nummer: z.int().min(1),
  titel: z.string(),
  kernwoord: z.string().nullable().describe('Het deel van de titel dat de agenda benadrukt.'),
  beleidsthema: z.string().describe('Aanleiding en inhoudelijke focus van de actielijn.'),
  ambities: z.array(AmbitieVerwijzingSchema),
  focusdoelen: z.array(FocusdoelSchema),
  betrokkenen: z.array(BetrokkeneSchema),
  versie: z.int().min(1).describe('Versie van het gegeven; stuur deze mee bij een wijziging. Is de opgeslagen versie intussen hoger, dan weigert de API de wijziging (409).'),
});
apiSchemas.add(ActielijnSchema, { id: 'Actielijn', description: 'Een van de actielijnen van de uitvoeringsagenda.' });

/** The answer to a change of an actielijn: its own fields, without its focusdoelen and betrokkenen. */
export const ActielijnGegevensSchema = ActielijnSchema.omit({ focusdoelen: true, betrokkenen: true });
apiSchemas.add(ActielijnGegevensSchema, { id: 'ActielijnGegevens', description: 'De eigen velden van een actielijn, na een wijziging.' });

export const OabCategorieSchema = z.object({ id, code: z.string(), naam: z.string() });
apiSchemas.add(OabCategorieSchema, { id: 'OabCategorie', description: 'Een van de vier onderwerpen van de OAB-afspraken.' });

export const OabAfspraakSchema = z.object({
  id,
  jaar: z.int().describe('Het jaar waarvoor de afspraak geldt.'),
  nummer: z.int().min(1),
  tekst: z.string(),
  categorie: OabCategorieSchema,
  versie: z.int().min(1).describe('Versie van het gegeven; stuur deze mee bij een wijziging. Is de opgeslagen versie intussen hoger, dan weigert de API de wijziging (409).'),
});
apiSchemas.add(OabAfspraakSchema, {
  id: 'OabAfspraak',
  description: 'Een jaarlijkse afspraak over onderwijsachterstandenbeleid met het bestuurlijk platform.',
});

export const VisiedocumentSchema = z.object({
  id,
  titel: z.string(),
  beginjaar: z.int(),
  eindjaar: z.int(),
  bron: z.string().nullable().describe('Waar het visiedocument te vinden is.'),
});
apiSchemas.add(VisiedocumentSchema, { id: 'Visiedocument', description: 'De visie voor de lange termijn, met de ambities.' });

export const UitvoeringsagendaSchema = z.object({
  id,
  titel: z.string(),
  periodeStart: z.iso.date().describe('Eerste dag van de periode.'),
  periodeEind: z.iso.date().describe('Laatste dag van de periode.'),
  status: z.enum(agendaStatusEnum.enumValues),
  versie: z.int().min(1),
  geldend: z.boolean().describe('Of dit de agenda is die nu geldt (de nieuwste vastgestelde).'),
  overkoepelendThema: z.string().nullable(),
  voorwoord: z.string().nullable(),
  evaluatie: z.string().nullable().describe('Aanpassingen naar aanleiding van de laatste evaluatie.'),
  visiedocument: VisiedocumentSchema.nullable(),
});
apiSchemas.add(UitvoeringsagendaSchema, {
  id: 'Uitvoeringsagenda',
  description: 'Een uitvoeringsagenda binnen het visiedocument, voor een periode van meestal anderhalf tot twee jaar.',
});
