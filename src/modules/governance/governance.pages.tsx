import type { FastifyInstance } from 'fastify';
import type { PageCache } from '../../views/page-cache.js';
import type { AgendaService } from '../agenda/agenda.service.js';
import { heeftPermissie } from '../auth/permissions.js';
import type { GovernanceEditService } from './governance-edit.service.js';
import { findStuurgroep, type GovernanceService } from './governance.service.js';
import { StructuurPage } from './views/structuur-page.js';
import { StuurgroepPage } from './views/stuurgroep-page.js';

export function registerGovernancePages(
  app: FastifyInstance,
  deps: { pages: PageCache; agenda: AgendaService; governance: GovernanceService; governanceEdit: GovernanceEditService },
): void {
  const publiek = { config: { permission: 'publiek' as const } };
  app.get('/stuurgroep', publiek, (request, reply) =>
    deps.pages.send(request, reply, async (ctx) => {
      // E-mail addresses are personal data: only for logged-in readers, and never in the shared (cached) public page.
      const intern = heeftPermissie(request.user?.rollen, 'intern.lezen');
      const [governance, agenda, emails] = await Promise.all([
        deps.governance.get(request.gemeente),
        deps.agenda.get(request.gemeente),
        intern ? deps.governanceEdit.contactgegevens(request.gemeente.id) : undefined,
      ]);
      return (
        <StuurgroepPage
          ctx={ctx}
          governance={governance}
          stuurgroep={findStuurgroep(governance)}
          toelichting={agenda.uitvoeringsagenda?.stuurgroepToelichting ?? null}
          emails={emails}
        />
      );
    }),
  );

  app.get('/structuur', publiek, (request, reply) =>
    deps.pages.send(request, reply, async (ctx) => <StructuurPage ctx={ctx} governance={await deps.governance.get(request.gemeente)} />),
  );
}
