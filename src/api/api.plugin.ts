import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { AgendaService } from '../modules/agenda/agenda.service.js';
import { registerAgendaApi } from '../modules/agenda/agenda.api.js';
import { registerAgendaEditApi } from '../modules/agenda/agenda-edit.api.js';
import type { AgendaEditService } from '../modules/agenda/agenda-edit.service.js';
import { registerGovernanceEditApi } from '../modules/governance/governance-edit.api.js';
import type { GovernanceEditService } from '../modules/governance/governance-edit.service.js';
import { registerAmbitieEditApi } from '../modules/agenda/ambitie-edit.api.js';
import type { AmbitieEditService } from '../modules/agenda/ambitie-edit.service.js';
import { registerOabEditApi } from '../modules/agenda/oab-edit.api.js';
import type { OabEditService } from '../modules/agenda/oab-edit.service.js';
import type { GovernanceService } from '../modules/governance/governance.service.js';
import { registerGovernanceApi } from '../modules/governance/governance.api.js';
import { API_PREFIX, API_VERSION, ApiRegistry } from './api-registry.js';

/** Mounts /api/v1: every resource, the OpenAPI document, and the API-Version header on every answer. */
export function registerApi(
  app: FastifyInstance,
  deps: {
    config: Config;
    agenda: AgendaService;
    governance: GovernanceService;
    agendaEdit: AgendaEditService;
    governanceEdit: GovernanceEditService;
    ambitieEdit: AmbitieEditService;
    oabEdit: OabEditService;
  },
): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.url !== API_PREFIX && !request.url.startsWith(`${API_PREFIX}/`)) return;
    reply.header('API-Version', API_VERSION);
    // Reading is public open data: any web page may read it. Writing needs a personal token, never a cookie.
    reply.header('Access-Control-Allow-Origin', '*');
    reply.header('Access-Control-Expose-Headers', 'API-Version, ETag');
    reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
  });

  const api = new ApiRegistry(app);
  registerAgendaApi(api, deps.agenda);
  registerAgendaEditApi(api, deps.agendaEdit);
  registerGovernanceEditApi(api, deps.governanceEdit);
  registerAmbitieEditApi(api, deps.ambitieEdit);
  registerOabEditApi(api, deps.oabEdit);
  registerGovernanceApi(api, deps.governance);

  const document = JSON.stringify(
    api.openApiDocument({
      serverUrl: `${deps.config.PUBLIC_URL?.replace(/\/$/, '') ?? ''}${API_PREFIX}`,
      contact: { name: deps.config.API_CONTACT_NAME, email: deps.config.API_CONTACT_EMAIL, url: deps.config.API_CONTACT_URL },
    }),
  );
  app.get(`${API_PREFIX}/openapi.json`, { config: { public: true } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(document),
  );
}
