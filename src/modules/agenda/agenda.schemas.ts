import { z } from 'zod';
import { apiSchemas } from '../../api/api-registry.js';

const id = z.uuid().describe('Unieke id van dit gegeven.');

export const AmbitieSchema = z.object({
  id,
  code: z.string().describe('Korte code van de ambitie, bijvoorbeeld gelijke-kansen.'),
  naam: z.string(),
  omschrijving: z.string(),
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
});
apiSchemas.add(FocusdoelSchema, { id: 'Focusdoel', description: 'Een concreet doel van een actielijn voor de periode.' });

export const BetrokkeneSchema = z.object({
  naam: z.string(),
  gremiumId: z.uuid().nullable().describe('Het gremium, als de betrokkene een gremium uit deze LEA is.'),
  organisatieId: z.uuid().nullable().describe('De organisatie, als de betrokkene een organisatie uit deze LEA is.'),
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
});
apiSchemas.add(ActielijnSchema, { id: 'Actielijn', description: 'Een van de actielijnen van de uitvoeringsagenda.' });

export const OabCategorieSchema = z.object({ id, code: z.string(), naam: z.string() });
apiSchemas.add(OabCategorieSchema, { id: 'OabCategorie', description: 'Een van de vier onderwerpen van de OAB-afspraken.' });

export const OabAfspraakSchema = z.object({
  id,
  jaar: z.int().describe('Het jaar waarvoor de afspraak geldt.'),
  nummer: z.int().min(1),
  tekst: z.string(),
  categorie: OabCategorieSchema,
});
apiSchemas.add(OabAfspraakSchema, {
  id: 'OabAfspraak',
  description: 'Een jaarlijkse afspraak over onderwijsachterstandenbeleid met het bestuurlijk platform.',
});
