import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, type ApiRegistry } from '../../api/api-registry.js';
import { t } from '../../i18n/index.js';
import { findByIdOr404 } from '../../lib/find.js';
import {
  ActielijnSchema,
  AmbitieSchema,
  FocusdoelSchema,
  OabAfspraakSchema,
  OabCategorieSchema,
  UitvoeringsagendaSchema,
} from './agenda.schemas.js';
import type { Actielijn, Agenda, Focusdoel, Uitvoeringsagenda } from './agenda.service.js';
import type { AgendaService } from './agenda.service.js';

function toFocusdoel(fd: Focusdoel): z.infer<typeof FocusdoelSchema> {
  return {
    id: fd.id,
    actielijnId: fd.actielijnId,
    positie: fd.positie,
    tekst: fd.tekst,
    subpunten: fd.subpunten.map(({ volgorde, tekst }) => ({ volgorde, tekst })),
    versie: fd.versie,
  };
}

function toActielijn(al: Actielijn, agenda: Agenda): z.infer<typeof ActielijnSchema> {
  return {
    id: al.id,
    nummer: al.nummer,
    titel: al.titel,
    kernwoord: al.kernwoord,
    beleidsthema: al.beleidsthema,
    ambities: al.ambitieIds.flatMap((id) => {
      const ambitie = agenda.ambities.find((a) => a.id === id);
      return ambitie ? [{ id: ambitie.id, naam: ambitie.naam }] : [];
    }),
    focusdoelen: al.focusdoelen.map(toFocusdoel),
    betrokkenen: al.betrokkenen.map(({ id, naam, gremiumId, organisatieId, versie }) => ({ id, naam, gremiumId, organisatieId, versie })),
    versie: al.versie,
  };
}

export function toUitvoeringsagenda(ua: Uitvoeringsagenda, agenda: Agenda): z.infer<typeof UitvoeringsagendaSchema> {
  const visie = agenda.visiedocumenten.find((v) => v.id === ua.visiedocumentId);
  return {
    id: ua.id,
    titel: ua.titel,
    periodeStart: ua.periodeStart,
    periodeEind: ua.periodeEind,
    status: ua.status,
    versie: ua.versie,
    geldend: ua.id === agenda.uitvoeringsagenda?.id,
    overkoepelendThema: ua.overkoepelendThema,
    voorwoord: ua.voorwoord,
    evaluatie: ua.evaluatie,
    visiedocument: visie
      ? { id: visie.id, titel: visie.titel, beginjaar: visie.periodeStart, eindjaar: visie.periodeEind, bron: visie.bron }
      : null,
  };
}

function toOabAfspraken(agenda: Agenda): z.infer<typeof OabAfspraakSchema>[] {
  return agenda.oab.afspraken.flatMap((afspraak) => {
    const categorie = agenda.oab.categorieen.find((c) => c.id === afspraak.categorieId);
    if (!categorie) return [];
    return [
      {
        id: afspraak.id,
        jaar: afspraak.jaar,
        nummer: afspraak.nummer,
        tekst: afspraak.tekst,
        categorie: { id: categorie.id, code: categorie.code, naam: categorie.naam },
        versie: afspraak.versie,
      },
    ];
  });
}

