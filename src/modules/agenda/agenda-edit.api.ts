import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiSchemas, idParams, type ApiRegistry } from '../../api/api-registry.js';
import { actorOf } from '../../plugins/auth.js';
import type { AgendaEditService, FocusdoelEditable } from './agenda-edit.service.js';
import { actielijnFields } from './agenda-edit.schemas.js';
import { t } from '../../i18n/index.js';
import { AmbitieVerwijzingSchema, FocusdoelSchema } from './agenda.schemas.js';

const versie = z.int().min(1).describe('De versie waarop uw wijziging voortbouwt (uit het laatst opgehaalde gegeven).');

const ActielijnWijziging = z.object({
  versie,
  titel: actielijnFields.titel.describe('De titel van de actielijn.'),
  kernwoord: z.string().max(200).nullable().describe('Het deel van de titel dat de agenda benadrukt, of null.'),
  beleidsthema: actielijnFields.beleidsthema.describe('Aanleiding en inhoudelijke focus.'),
  ambities: z
    .array(z.uuid(t('ambitieBewerken.actielijnOnbekend')))
    .min(1, t('ambitieBewerken.actielijnGeen'))
    .max(50)
    .optional()
    .describe('De ids van de ambities waar de actielijn aan bijdraagt, minstens één. Laat weg om ze niet te wijzigen.'),
});

const FocusdoelInvoer = z.object({
  tekst: z.string().trim().min(1).max(2000).describe('De tekst van het focusdoel.'),
  subpunten: z.array(z.string().trim().min(1).max(1000)).max(20).default([]).describe('De subpunten, in volgorde.'),
});

const FocusdoelWijziging = FocusdoelInvoer.extend({ versie });
const Archivering = z.object({ versie });

const ActielijnResultaat = z.object({
  id: z.uuid(),
  nummer: z.int(),
  titel: z.string(),
  kernwoord: z.string().nullable(),
  beleidsthema: z.string(),
  ambities: z.array(AmbitieVerwijzingSchema).describe('De ambities waar de actielijn aan bijdraagt.'),
  versie: z.int(),
});
apiSchemas.add(ActielijnResultaat, { id: 'ActielijnGegevens', description: 'De eigen velden van een actielijn, na een wijziging.' });

function toFocusdoel(fd: FocusdoelEditable): z.infer<typeof FocusdoelSchema> {
  return {
    id: fd.id,
    actielijnId: fd.actielijnId,
    positie: fd.positie,
    tekst: fd.tekst,
    subpunten: fd.subpunten.map((tekst, index) => ({ volgorde: index + 1, tekst })),
    versie: fd.versie,
  };
}

/** PATCH, POST and DELETE on the agenda, with the same rules as the edit forms (one service underneath). */
export function registerAgendaEditApi(api: ApiRegistry, edit: AgendaEditService): void {
  const gemeenteId = (request: FastifyRequest) => request.gemeente.id;

  api.write({
    method: 'patch',
    path: '/actielijnen/{id}',
    operationId: 'wijzigActielijn',
    summary: 'Een actielijn wijzigen',
    description: 'Wijzigt titel, kernwoord, beleidsthema en (als u ze meestuurt) de ambities. Stuur de versie mee die u ophaalde; is die verouderd, dan volgt 409.',
    tag: 'Uitvoeringsagenda',
    permission: 'agenda.bewerken',
    params: idParams,
    body: ActielijnWijziging,
    response: ActielijnResultaat,
    status: 200,
    responseDescription: 'De gewijzigde actielijn, met haar nieuwe versie.',
    handler: async (request, _reply, { params, body }) => {
      const { versie: expected, ...input } = body;
      const row = await edit.updateActielijn(gemeenteId(request), params.id, expected, input, actorOf(request));
      return ActielijnResultaat.parse(row);
    },
  });

  api.write({
    method: 'post',
    path: '/actielijnen/{id}/focusdoelen',
    operationId: 'maakFocusdoel',
    summary: 'Een focusdoel toevoegen',
    description: 'Voegt een focusdoel toe aan een actielijn. Een actielijn heeft hoogstens twee focusdoelen; een derde geeft 409.',
    tag: 'Uitvoeringsagenda',
    permission: 'agenda.bewerken',
    params: idParams,
    body: FocusdoelInvoer,
    response: FocusdoelSchema,
    status: 201,
    responseDescription: 'Het nieuwe focusdoel.',
    handler: async (request, reply, { params, body }) => {
      const created = await edit.createFocusdoel(gemeenteId(request), params.id, body, actorOf(request));
      reply.header('Location', `/api/v1/focusdoelen/${created.id}`);
      return toFocusdoel(created);
    },
  });

  api.write({
    method: 'patch',
    path: '/focusdoelen/{id}',
    operationId: 'wijzigFocusdoel',
    summary: 'Een focusdoel wijzigen',
    description: 'Vervangt de tekst en de subpunten van een focusdoel. Stuur de versie mee; is die verouderd, dan volgt 409.',
    tag: 'Uitvoeringsagenda',
    permission: 'agenda.bewerken',
    params: idParams,
    body: FocusdoelWijziging,
    response: FocusdoelSchema,
    status: 200,
    responseDescription: 'Het gewijzigde focusdoel.',
    handler: async (request, _reply, { params, body }) => {
      const { versie: expected, ...input } = body;
      return toFocusdoel(await edit.updateFocusdoel(gemeenteId(request), params.id, expected, input, actorOf(request)));
    },
  });

  api.write({
    method: 'delete',
    path: '/focusdoelen/{id}',
    operationId: 'archiveerFocusdoel',
    summary: 'Een focusdoel archiveren',
    description: 'Haalt een focusdoel van de agenda; het blijft bewaard in de geschiedenis. Stuur de versie mee in de body.',
    tag: 'Uitvoeringsagenda',
    permission: 'agenda.bewerken',
    params: idParams,
    body: Archivering,
    status: 204,
    responseDescription: 'Het focusdoel is gearchiveerd.',
    handler: async (request, _reply, { params, body }) => {
      await edit.archiveFocusdoel(gemeenteId(request), params.id, body.versie, actorOf(request));
    },
  });
}
