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
    betrokkenen: al.betrokkenen.map(({ naam, gremiumId, organisatieId }) => ({ naam, gremiumId, organisatieId })),
  };
}

function toUitvoeringsagenda(ua: Uitvoeringsagenda, agenda: Agenda): z.infer<typeof UitvoeringsagendaSchema> {
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
      },
    ];
  });
}

export function registerAgendaApi(api: ApiRegistry, agendaService: AgendaService): void {
  api.get({
    path: '/uitvoeringsagendas',
    operationId: 'listUitvoeringsagendas',
    summary: 'Alle uitvoeringsagenda’s',
    description: 'De uitvoeringsagenda’s van de gemeente, nieuwste periode eerst. Eén ervan geldt nu (geldend: true).',
    tag: 'Agenda',
    response: z.array(UitvoeringsagendaSchema),
    responseDescription: 'De uitvoeringsagenda’s.',
    handler: async (request) => {
      const agenda = await agendaService.get(request.gemeente);
      return agenda.uitvoeringsagendas.map((ua) => toUitvoeringsagenda(ua, agenda));
    },
  });

  api.get({
    path: '/uitvoeringsagendas/{id}',
    operationId: 'getUitvoeringsagenda',
    summary: 'Eén uitvoeringsagenda',
    description: 'Een uitvoeringsagenda, gevonden op id, met haar visiedocument.',
    tag: 'Agenda',
    params: idParams,
    response: UitvoeringsagendaSchema,
    responseDescription: 'De uitvoeringsagenda.',
    handler: async (request, { params }) => {
      const agenda = await agendaService.get(request.gemeente);
      const ua = findByIdOr404(agenda.uitvoeringsagendas, params.id, t('api.uitvoeringsagendaNietGevonden', { id: params.id }));
      return toUitvoeringsagenda(ua, agenda);
    },
  });

  api.get({
    path: '/ambities',
    operationId: 'listAmbities',
    summary: 'Alle ambities',
    description: 'De ambities voor de lange termijn uit het visiedocument waar de huidige uitvoeringsagenda onder valt.',
    tag: 'Agenda',
    response: z.array(AmbitieSchema),
    responseDescription: 'De ambities, in de volgorde van het visiedocument.',
    handler: async (request) => (await agendaService.get(request.gemeente)).ambities.map(({ id, code, naam, omschrijving }) => ({ id, code, naam, omschrijving })),
  });

  api.get({
    path: '/ambities/{id}',
    operationId: 'getAmbitie',
    summary: 'Eén ambitie',
    description: 'Een ambitie, gevonden op id.',
    tag: 'Agenda',
    params: idParams,
    response: AmbitieSchema,
    responseDescription: 'De ambitie.',
    handler: async (request, { params }) => {
      const { id, code, naam, omschrijving } = findByIdOr404(
        (await agendaService.get(request.gemeente)).ambities,
        params.id,
        t('api.ambitieNietGevonden', { id: params.id }),
      );
      return { id, code, naam, omschrijving };
    },
  });

  api.get({
    path: '/actielijnen',
    operationId: 'listActielijnen',
    summary: 'Alle actielijnen',
    description: 'De actielijnen van de uitvoeringsagenda die nu geldt, op nummer, met hun focusdoelen en betrokkenen.',
    tag: 'Agenda',
    response: z.array(ActielijnSchema),
    responseDescription: 'De actielijnen, op nummer.',
    handler: async (request) => {
      const agenda = await agendaService.get(request.gemeente);
      return agenda.actielijnen.map((al) => toActielijn(al, agenda));
    },
  });

  api.get({
    path: '/actielijnen/{id}',
    operationId: 'getActielijn',
    summary: 'Eén actielijn',
    description: 'Een actielijn, gevonden op id, met haar focusdoelen en betrokkenen.',
    tag: 'Agenda',
    params: idParams,
    response: ActielijnSchema,
    responseDescription: 'De actielijn.',
    handler: async (request, { params }) => {
      const agenda = await agendaService.get(request.gemeente);
      const al = findByIdOr404(agenda.actielijnen, params.id, t('api.actielijnNietGevonden', { id: params.id }));
      return toActielijn(al, agenda);
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
      const agenda = await agendaService.get(request.gemeente);
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
      const agenda = await agendaService.get(request.gemeente);
      const all = agenda.actielijnen.flatMap((al) => al.focusdoelen);
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
    handler: async (request) =>
      (await agendaService.get(request.gemeente)).oab.categorieen.map(({ id, code, naam }) => ({ id, code, naam })),
  });

  api.get({
    path: '/oab-afspraken',
    operationId: 'listOabAfspraken',
    summary: 'De OAB-afspraken',
    description: 'De afspraken over onderwijsachterstandenbeleid, nieuwste jaar eerst. Filter op jaar of categorie.',
    tag: 'OAB',
    query: z.object({
      jaar: z.coerce.number().int().min(2000).max(2100).optional().describe('Alleen de afspraken van dit jaar.'),
      categorie: z
        .string()
        .regex(/^[a-z0-9-]+$/)
        .max(80)
        .optional()
        .describe('Alleen de afspraken in de categorie met deze code, bijvoorbeeld voorkomen-segregatie.'),
    }),
    response: z.array(OabAfspraakSchema),
    responseDescription: 'De afspraken.',
    handler: async (request, { query }) =>
      toOabAfspraken(await agendaService.get(request.gemeente)).filter(
        (a) => (query.jaar === undefined || a.jaar === query.jaar) && (query.categorie === undefined || a.categorie.code === query.categorie),
      ),
  });

  api.get({
    path: '/oab-afspraken/{id}',
    operationId: 'getOabAfspraak',
    summary: 'Eén OAB-afspraak',
    description: 'Een OAB-afspraak, gevonden op id.',
    tag: 'OAB',
    params: idParams,
    response: OabAfspraakSchema,
    responseDescription: 'De afspraak.',
    handler: async (request, { params }) =>
      findByIdOr404(toOabAfspraken(await agendaService.get(request.gemeente)), params.id, t('api.oabAfspraakNietGevonden', { id: params.id })),
  });
}