export function registerAgendaApi(api: ApiRegistry, agendaService: AgendaService): void {
  const agendaOf = (request: FastifyRequest) => agendaService.get(request.gemeente);

  api.collection({
    path: '/uitvoeringsagendas',
    tag: 'Agenda',
    schema: UitvoeringsagendaSchema,
    items: async (request) => {
      const agenda = await agendaOf(request);
      return agenda.uitvoeringsagendas.map((ua) => toUitvoeringsagenda(ua, agenda));
    },
    list: {
      operationId: 'listUitvoeringsagendas',
      summary: 'Alle uitvoeringsagenda’s',
      description: 'De uitvoeringsagenda’s van de gemeente, nieuwste periode eerst. Eén ervan geldt nu (geldend: true).',
      responseDescription: 'De uitvoeringsagenda’s.',
    },
    item: {
      operationId: 'getUitvoeringsagenda',
      summary: 'Eén uitvoeringsagenda',
      description: 'Een uitvoeringsagenda, gevonden op id, met haar visiedocument.',
      responseDescription: 'De uitvoeringsagenda.',
      notFound: (id) => t('api.uitvoeringsagendaNietGevonden', { id }),
    },
  });

  api.collection({
    path: '/ambities',
    tag: 'Agenda',
    schema: AmbitieSchema,
    items: async (request) =>
      (await agendaOf(request)).ambities.map(({ id, code, naam, omschrijving, volgorde, versie }) => ({ id, code, naam, omschrijving, volgorde, versie })),
    list: {
      operationId: 'listAmbities',
      summary: 'Alle ambities',
      description: 'De ambities voor de lange termijn uit het visiedocument waar de huidige uitvoeringsagenda onder valt.',
      responseDescription: 'De ambities, in de volgorde van het visiedocument.',
    },
    item: {
      operationId: 'getAmbitie',
      summary: 'Eén ambitie',
      description: 'Een ambitie, gevonden op id.',
      responseDescription: 'De ambitie.',
      notFound: (id) => t('api.ambitieNietGevonden', { id }),
    },
  });

  api.collection({
    path: '/actielijnen',
    tag: 'Agenda',
    schema: ActielijnSchema,
    items: async (request) => {
      const agenda = await agendaOf(request);
      return agenda.actielijnen.map((al) => toActielijn(al, agenda));
    },
    list: {
      operationId: 'listActielijnen',
      summary: 'Alle actielijnen',
      description: 'De actielijnen van de uitvoeringsagenda die nu geldt, op nummer, met hun focusdoelen en betrokkenen.',
      responseDescription: 'De actielijnen, op nummer.',
    },
    item: {
      operationId: 'getActielijn',
      summary: 'Eén actielijn',
      description: 'Een actielijn, gevonden op id, met haar focusdoelen en betrokkenen.',
      responseDescription: 'De actielijn.',
      notFound: (id) => t('api.actielijnNietGevonden', { id }),
    },
  });

  api.get({
    path: '/actielijnen/{id}/focusdoelen',
    operationId: 'listFocusdoelenVanActielijn',
    summary: 'De focusdoelen van een actielijn',
    description: 'De focusdoelen (hoogstens twee) van één actielijn, met hun subpunten.',
    tag: 'Agenda',
    params: idParams,
    response: z.array(FocusdoelSchema),
    responseDescription: 'De focusdoelen, op positie.',
    handler: async (request, { params }) => {
      const agenda = await agendaOf(request);
      const al = findByIdOr404(agenda.actielijnen, params.id, t('api.actielijnNietGevonden', { id: params.id }));
      return al.focusdoelen.map(toFocusdoel);
    },
  });

  api.get({
    path: '/focusdoelen/{id}',
    operationId: 'getFocusdoel',
    summary: 'Eén focusdoel',
    description: 'Een focusdoel, gevonden op id.',
    tag: 'Agenda',
    params: idParams,
    response: FocusdoelSchema,
    responseDescription: 'Het focusdoel.',
    handler: async (request, { params }) => {
      const all = (await agendaOf(request)).actielijnen.flatMap((al) => al.focusdoelen);
      return toFocusdoel(findByIdOr404(all, params.id, t('api.focusdoelNietGevonden', { id: params.id })));
    },
  });

  api.get({
    path: '/oab-categorieen',
    operationId: 'listOabCategorieen',
    summary: 'De categorieën van de OAB-afspraken',
    description: 'De vier onderwerpen waarover jaarlijks OAB-afspraken worden gemaakt.',
    tag: 'OAB',
    response: z.array(OabCategorieSchema),
    responseDescription: 'De categorieën, in vaste volgorde.',
    handler: async (request) => (await agendaOf(request)).oab.categorieen.map(({ id, code, naam }) => ({ id, code, naam })),
  });

  api.collection({
    path: '/oab-afspraken',
    tag: 'OAB',
    schema: OabAfspraakSchema,
    items: async (request) => toOabAfspraken(await agendaOf(request)),
    list: {
      operationId: 'listOabAfspraken',
      summary: 'De OAB-afspraken',
      description: 'De afspraken over onderwijsachterstandenbeleid, nieuwste jaar eerst. Filter op jaar of categorie.',
      responseDescription: 'De afspraken.',
      query: z.object({
        jaar: z.coerce.number().int().min(2000).max(2100).optional().describe('Alleen de afspraken van dit jaar.'),
        categorie: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .max(80)
          .optional()
          .describe('Alleen de afspraken in de categorie met deze code, bijvoorbeeld voorkomen-segregatie.'),
      }),
      filter: (afspraak, query) =>
        (query.jaar === undefined || afspraak.jaar === query.jaar) &&
        (query.categorie === undefined || afspraak.categorie.code === query.categorie),
    },
    item: {
      operationId: 'getOabAfspraak',
      summary: 'Eén OAB-afspraak',
      description: 'Een OAB-afspraak, gevonden op id.',
      responseDescription: 'De afspraak.',
      notFound: (id) => t('api.oabAfspraakNietGevonden', { id }),
    },
  });
}
