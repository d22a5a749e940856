import type { FastifyInstance, FastifyRequest } from 'fastify';
import { t } from '../../i18n/index.js';
import { NotFoundError } from '../../lib/errors.js';
import type { PageCache } from '../../views/page-cache.js';
import type { GovernanceService } from '../governance/governance.service.js';
import type { AgendaService } from './agenda.service.js';
import { ActielijnPage, type BetrokkeneLink } from './views/actielijn-page.js';
import { HomePage } from './views/home-page.js';
import { OabPage } from './views/oab-page.js';

export function registerAgendaPages(
  app: FastifyInstance,
  deps: { pages: PageCache; agenda: AgendaService; governance: GovernanceService },
): void {
  const publiek = { config: { permission: 'publiek' as const } };
  /** A notice after an editor archived something; the public (whose pages are cached) never sees one. */
  const melding = (request: FastifyRequest, key: string, text: string) =>
    request.user && (request.query as Record<string, string | undefined>).melding === key ? text : undefined;

  app.get('/', publiek, (request, reply) =>
    deps.pages.send(request, reply, async (ctx) => (
      <HomePage ctx={ctx} agenda={await deps.agenda.get(request.gemeente)} notice={melding(request, 'ambitie-gearchiveerd', t('ambitieBewerken.gearchiveerd'))} />
    )),
  );

  app.get<{ Params: { nummer: string } }>('/actielijnen/:nummer', publiek, (request, reply) =>
    deps.pages.send(request, reply, async (ctx) => {
      const agenda = await deps.agenda.get(request.gemeente);
      const nummer = /^[1-9]\d{0,3}$/.test(request.params.nummer) ? Number(request.params.nummer) : NaN;
      const actielijn = agenda.actielijnen.find((al) => al.nummer === nummer);
      if (!actielijn) throw new NotFoundError(t('fout.404.tekst'));
      const governance = await deps.governance.get(request.gemeente);
      const betrokkenen: BetrokkeneLink[] = actielijn.betrokkenen.map((b) => {
        const gremium = b.gremiumId ? governance.gremia.find((g) => g.id === b.gremiumId) : undefined;
        return { naam: b.naam, href: gremium ? `/structuur#gremium-${gremium.slug}` : null };
      });
      return <ActielijnPage ctx={ctx} agenda={agenda} actielijn={actielijn} betrokkenen={betrokkenen} />;
    }),
  );

  app.get('/oab-afspraken', publiek, (request, reply) =>
    deps.pages.send(request, reply, async (ctx) => (
      <OabPage ctx={ctx} agenda={await deps.agenda.get(request.gemeente)} notice={melding(request, 'afspraak-gearchiveerd', t('oabBewerken.gearchiveerd'))} />
    )),
  );
}
