import type { FastifyInstance } from 'fastify';
import type { PageCache } from '../../views/page-cache.js';
import type { AgendaService } from '../agenda/agenda.service.js';
import { findStuurgroep, type GovernanceService } from './governance.service.js';
import { StructuurPage } from './views/structuur-page.js';
import { StuurgroepPage } from './views/stuurgroep-page.js';

export function registerGovernancePages(
  app: FastifyInstance,
  deps: { pages: PageCache; agenda: AgendaService; governance: GovernanceService },
): void {
  const publiek = { config: { permission: 'publiek' as const } };
  app.get('/stuurgroep', publiek, (request, reply) =>
    deps.pages.send(request, reply, async (ctx) => {
      const [governance, agenda] = await Promise.all([deps.governance.get(request.gemeente), deps.agenda.get(request.gemeente)]);
      return (
        <StuurgroepPage
          ctx={ctx}
          governance={governance}
          stuurgroep={findStuurgroep(governance)}
          toelichting={agenda.uitvoeringsagenda?.stuurgroepToelichting ?? null}
        />
      );
    }),
  );

  app.get('/structuur', publiek, (request, reply) =>
    deps.pages.send(request, reply, async (ctx) => <StructuurPage ctx={ctx} governance={await deps.governance.get(request.gemeente)} />),
  );
}
