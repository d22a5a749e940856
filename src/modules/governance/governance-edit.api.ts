import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiSchemas, idParams, type ApiRegistry } from '../../api/api-registry.js';
import { t } from '../../i18n/index.js';
import { actorOf } from '../../plugins/auth.js';
import type { GremiumRow, OrganisatieRow, PersoonRow } from './governance-edit.repository.js';
import { gremiumFields, lidmaatschapFields, organisatieFields, persoonFields } from './governance-edit.schemas.js';
import type { GovernanceEditService, LidmaatschapEditable } from './governance-edit.service.js';
import { GremiumSchema, NamensSchema, OrganisatieSchema, PersoonSchema, SectorSchema } from './governance.schemas.js';
import type { Namens } from './governance.service.js';

const versie = z.int().min(1).describe('De versie waarop uw wijziging voortbouwt (uit het laatst opgehaalde gegeven).');
const Archivering = z.object({ versie });

const sectoren = z.array(SectorSchema).max(8);

const OrganisatieInvoer = z.object({
  naam: organisatieFields.naam.describe('De naam van de organisatie. De code volgt uit de naam.'),
  sectoren: sectoren.default([]).describe('De sectoren waarin de organisatie werkt.'),
});
const OrganisatieWijziging = z.object({
  versie,
  naam: organisatieFields.naam.optional().describe('De naam van de organisatie. De code blijft zoals hij is.'),
  sectoren: sectoren.optional().describe('De sectoren waarin de organisatie werkt; vervangt de lijst.'),
});

const organisatieId = z.uuid().nullable().describe('De organisatie waarvoor de persoon werkt, of null.');
const PersoonInvoer = z.object({
  naam: persoonFields.naam.describe('De naam van de persoon. De code volgt uit de naam.'),
  functie: persoonFields.functie.optional().describe('De functie, of null.'),
  email: persoonFields.email.optional().describe('Het e-mailadres, of null. Alleen zichtbaar voor ingelogde gebruikers, nooit in de open API.'),
  organisatieId: organisatieId.optional(),
});
const PersoonWijziging = z.object({
  versie,
  naam: persoonFields.naam.optional().describe('De naam van de persoon.'),
  functie: persoonFields.functie.optional().describe('De functie, of null.'),
  email: persoonFields.email.optional().describe('Het e-mailadres, of null.'),
  organisatieId: organisatieId.optional(),
});

const markdown = (wat: string) => `${wat}, in markdown, of null.`;
const GremiumInvoer = z.object({
  naam: gremiumFields.naam.describe('De naam van het gremium. De slug volgt uit de naam.'),
  type: gremiumFields.type.describe('De soort gremium.'),
  omschrijving: gremiumFields.omschrijving.optional().describe(markdown('De omschrijving')),
  opdracht: gremiumFields.opdracht.optional().describe(markdown('De opdracht')),
  mandaat: gremiumFields.mandaat.optional().describe(markdown('Het mandaat')),
  vergaderfrequentie: gremiumFields.vergaderfrequentie.optional().describe('Hoe vaak het gremium bijeenkomt, of null.'),
});
const GremiumWijziging = z.object({
  versie,
  naam: gremiumFields.naam.optional().describe('De naam van het gremium. De slug blijft zoals hij is.'),
  type: gremiumFields.type.optional().describe('De soort gremium.'),
  omschrijving: gremiumFields.omschrijving.optional().describe(markdown('De omschrijving')),
  opdracht: gremiumFields.opdracht.optional().describe(markdown('De opdracht')),
  mandaat: gremiumFields.mandaat.optional().describe(markdown('Het mandaat')),
  vergaderfrequentie: gremiumFields.vergaderfrequentie.optional().describe('Hoe vaak het gremium bijeenkomt, of null.'),
});

const NamensInvoer = z
  .object({
    sector: SectorSchema.nullable().optional().describe('Een sector, of leeg als het om een organisatie gaat.'),
    organisatieId: z.uuid().nullable().optional().describe('Een organisatie, of leeg als het om een sector gaat.'),
  })
  .refine((n) => (n.sector ?? null) === null !== ((n.organisatieId ?? null) === null), t('governance.api.namensPreciesEen'));
