import { z } from 'zod';
import { apiSchemas } from '../../api/api-registry.js';
import { gremiumRelatieSoortEnum, gremiumTypeEnum, lidmaatschapRolEnum, sectorEnum } from '../../db/schema.js';

const id = z.uuid().describe('Unieke id van dit gegeven.');
const versie = z
  .int()
  .min(1)
  .describe('Versie van het gegeven; stuur deze mee bij een wijziging. Is de opgeslagen versie intussen hoger, dan weigert de API de wijziging (409).');

export const SectorSchema = z.enum(sectorEnum.enumValues);
apiSchemas.add(SectorSchema, { id: 'Sector', description: 'Een sector binnen het jeugddomein.' });

export const OrganisatieSchema = z.object({ id, code: z.string(), naam: z.string(), sectoren: z.array(SectorSchema), versie });
apiSchemas.add(OrganisatieSchema, { id: 'Organisatie', description: 'Een organisatie die aan de LEA deelneemt.' });

export const PersoonSchema = z.object({
  id,
  naam: z.string(),
  functie: z.string().nullable(),
  organisatieId: z.uuid().nullable(),
  versie,
});
apiSchemas.add(PersoonSchema, { id: 'Persoon', description: 'Een persoon die namens een organisatie in een gremium zit.' });

export const GremiumRelatieSchema = z.object({
  id,
  soort: z.enum(gremiumRelatieSoortEnum.enumValues),
  vanGremiumId: z.uuid(),
  naarGremiumId: z.uuid(),
  omschrijving: z.string().nullable(),
  versie,
});
apiSchemas.add(GremiumRelatieSchema, { id: 'GremiumRelatie', description: 'Hoe twee gremia met elkaar samenhangen.' });

export const GremiumSchema = z.object({
  id,
  slug: z.string(),
  naam: z.string(),
  type: z.enum(gremiumTypeEnum.enumValues),
  omschrijving: z.string().nullable(),
  opdracht: z.string().nullable(),
  mandaat: z.string().nullable(),
  vergaderfrequentie: z.string().nullable(),
  relaties: z.array(GremiumRelatieSchema).describe('De relaties waarin dit gremium voorkomt.'),
  versie,
});
apiSchemas.add(GremiumSchema, { id: 'Gremium', description: 'Een overleg binnen de LEA: stuurgroep, platform, overlegtafel en dergelijke.' });

export const NamensSchema = z.object({
  sector: SectorSchema.nullable(),
  organisatieId: z.uuid().nullable(),
});
apiSchemas.add(NamensSchema, { id: 'Namens', description: 'Een sector of organisatie die een lid vertegenwoordigt.' });

export const LidmaatschapSchema = z.object({
  id,
  gremiumId: z.uuid(),
  rol: z.enum(lidmaatschapRolEnum.enumValues),
  persoon: PersoonSchema,
  namens: z.array(NamensSchema).describe('Wie het lid vertegenwoordigt; dat kunnen meerdere sectoren zijn.'),
  versie,
});
apiSchemas.add(LidmaatschapSchema, { id: 'Lidmaatschap', description: 'Een persoon in een gremium, met rol en vertegenwoordiging.' });

// --- The answers to a change (POST and PATCH) ------------------------------------------------------------------------

export const PersoonGegevensSchema = PersoonSchema.extend({
  code: z.string().describe('Korte code van de persoon, gemaakt uit de naam.'),
  email: z.string().nullable().describe('Het e-mailadres; alleen voor wie mag bewerken.'),
});
apiSchemas.add(PersoonGegevensSchema, { id: 'PersoonGegevens', description: 'Een persoon met contactgegevens, na een wijziging. Alleen voor wie mag bewerken.' });

export const GremiumGegevensSchema = GremiumSchema.omit({ relaties: true });
apiSchemas.add(GremiumGegevensSchema, { id: 'GremiumGegevens', description: 'De eigen velden van een gremium, na een wijziging.' });

export const LidmaatschapGegevensSchema = z.object({
  id,
  gremiumId: z.uuid(),
  persoonId: z.uuid(),
  rol: z.enum(lidmaatschapRolEnum.enumValues),
  namens: z.array(NamensSchema),
  versie,
});
apiSchemas.add(LidmaatschapGegevensSchema, { id: 'LidmaatschapGegevens', description: 'Een lidmaatschap, na een wijziging.' });
