import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, type ApiRegistry } from '../../api/api-registry.js';
import { t } from '../../i18n/index.js';
import { actorOf } from '../../plugins/auth.js';
import { AmbitieSchema } from './agenda.schemas.js';
import type { AmbitieRow } from './ambitie-edit.repository.js';
import { AMBITIE_CODE, AMBITIE_CODE_MAX, AMBITIE_NAAM_MAX, AMBITIE_OMSCHRIJVING_MAX, VOLGORDE_MAX } from './ambitie-edit.schemas.js';
import type { AmbitieEditService } from './ambitie-edit.service.js';

const versie = z.int().min(1).describe('De versie waarop uw wijziging voortbouwt (uit het laatst opgehaalde gegeven).');
const volgorde = z.int().min(1).max(VOLGORDE_MAX);

const AmbitieInvoer = z.object({
  code: z
    .string()
    .max(AMBITIE_CODE_MAX, t('fout.veld.teLang', { max: AMBITIE_CODE_MAX }))
    .regex(AMBITIE_CODE, t('ambitieBewerken.codeVorm'))
    .describe('Korte code, uniek binnen het visiedocument: kleine letters, cijfers en streepjes, zoals gelijke-kansen.'),
  naam: z
    .string()
    .trim()
    .min(1, t('ambitieBewerken.naamLeeg'))
    .max(AMBITIE_NAAM_MAX, t('fout.veld.teLang', { max: AMBITIE_NAAM_MAX }))
    .describe('De naam van de ambitie.'),
  omschrijving: z
    .string()
    .trim()
    .min(1, t('ambitieBewerken.omschrijvingLeeg'))
    .max(AMBITIE_OMSCHRIJVING_MAX, t('fout.veld.teLang', { max: AMBITIE_OMSCHRIJVING_MAX }))
    .describe('Wat de ambitie inhoudt.'),
  volgorde: volgorde.optional().describe('Plaats in de lijst; de laagste staat bovenaan. Zonder volgorde komt de ambitie onderaan.'),
});

const AmbitieWijziging = AmbitieInvoer.extend({
  versie,
  volgorde: volgorde.describe('Plaats in de lijst; de laagste staat bovenaan.'),
});

const Archivering = z.object({ versie });

function toAmbitie(row: AmbitieRow): z.infer<typeof AmbitieSchema> {
  return { id: row.id, code: row.code, naam: row.naam, omschrijving: row.omschrijving, volgorde: row.volgorde, versie: row.versie };
}

/** POST, PATCH and DELETE on ambities, with the same rules as the forms (one service underneath). */
export function registerAmbitieEditApi(api: ApiRegistry, edit: AmbitieEditService): void {
  const gemeenteId = (request: FastifyRequest) => request.gemeente.id;

  api.write({
    method: 'post',
    path: '/ambities',
    operationId: 'maakAmbitie',
    summary: 'Een ambitie toevoegen',
    description:
      'Voegt een ambitie toe aan het visiedocument van de uitvoeringsagenda die nu geldt. De code moet uniek zijn binnen dat ' +
      'visiedocument (ook gearchiveerde ambities tellen mee); een bestaande code geeft 400 met invalidParams body.code.',
    tag: 'Uitvoeringsagenda',
    permission: 'agenda.bewerken',
    body: AmbitieInvoer,
    response: AmbitieSchema,
    status: 201,
    responseDescription: 'De nieuwe ambitie.',
    handler: async (request, reply, { body }) => {
      const row = await edit.create(gemeenteId(request), { ...body, volgorde: body.volgorde ?? null }, actorOf(request));
      reply.header('Location', `/api/v1/ambities/${row.id}`);
      return toAmbitie(row);
    },
  });

  api.write({
    method: 'patch',
    path: '/ambities/{id}',
    operationId: 'wijzigAmbitie',
    summary: 'Een ambitie wijzigen',
    description: 'Wijzigt code, naam, omschrijving en volgorde. Stuur de versie mee die u ophaalde; is die verouderd, dan volgt 409.',
    tag: 'Uitvoeringsagenda',
    permission: 'agenda.bewerken',
    params: idParams,
    body: AmbitieWijziging,
    response: AmbitieSchema,
    status: 200,
    responseDescription: 'De gewijzigde ambitie, met haar nieuwe versie.',
    handler: async (request, _reply, { params, body }) => {
      const { versie: expected, ...input } = body;
      return toAmbitie(await edit.update(gemeenteId(request), params.id, expected, input, actorOf(request)));
    },
  });

  api.write({
    method: 'delete',
    path: '/ambities/{id}',
    operationId: 'archiveerAmbitie',
    summary: 'Een ambitie archiveren',
    description:
      'Haalt een ambitie van de agenda; ze blijft bewaard in de geschiedenis. Stuur de versie mee in de body. Is de ambitie ' +
      'de enige ambitie van een actielijn, dan volgt 409: kies eerst een andere ambitie voor die actielijn.',
    tag: 'Uitvoeringsagenda',
    permission: 'agenda.bewerken',
    params: idParams,
    body: Archivering,
    status: 204,
    responseDescription: 'De ambitie is gearchiveerd.',
    handler: async (request, _reply, { params, body }) => {
      await edit.archive(gemeenteId(request), params.id, body.versie, actorOf(request));
    },
  });
}
