import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, type ApiRegistry } from '../../api/api-registry.js';
import { gremiumTypeEnum } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { NotFoundError } from '../../lib/errors.js';
import { findByIdOr404 } from '../../lib/find.js';
import { GremiumSchema, LidmaatschapSchema, OrganisatieSchema, PersoonSchema } from './governance.schemas.js';
import type { Governance, Gremium, GovernanceService, Lidmaatschap } from './governance.service.js';

function toGremium(gremium: Gremium, governance: Governance): z.infer<typeof GremiumSchema> {
  return {
    ...gremium,
    relaties: governance.relaties
      .filter((r) => r.vanGremiumId === gremium.id || r.naarGremiumId === gremium.id)
      .map(({ id, soort, vanGremiumId, naarGremiumId, omschrijving, versie }) => ({ id, soort, vanGremiumId, naarGremiumId, omschrijving, versie })),
  };
}

/** A member as the public API shows it: the person's public fields only (never the e-mail address). */
function toLidmaatschap(l: Lidmaatschap, governance: Governance): z.infer<typeof LidmaatschapSchema>[] {
  const persoon = governance.personen.find((p) => p.id === l.persoonId);
  if (!persoon) return [];
  const { id, naam, functie, organisatieId, versie } = persoon;
  return [{ id: l.id, gremiumId: l.gremiumId, rol: l.rol, persoon: { id, naam, functie, organisatieId, versie }, namens: l.namens, versie: l.versie }];
}

export function registerGovernanceApi(api: ApiRegistry, governanceService: GovernanceService): void {
  const governanceOf = (request: FastifyRequest) => governanceService.get(request.gemeente);

  api.collection({
    path: '/gremia',
    tag: 'Governance',
    schema: GremiumSchema,
    items: async (request) => {
      const governance = await governanceOf(request);
      return governance.gremia.map((g) => toGremium(g, governance));
    },
    list: {
      operationId: 'listGremia',
      summary: 'Alle gremia',
      description: 'De overleggen binnen de LEA, met hun opdracht, mandaat en onderlinge relaties. Filter op type.',
      responseDescription: 'De gremia.',
      query: z.object({ type: z.enum(gremiumTypeEnum.enumValues).optional().describe('Alleen gremia van dit type.') }),
      filter: (gremium, query) => !query.type || gremium.type === query.type,
    },
    item: {
      operationId: 'getGremium',
      summary: 'Eén gremium',
      description: 'Een gremium, gevonden op id.',
      responseDescription: 'Het gremium.',
      notFound: (id) => t('api.gremiumNietGevonden', { id }),
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
      const governance = await governanceOf(request);
      const gremium = findByIdOr404(governance.gremia, params.id, t('api.gremiumNietGevonden', { id: params.id }));
      return governance.lidmaatschappen.filter((l) => l.gremiumId === gremium.id).flatMap((l) => toLidmaatschap(l, governance));
    },
  });

  api.get({
    path: '/lidmaatschappen/{id}',
    operationId: 'getLidmaatschap',
    summary: 'Eén lidmaatschap',
    description: 'Een lidmaatschap, gevonden op id: wie, in welk gremium, met welke rol en namens wie. Met de versie die u nodig heeft om het te wijzigen.',
    tag: 'Governance',
    params: idParams,
    response: LidmaatschapSchema,
    responseDescription: 'Het lidmaatschap.',
    handler: async (request, { params }) => {
      const governance = await governanceOf(request);
      const lidmaatschap = findByIdOr404(governance.lidmaatschappen, params.id, t('api.lidmaatschapNietGevonden', { id: params.id }));
      const [found] = toLidmaatschap(lidmaatschap, governance);
      if (!found) throw new NotFoundError(t('api.lidmaatschapNietGevonden', { id: params.id }));
      return found;
    },
  });

  api.collection({
    path: '/organisaties',
    tag: 'Governance',
    schema: OrganisatieSchema,
    items: async (request) => (await governanceOf(request)).organisaties,
    list: {
      operationId: 'listOrganisaties',
      summary: 'Alle organisaties',
      description: 'De organisaties die aan de LEA deelnemen, met hun sectoren.',
      responseDescription: 'De organisaties, op naam.',
    },
    item: {
      operationId: 'getOrganisatie',
      summary: 'Eén organisatie',
      description: 'Een organisatie, gevonden op id.',
      responseDescription: 'De organisatie.',
      notFound: (id) => t('api.organisatieNietGevonden', { id }),
    },
  });

  api.collection({
    path: '/personen',
    tag: 'Governance',
    schema: PersoonSchema,
    items: async (request) => (await governanceOf(request)).personen,
    list: {
      operationId: 'listPersonen',
      summary: 'Alle personen',
      description: 'De personen in de gremia van de LEA: alleen naam, functie en organisatie.',
      responseDescription: 'De personen, op naam.',
    },
    item: {
      operationId: 'getPersoon',
      summary: 'Eén persoon',
      description: 'Een persoon, gevonden op id.',
      responseDescription: 'De persoon.',
      notFound: (id) => t('api.persoonNietGevonden', { id }),
    },
  });
}
