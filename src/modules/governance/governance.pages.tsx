import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import { t } from '../../i18n/index.js';
import { NotFoundError } from '../../lib/errors.js';
import { findAddress } from '../../records/record.repository.js';
import type { PageCache } from '../../views/page-cache.js';
import { heeftPermissie } from '../auth/permissions.js';
import { findStuurgroep } from './governance.service.js';
import { GovernanceOverviewPage, OVERZICHT } from './views/governance-edit-pages.js';
import { GremiumPage, StructuurPage } from './views/structuur-page.js';
import { StuurgroepPage } from './views/stuurgroep-page.js';

const publiek = { config: { permission: 'publiek' as const } };

/** The public pages of the governance (stuurgroep, structure, a page per gremium) and the editors' overview. */
export function registerGovernancePages(app: FastifyInstance, deps: { pages: PageCache; db: Database }): void {
  const governanceOf = (request: FastifyRequest) => request.server.services.governance.get(request.gemeente);

  app.get('/stuurgroep', publiek, (request, reply) =>
    deps.pages.send(request, reply, async (ctx) => {
      // E-mail addresses are personal data: only for logged-in readers, and never in the shared (cached) public page.
      const intern = heeftPermissie(request.user?.rollen, 'intern.lezen');
      const [governance, agenda, emails] = await Promise.all([
        governanceOf(request),
        request.server.services.agenda.get(request.gemeente),
        intern ? request.server.services.governance.contactgegevens(request.gemeente.id) : undefined,
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

  app.get('/structuur', publiek, (request, reply) => deps.pages.send(request, reply, async (ctx) => <StructuurPage ctx={ctx} governance={await governanceOf(request)} />));

  app.get<{ Params: { slug: string } }>('/structuur/:slug', publiek, async (request, reply) => {
    const governance = await governanceOf(request);
    const gremium = governance.gremia.find((g) => g.slug === request.params.slug);
    if (!gremium) {
      // A slug the gremium had before it was changed keeps leading to it.
      const id = await findAddress(deps.db, request.gemeente.id, 'gremium', request.params.slug);
      const moved = governance.gremia.find((g) => g.id === id);
      if (!moved) throw new NotFoundError(t('fout.404.tekst'));
      return reply.redirect(`/structuur/${encodeURIComponent(moved.slug)}`, 301);
    }
    return deps.pages.send(request, reply, (ctx) => <GremiumPage ctx={ctx} governance={governance} gremium={gremium} />);
  });

  app.get(OVERZICHT, { config: { permission: 'governance.bewerken' } }, async (request, reply) => {
    const [governance, emails] = await Promise.all([governanceOf(request), request.server.services.governance.contactgegevens(request.gemeente.id)]);
    const notice = (request.query as Record<string, string>).melding === 'gearchiveerd' ? t('bewerken.gegevenGearchiveerd') : undefined;
    return deps.pages.private(request, reply, (ctx) => <GovernanceOverviewPage ctx={ctx} governance={governance} emails={emails} notice={notice} />);
  });
}
