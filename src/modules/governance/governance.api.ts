import { z } from 'zod';
import { idParams, type ApiRegistry } from '../../api/api-registry.js';
import { gremiumTypeEnum } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { findByIdOr404 } from '../../lib/find.js';
import { GremiumSchema, LidmaatschapSchema, OrganisatieSchema, PersoonSchema } from './governance.schemas.js';
import type { Governance, Gremium, GovernanceService } from './governance.service.js';

function toGremium(gremium: Gremium, governance: Governance): z.infer<typeof GremiumSchema> {
  return {
    ...gremium,
    relaties: governance.relaties
      .filter((r) => r.vanGremiumId === gremium.id || r.naarGremiumId === gremium.id)
      .map(({ soort, vanGremiumId, naarGremiumId, omschrijving }) => ({ soort, vanGremiumId, naarGremiumId, omschrijving })),
  };
}

export function registerGovernanceApi(api: ApiRegistry, governanceService: GovernanceService): void {
  api.get({
    path: '/gremia',
    operationId: 'listGremia',
    summary: 'Alle gremia',
    description: 'De overleggen binnen de LEA, met hun opdracht, mandaat en onderlinge relaties. Filter op type.',
    tag: 'Governance',
    query: z.object({ type: z.enum(gremiumTypeEnum.enumValues).optional().describe('Alleen gremia van dit type.') }),
    response: z.array(GremiumSchema),
    responseDescription: 'De gremia.',
    handler: async (request, { query }) => {
      const governance = await governanceService.get(request.gemeente);
      return governance.gremia.filter((g) => !query.type || g.type === query.type).map((g) => toGremium(g, governance));
    },
  });

  api.get({
    path: '/gremia/{id}',
    operationId: 'getGremium',
    summary: 'Eén gremium',
    description: 'Een gremium, gevonden op id.',
    tag: 'Governance',
    params: idParams,
    response: GremiumSchema,
    responseDescription: 'Het gremium.',
    handler: async (request, { params }) => {
      const governance = await governanceService.get(request.gemeente);
      return toGremium(findByIdOr404(governance.gremia, params.id, t('api.gremiumNietGevonden', { id: params.id })), governance);
    },
  });

  api.get({
    path: '/gremia/{id}/lidmaatschappen',
    operationId: 'listLidmaatschappenVanGremium',
    summary: 'De leden van een gremium',
    description: 'Wie er in een gremium zit, met welke rol en namens wie.',
    tag: 'Governance',
    params: idParams,
    response: z.array(LidmaatschapSchema),
    responseDescription: 'De lidmaatschappen.',
    handler: async (request, { params }) => {
      const governance = await governanceService.get(request.gemeente);
      const gremium = findByIdOr404(governance.gremia, params.id, t('api.gremiumNietGevonden', { id: params.id }));
      return governance.lidmaatschappen
        .filter((l) => l.gremiumId === gremium.id)
        .flatMap((l) => {
          const persoon = governance.personen.find((p) => p.id === l.persoonId);
          return persoon ? [{ id: l.id, gremiumId: l.gremiumId, rol: l.rol, persoon, namens: l.namens }] : [];
        });
    },
  });

  api.get({
    path: '/organisaties',
    operationId: 'listOrganisaties',
    summary: 'Alle organisaties',
    description: 'De organisaties die aan de LEA deelnemen, met hun sectoren.',
    tag: 'Governance',
    response: z.array(OrganisatieSchema),
    responseDescription: 'De organisaties, op naam.',
    handler: async (request) => (await governanceService.get(request.gemeente)).organisaties,
  });

  api.get({
    path: '/organisaties/{id}',
    operationId: 'getOrganisatie',
    summary: 'Eén organisatie',
    description: 'Een organisatie, gevonden op id.',
    tag: 'Governance',
    params: idParams,
    response: OrganisatieSchema,
    responseDescription: 'De organisatie.',
    handler: async (request, { params }) =>
      findByIdOr404((await governanceService.get(request.gemeente)).organisaties, params.id, t('api.organisatieNietGevonden', { id: params.id })),
  });

  api.get({
    path: '/personen',
    operationId: 'listPersonen',
    summary: 'Alle personen',
    description: 'De personen in de gremia van de LEA: alleen naam, functie en organisatie.',
    tag: 'Governance',
    response: z.array(PersoonSchema),
    responseDescription: 'De personen, op naam.',
    handler: async (request) => (await governanceService.get(request.gemeente)).personen,
  });

  api.get({
    path: '/personen/{id}',
    operationId: 'getPersoon',
    summary: 'Eén persoon',
    description: 'Een persoon, gevonden op id.',
    tag: 'Governance',
    params: idParams,
    response: PersoonSchema,
    responseDescription: 'De persoon.',
    handler: async (request, { params }) =>
      findByIdOr404((await governanceService.get(request.gemeente)).personen, params.id, t('api.persoonNietGevonden', { id: params.id })),
  });
}
