import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { NotFoundError } from '../../lib/errors.js';
import { findAddress } from '../../records/record.repository.js';
import type { PageCache } from '../../views/page-cache.js';
import { ActielijnPage, type BetrokkeneLink } from './views/actielijn-page.js';
import { HomePage } from './views/home-page.js';
import { OabPage } from './views/oab-page.js';

const publiek = { config: { permission: 'publiek' as const } };

/** Notices after an editor archived something; the public (whose pages are cached) never sees one. */
const ARCHIVED: Record<string, MessageKey> = {
  'ambitie-gearchiveerd': 'ambitieBewerken.gearchiveerd',
  'actielijn-gearchiveerd': 'bewerken.actielijn.gearchiveerd',
  'afspraak-gearchiveerd': 'oabBewerken.gearchiveerd',
};

function melding(request: FastifyRequest): string | undefined {
  const key = ARCHIVED[(request.query as Record<string, string | undefined>).melding ?? ''];
  return request.user && key ? t(key) : undefined;
}

/** The public pages of the agenda: the start page, a page per actielijn and the OAB-afspraken. */
export function registerAgendaPages(app: FastifyInstance, deps: { pages: PageCache; db: Database }): void {
  const agendaOf = (request: FastifyRequest) => request.server.services.agenda.get(request.gemeente);

  app.get('/', publiek, (request, reply) => deps.pages.send(request, reply, async (ctx) => <HomePage ctx={ctx} agenda={await agendaOf(request)} notice={melding(request)} />));

  app.get<{ Params: { nummer: string } }>('/actielijnen/:nummer', publiek, async (request, reply) => {
    const agenda = await agendaOf(request);
    const nummer = /^[1-9]\d{0,3}$/.test(request.params.nummer) ? Number(request.params.nummer) : NaN;
    const actielijn = agenda.actielijnen.find((al) => al.nummer === nummer);
    if (!actielijn) {
      // A number the actielijn had before it was changed keeps leading to it.
      const id = await findAddress(deps.db, request.gemeente.id, 'actielijn', request.params.nummer);
      const moved = agenda.actielijnen.find((al) => al.id === id);
      if (!moved) throw new NotFoundError(t('fout.404.tekst'));
      return reply.redirect(`/actielijnen/${moved.nummer}`, 301);
    }
    return deps.pages.send(request, reply, async (ctx) => {
      const governance = await request.server.services.governance.get(request.gemeente);
      const betrokkenen: BetrokkeneLink[] = actielijn.betrokkenen.map((b) => {
        const gremium = b.gremiumId ? governance.gremia.find((g) => g.id === b.gremiumId) : undefined;
        return { naam: b.naam, href: gremium ? `/structuur#gremium-${gremium.slug}` : null };
      });
      return <ActielijnPage ctx={ctx} agenda={agenda} actielijn={actielijn} betrokkenen={betrokkenen} />;
    });
  });

  app.get('/oab-afspraken', publiek, (request, reply) => deps.pages.send(request, reply, async (ctx) => <OabPage ctx={ctx} agenda={await agendaOf(request)} notice={melding(request)} />));
}