const namens = z.array(NamensInvoer).min(1).max(30);
const LidmaatschapInvoer = z.object({
  persoonId: z.uuid().describe('De persoon die lid wordt.'),
  rol: lidmaatschapFields.rol.default('lid').describe('De rol in het gremium.'),
  namens: namens.describe('Wie het lid vertegenwoordigt: een of meer sectoren en of organisaties.'),
});
const LidmaatschapWijziging = z.object({
  versie,
  rol: lidmaatschapFields.rol.optional().describe('De rol in het gremium.'),
  namens: namens.optional().describe('Wie het lid vertegenwoordigt; vervangt de lijst.'),
});

const PersoonGegevens = PersoonSchema.extend({
  code: z.string().describe('Korte code van de persoon, gemaakt uit de naam.'),
  email: z.string().nullable().describe('Het e-mailadres; alleen voor wie mag bewerken.'),
});
apiSchemas.add(PersoonGegevens, { id: 'PersoonGegevens', description: 'Een persoon met contactgegevens, na een wijziging. Alleen voor wie mag bewerken.' });

const GremiumGegevens = GremiumSchema.omit({ relaties: true });
apiSchemas.add(GremiumGegevens, { id: 'GremiumGegevens', description: 'De eigen velden van een gremium, na een wijziging.' });

const LidmaatschapGegevens = z.object({
  id: z.uuid(),
  gremiumId: z.uuid(),
  persoonId: z.uuid(),
  rol: lidmaatschapFields.rol,
  namens: z.array(NamensSchema),
  versie: z.int().min(1),
});
apiSchemas.add(LidmaatschapGegevens, { id: 'LidmaatschapGegevens', description: 'Een lidmaatschap, na een wijziging.' });

const toOrganisatie = (r: OrganisatieRow): z.infer<typeof OrganisatieSchema> => ({ id: r.id, code: r.code, naam: r.naam, sectoren: r.sectoren, versie: r.versie });
const toPersoon = (r: PersoonRow): z.infer<typeof PersoonGegevens> => ({
  id: r.id,
  code: r.code,
  naam: r.naam,
  functie: r.functie,
  email: r.email,
  organisatieId: r.organisatieId,
  versie: r.versie,
});
const toGremium = (r: GremiumRow): z.infer<typeof GremiumGegevens> => ({
  id: r.id,
  slug: r.slug,
  naam: r.naam,
  type: r.type,
  omschrijving: r.omschrijving,
  opdracht: r.opdracht,
  mandaat: r.mandaat,
  vergaderfrequentie: r.vergaderfrequentie,
  versie: r.versie,
});
const toLidmaatschap = (l: LidmaatschapEditable): z.infer<typeof LidmaatschapGegevens> => ({ ...l });
const toNamens = (list: z.infer<typeof NamensInvoer>[]): Namens[] =>
  list.map((n): Namens => (n.sector ? { sector: n.sector, organisatieId: null } : { sector: null, organisatieId: n.organisatieId! }));

