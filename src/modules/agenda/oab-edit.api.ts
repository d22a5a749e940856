import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, type ApiRegistry } from '../../api/api-registry.js';
import { t } from '../../i18n/index.js';
import { actorOf } from '../../plugins/auth.js';
import { OabAfspraakSchema } from './agenda.schemas.js';
import type { OabAfspraakRow, OabCategorieRow } from './oab-edit.repository.js';
import { JAAR_MAX, JAAR_MIN, NUMMER_MAX, OAB_TEKST_MAX } from './oab-edit.schemas.js';
import type { OabEditService } from './oab-edit.service.js';

const versie = z.int().min(1).describe('De versie waarop uw wijziging voortbouwt (uit het laatst opgehaalde gegeven).');
const nummer = z.int().min(1, t('oabBewerken.nummerOngeldig')).max(NUMMER_MAX, t('oabBewerken.nummerOngeldig'));

const AfspraakInvoer = z.object({
  categorieId: z.uuid(t('oabBewerken.categorieOnbekend')).describe('De id van de categorie (zie /oab-categorieen).'),
  jaar: z.int(t('oabBewerken.jaarOngeldig')).min(JAAR_MIN, t('oabBewerken.jaarOngeldig')).max(JAAR_MAX, t('oabBewerken.jaarOngeldig')).describe('Het jaar waarvoor de afspraak geldt.'),
  nummer: nummer
    .optional()
    .describe('Het nummer binnen categorie en jaar, uniek (ook gearchiveerde afspraken tellen mee). Zonder nummer krijgt de afspraak het eerstvolgende vrije nummer.'),
  tekst: z
    .string()
    .trim()
    .min(1, t('oabBewerken.tekstLeeg'))
    .max(OAB_TEKST_MAX, t('fout.veld.teLang', { max: OAB_TEKST_MAX }))
    .describe('De tekst van de afspraak.'),
});

const AfspraakWijziging = AfspraakInvoer.extend({
  versie,
  nummer: nummer.describe('Het nummer binnen categorie en jaar, uniek (ook gearchiveerde afspraken tellen mee).'),
});

const Archivering = z.object({ versie });

function toAfspraak(row: OabAfspraakRow & { categorie: OabCategorieRow }): z.infer<typeof OabAfspraakSchema> {
  return {
    id: row.id,
    jaar: row.jaar,
    nummer: row.nummer,
    tekst: row.tekst,
    categorie: { id: row.categorie.id, code: row.categorie.code, naam: row.categorie.naam },
    versie: row.versie,
  };
}

/** POST, PATCH and DELETE on OAB-afspraken, with the same rules as the forms (one service underneath). */
export function registerOabEditApi(api: ApiRegistry, edit: OabEditService): void {
  const gemeenteId = (request: FastifyRequest) => request.gemeente.id;

  api.write({
    method: 'post',
    path: '/oab-afspraken',
    operationId: 'maakOabAfspraak',
    summary: 'Een OAB-afspraak toevoegen',
    description:
      'Voegt een afspraak toe in een categorie en een jaar (2000 tot en met 2100). Een nummer dat in die categorie en dat jaar ' +
      'al gebruikt is, geeft 400 met invalidParams body.nummer.',
    tag: 'OAB',
    permission: 'agenda.bewerken',
    body: AfspraakInvoer,
    response: OabAfspraakSchema,
    status: 201,
    responseDescription: 'De nieuwe afspraak.',
    handler: async (request, reply, { body }) => {
      const row = await edit.createAfspraak(gemeenteId(request), { ...body, nummer: body.nummer ?? null }, actorOf(request));
      reply.header('Location', `/api/v1/oab-afspraken/${row.id}`);
      return toAfspraak(row);
    },
  });

  api.write({
    method: 'patch',
    path: '/oab-afspraken/{id}',
    operationId: 'wijzigOabAfspraak',
    summary: 'Een OAB-afspraak wijzigen',
    description: 'Wijzigt categorie, jaar, nummer en tekst. Stuur de versie mee die u ophaalde; is die verouderd, dan volgt 409.',
    tag: 'OAB',
    permission: 'agenda.bewerken',
    params: idParams,
    body: AfspraakWijziging,
    response: OabAfspraakSchema,
    status: 200,
    responseDescription: 'De gewijzigde afspraak, met haar nieuwe versie.',
    handler: async (request, _reply, { params, body }) => {
      const { versie: expected, ...input } = body;
      return toAfspraak(await edit.updateAfspraak(gemeenteId(request), params.id, expected, input, actorOf(request)));
    },
  });

  api.write({
    method: 'delete',
    path: '/oab-afspraken/{id}',
    operationId: 'archiveerOabAfspraak',
    summary: 'Een OAB-afspraak archiveren',
    description: 'Haalt een afspraak van de lijst; ze blijft bewaard in de geschiedenis en haar nummer blijft bezet. Stuur de versie mee in de body.',
    tag: 'OAB',
    permission: 'agenda.bewerken',
    params: idParams,
    body: Archivering,
    status: 204,
    responseDescription: 'De afspraak is gearchiveerd.',
    handler: async (request, _reply, { params, body }) => {
      await edit.archiveAfspraak(gemeenteId(request), params.id, body.versie, actorOf(request));
    },
  });
}