/** POST, PATCH and DELETE on the governance, with the same rules as the edit forms (one service underneath). */
export function registerGovernanceEditApi(api: ApiRegistry, edit: GovernanceEditService): void {
  const gemeenteId = (request: FastifyRequest) => request.gemeente.id;
  const tag = 'Governance';
  const stale = 'Stuur de versie mee die u ophaalde; is die verouderd, dan volgt 409.';
  const archiveNote = 'Het gegeven blijft bewaard in de geschiedenis. Stuur de versie mee in de body.';

  // --- Organisaties ---
  api.write({
    method: 'post',
    path: '/organisaties',
    operationId: 'maakOrganisatie',
    summary: 'Een organisatie toevoegen',
    description: 'Voegt een organisatie toe. De code wordt gemaakt uit de naam (met -2, -3 … als die al bestaat).',
    tag,
    permission: 'governance.bewerken',
    body: OrganisatieInvoer,
    response: OrganisatieSchema,
    status: 201,
    responseDescription: 'De nieuwe organisatie.',
    handler: async (request, reply, { body }) => {
      const row = await edit.createOrganisatie(gemeenteId(request), body, actorOf(request));
      reply.header('Location', `/api/v1/organisaties/${row.id}`);
      return toOrganisatie(row);
    },
  });

  api.write({
    method: 'patch',
    path: '/organisaties/{id}',
    operationId: 'wijzigOrganisatie',
    summary: 'Een organisatie wijzigen',
    description: `Wijzigt de naam en of de sectoren; velden die u weglaat blijven zoals ze zijn. ${stale}`,
    tag,
    permission: 'governance.bewerken',
    params: idParams,
    body: OrganisatieWijziging,
    response: OrganisatieSchema,
    status: 200,
    responseDescription: 'De gewijzigde organisatie, met haar nieuwe versie.',
    handler: async (request, _reply, { params, body }) => {
      const { versie: expected, ...input } = body;
      return toOrganisatie(await edit.updateOrganisatie(gemeenteId(request), params.id, expected, input, actorOf(request)));
    },
  });

  api.write({
    method: 'delete',
    path: '/organisaties/{id}',
    operationId: 'archiveerOrganisatie',
    summary: 'Een organisatie archiveren',
    description: `Haalt een organisatie van de website en uit de API. ${archiveNote} Zit er nog iemand namens de organisatie in een gremium, of horen er nog personen bij, dan volgt 409.`,
    tag,
    permission: 'governance.bewerken',
    params: idParams,
    body: Archivering,
    status: 204,
    responseDescription: 'De organisatie is gearchiveerd.',
    handler: async (request, _reply, { params, body }) => {
      await edit.archiveOrganisatie(gemeenteId(request), params.id, body.versie, actorOf(request));
    },
  });

  // --- Personen ---
  api.write({
    method: 'post',
    path: '/personen',
    operationId: 'maakPersoon',
    summary: 'Een persoon toevoegen',
    description: 'Voegt een persoon toe. De code wordt gemaakt uit de naam (met -2, -3 … als die al bestaat).',
    tag,
    permission: 'governance.bewerken',
    body: PersoonInvoer,
    response: PersoonGegevens,
    status: 201,
    responseDescription: 'De nieuwe persoon, met het e-mailadres.',
    handler: async (request, reply, { body }) => {
      const input = { naam: body.naam, functie: body.functie ?? null, email: body.email ?? null, organisatieId: body.organisatieId ?? null };
      const row = await edit.createPersoon(gemeenteId(request), input, actorOf(request));
      reply.header('Location', `/api/v1/personen/${row.id}`);
      return toPersoon(row);
    },
  });

  api.write({
    method: 'patch',
    path: '/personen/{id}',
    operationId: 'wijzigPersoon',
    summary: 'Een persoon wijzigen',
    description: `Wijzigt naam, functie, e-mailadres en of organisatie; velden die u weglaat blijven zoals ze zijn. ${stale}`,
    tag,
    permission: 'governance.bewerken',
    params: idParams,
    body: PersoonWijziging,
    response: PersoonGegevens,
    status: 200,
    responseDescription: 'De gewijzigde persoon, met de nieuwe versie.',
    handler: async (request, _reply, { params, body }) => {
      const { versie: expected, ...input } = body;
      return toPersoon(await edit.updatePersoon(gemeenteId(request), params.id, expected, input, actorOf(request)));
    },
  });

  api.write({
    method: 'delete',
    path: '/personen/{id}',
    operationId: 'archiveerPersoon',
    summary: 'Een persoon archiveren',
    description: `Haalt een persoon van de website en uit de API. ${archiveNote} Zit de persoon nog in een gremium, dan volgt 409.`,
    tag,
    permission: 'governance.bewerken',
    params: idParams,
    body: Archivering,
    status: 204,
    responseDescription: 'De persoon is gearchiveerd.',
    handler: async (request, _reply, { params, body }) => {
      await edit.archivePersoon(gemeenteId(request), params.id, body.versie, actorOf(request));
    },
  });

  // --- Gremia ---
  api.write({
    method: 'post',
    path: '/gremia',
    operationId: 'maakGremium',
    summary: 'Een gremium toevoegen',
    description: 'Voegt een gremium toe, achteraan de lijst. De slug wordt gemaakt uit de naam (met -2, -3 … als die al bestaat).',
    tag,
    permission: 'governance.bewerken',
    body: GremiumInvoer,
    response: GremiumGegevens,
    status: 201,
    responseDescription: 'Het nieuwe gremium.',
    handler: async (request, reply, { body }) => {
      const input = {
        naam: body.naam,
        type: body.type,
        omschrijving: body.omschrijving ?? null,
        opdracht: body.opdracht ?? null,
        mandaat: body.mandaat ?? null,
        vergaderfrequentie: body.vergaderfrequentie ?? null,
      };
      const row = await edit.createGremium(gemeenteId(request), input, actorOf(request));
      reply.header('Location', `/api/v1/gremia/${row.id}`);
      return toGremium(row);
    },
  });

  api.write({
    method: 'patch',
    path: '/gremia/{id}',
    operationId: 'wijzigGremium',
    summary: 'Een gremium wijzigen',
    description:
      `Wijzigt een gremium; velden die u weglaat blijven zoals ze zijn. ${stale} ` +
      'De voorzitter van een overlegtafel mag alleen omschrijving en vergaderfrequentie van de eigen tafel wijzigen; een ander gremium of een ander veld geeft 403.',
    tag,
    permission: 'gremium.eigen-tafel',
    params: idParams,
    body: GremiumWijziging,
    response: GremiumGegevens,
    status: 200,
    responseDescription: 'Het gewijzigde gremium, met de nieuwe versie.',
    handler: async (request, _reply, { params, body }) => {
      const { versie: expected, ...input } = body;
      return toGremium(await edit.updateGremium(gemeenteId(request), params.id, expected, input, request.user?.rollen, actorOf(request)));
    },
  });

  api.write({
    method: 'delete',
    path: '/gremia/{id}',
    operationId: 'archiveerGremium',
    summary: 'Een gremium archiveren',
    description: `Haalt een gremium van de website en uit de API, met de relaties waarin het voorkomt. ${archiveNote} Heeft het gremium nog leden, dan volgt 409.`,
    tag,
    permission: 'governance.bewerken',
    params: idParams,
    body: Archivering,
    status: 204,
    responseDescription: 'Het gremium is gearchiveerd.',
    handler: async (request, _reply, { params, body }) => {
      await edit.archiveGremium(gemeenteId(request), params.id, body.versie, actorOf(request));
    },
  });

  // --- Lidmaatschappen ---
  api.write({
    method: 'post',
    path: '/gremia/{id}/lidmaatschappen',
    operationId: 'maakLidmaatschap',
    summary: 'Een lid aan een gremium toevoegen',
    description: 'Maakt een persoon lid van een gremium, met een rol en namens wie. Is de persoon al lid, dan volgt 400 bij persoonId.',
    tag,
    permission: 'governance.bewerken',
    params: idParams,
    body: LidmaatschapInvoer,
    response: LidmaatschapGegevens,
    status: 201,
    responseDescription: 'Het nieuwe lidmaatschap.',
    handler: async (request, reply, { params, body }) => {
      const created = await edit.createLidmaatschap(
        gemeenteId(request),
        params.id,
        { persoonId: body.persoonId, rol: body.rol, namens: toNamens(body.namens) },
        actorOf(request),
      );
      reply.header('Location', `/api/v1/lidmaatschappen/${created.id}`);
      return toLidmaatschap(created);
    },
  });

  api.write({
    method: 'patch',
    path: '/lidmaatschappen/{id}',
    operationId: 'wijzigLidmaatschap',
    summary: 'Een lidmaatschap wijzigen',
    description: `Wijzigt de rol en of namens wie het lid in het gremium zit. ${stale}`,
    tag,
    permission: 'governance.bewerken',
    params: idParams,
    body: LidmaatschapWijziging,
    response: LidmaatschapGegevens,
    status: 200,
    responseDescription: 'Het gewijzigde lidmaatschap, met de nieuwe versie.',
    handler: async (request, _reply, { params, body }) => {
      const input = { rol: body.rol, namens: body.namens ? toNamens(body.namens) : undefined };
      return toLidmaatschap(await edit.updateLidmaatschap(gemeenteId(request), params.id, body.versie, input, actorOf(request)));
    },
  });

  api.write({
    method: 'delete',
    path: '/lidmaatschappen/{id}',
    operationId: 'archiveerLidmaatschap',
    summary: 'Een lid uit een gremium halen',
    description: `Archiveert een lidmaatschap. ${archiveNote}`,
    tag,
    permission: 'governance.bewerken',
    params: idParams,
    body: Archivering,
    status: 204,
    responseDescription: 'Het lidmaatschap is gearchiveerd.',
    handler: async (request, _reply, { params, body }) => {
      await edit.archiveLidmaatschap(gemeenteId(request), params.id, body.versie, actorOf(request));
    },
  });
}
