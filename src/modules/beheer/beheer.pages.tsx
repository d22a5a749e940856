import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { t } from '../../i18n/index.js';
import { NotFoundError } from '../../lib/errors.js';
import { formValues, validateForm } from '../../lib/forms.js';
import type { MailerPool } from '../../lib/mail/mailer-pool.js';
import { listOutbox, readOutboxMessage } from '../../lib/mail/outbox.js';
import { actorOf } from '../../plugins/auth.js';
import { emptyForm, type FormState } from '../../views/form.js';
import type { PageCache } from '../../views/page-cache.js';
import type { AuditService } from '../audit/audit.service.js';
import { mailBaseUrl } from '../auth/links.js';
import { heeftPermissie, type RolToewijzing } from '../auth/permissions.js';
import type { GovernanceService } from '../governance/governance.service.js';
import { AuditPage, BeheerPage, GebruikerPage, GebruikersPage, gewoneRollen, InvitePage, OutboxMessagePage, OutboxPage } from './beheer.views.js';
import type { GebruikerMetRollen, GebruikersService } from './gebruikers.service.js';

export interface BeheerDeps {
  config: Config;
  pages: PageCache;
  gebruikers: GebruikersService;
  governance: GovernanceService;
  audit: AuditService;
  mailers: MailerPool;
}

const rollenField = z
  .string()
  .transform((value) => value.split(',').filter(Boolean))
  .pipe(z.array(z.enum(gewoneRollen, { message: t('fout.veld.rolOnbekend') })));

const inviteSchema = z.object({
  naam: z.string().trim().min(1, t('fout.veld.naamLeeg')).max(200, t('fout.veld.teLang', { max: 200 })),
  email: z.string().trim().min(1, t('fout.veld.emailLeeg')).email(t('fout.veld.emailOngeldig')).max(254, t('fout.veld.teLang', { max: 254 })),
  rollen: rollenField,
  tafel: z.string(),
});

const updateSchema = z.object({
  versie: z.coerce.number().int().positive(),
  rollen: rollenField,
  tafel: z.string(),
  status: z.enum(['actief', 'geblokkeerd'], { message: t('fout.veld.statusOnbekend') }),
});

const idParam = z.uuid();

function toRollen(rollen: readonly string[], tafel: string): RolToewijzing[] {
  const result: RolToewijzing[] = rollen.map((rol) => ({ rol: rol as RolToewijzing['rol'], gremiumId: null }));
  if (tafel) result.push({ rol: 'voorzitter-overlegtafel', gremiumId: tafel });
  return result;
}

function rolValues(g: GebruikerMetRollen): Record<string, string> {
  return {
    versie: String(g.versie),
    rollen: g.rollen.filter((r) => !r.gremiumId).map((r) => r.rol).join(','),
    tafel: g.rollen.find((r) => r.gremiumId)?.gremiumId ?? '',
    status: g.status === 'geblokkeerd' ? 'geblokkeerd' : 'actief',
  };
}

/** Accounts, the audit log and the mail outbox: the beheerder's pages. */
export function registerBeheerPages(app: FastifyInstance, deps: BeheerDeps): void {
  const tafels = async (request: FastifyRequest) =>
    (await deps.governance.get(request.gemeente)).gremia.filter((g) => g.type === 'overlegtafel').map((g) => ({ id: g.id, naam: g.naam }));

  app.get('/beheer', { config: { permission: 'intern.lezen' } }, (request, reply) => {
    const rollen = request.user!.rollen;
    const mag = {
      gebruikers: heeftPermissie(rollen, 'gebruikers.beheren'),
      audit: heeftPermissie(rollen, 'audit.lezen'),
      outbox: heeftPermissie(rollen, 'outbox.lezen'),
    };
    return deps.pages.private(request, reply, (ctx) => <BeheerPage ctx={ctx} mag={mag} transport={deps.mailers.transport} />);
  });

  const beheren = { config: { permission: 'gebruikers.beheren' as const } };

  app.get('/beheer/gebruikers', beheren, async (request, reply) => {
    const [gebruikers, gremia] = await Promise.all([deps.gebruikers.list(request.gemeente.id), tafels(request)]);
    const melding = (request.query as Record<string, string>).melding;
    const notice = melding === 'uitgenodigd' ? t('beheer.uitgenodigd') : undefined;
    return deps.pages.private(request, reply, (ctx) => <GebruikersPage ctx={ctx} gebruikers={gebruikers} tafels={gremia} notice={notice} />);
  });

  app.get('/beheer/gebruikers/nieuw', beheren, async (request, reply) => {
    const gremia = await tafels(request);
    return deps.pages.private(request, reply, (ctx) => <InvitePage ctx={ctx} form={emptyForm()} tafels={gremia} />);
  });

  app.post('/beheer/gebruikers/nieuw', beheren, async (request, reply) => {
    const gremia = await tafels(request);
    const values = formValues(request.body, ['naam', 'email', 'rollen', 'tafel']);
    const show = (form: FormState) => deps.pages.private(request, reply, (ctx) => <InvitePage ctx={ctx} form={form} tafels={gremia} />, 400);
    const checked = validateForm(inviteSchema, values);
    if (!checked.ok) return show(checked.form);
    if (checked.data.tafel && !gremia.some((g) => g.id === checked.data.tafel)) return show({ values, errors: { tafel: t('fout.veld.tafelOnbekend') } });
    const result = await deps.gebruikers.invite(
      request.gemeente,
      { naam: checked.data.naam, email: checked.data.email, rollen: toRollen(checked.data.rollen, checked.data.tafel) },
      actorOf(request),
      mailBaseUrl(request, deps.config),
    );
    if (result.status === 'bestaat') return show({ values, errors: { email: t('beheer.bestaatAl') } });
    return reply.redirect('/beheer/gebruikers?melding=uitgenodigd', 303);
  });

  const loadGebruiker = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = idParam.safeParse(request.params.id);
    const gebruiker = id.success ? await deps.gebruikers.get(request.gemeente.id, id.data) : undefined;
    if (!gebruiker) throw new NotFoundError(t('fout.404.tekst'));
    return gebruiker;
  };

  app.get<{ Params: { id: string } }>('/beheer/gebruikers/:id', beheren, async (request, reply) => {
    const [gebruiker, gremia] = await Promise.all([loadGebruiker(request), tafels(request)]);
    const melding = (request.query as Record<string, string>).melding;
    const notice = melding === 'opgeslagen' ? t('form.opgeslagen') : melding === 'verstuurd' ? t('beheer.opnieuwVerstuurd') : undefined;
    return deps.pages.private(request, reply, (ctx) => (
      <GebruikerPage ctx={ctx} gebruiker={gebruiker} form={emptyForm(rolValues(gebruiker))} tafels={gremia} notice={notice} />
    ));
  });

  app.post<{ Params: { id: string } }>('/beheer/gebruikers/:id', beheren, async (request, reply) => {
    const [gebruiker, gremia] = await Promise.all([loadGebruiker(request), tafels(request)]);
    const values = formValues(request.body, ['versie', 'rollen', 'tafel', 'status']);
    const show = (form: FormState, status = 400) =>
      deps.pages.private(request, reply, (ctx) => <GebruikerPage ctx={ctx} gebruiker={gebruiker} form={form} tafels={gremia} />, status);
    const checked = validateForm(updateSchema, values);
    if (!checked.ok) return show(checked.form);
    if (checked.data.tafel && !gremia.some((g) => g.id === checked.data.tafel)) return show({ values, errors: { tafel: t('fout.veld.tafelOnbekend') } });
    const result = await deps.gebruikers.update(
      request.gemeente.id,
      gebruiker.id,
      { versie: checked.data.versie, rollen: toRollen(checked.data.rollen, checked.data.tafel), status: checked.data.status },
      actorOf(request),
    );
    if (result === 'conflict') {
      // Keep what was chosen, on top of the newest version, and say what happened.
      return show({ values: { ...values, versie: String(gebruiker.versie) }, errors: { rollen: t('beheer.conflict') } }, 409);
    }
    if (result === 'laatste-beheerder') return show({ values, errors: { rollen: t('beheer.laatsteBeheerder') } });
    if (result === 'niet-gevonden') throw new NotFoundError(t('fout.404.tekst'));
    return reply.redirect(`/beheer/gebruikers/${gebruiker.id}?melding=opgeslagen`, 303);
  });

  app.post<{ Params: { id: string } }>('/beheer/gebruikers/:id/uitnodiging', beheren, async (request, reply) => {
    const gebruiker = await loadGebruiker(request);
    await deps.gebruikers.resendInvite(request.gemeente, gebruiker.id, actorOf(request), mailBaseUrl(request, deps.config));
    return reply.redirect(`/beheer/gebruikers/${gebruiker.id}?melding=verstuurd`, 303);
  });

  app.get('/beheer/audit', { config: { permission: 'audit.lezen' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const values = formValues(query, ['soort', 'actie', 'type', 'van', 'tot', 'object']);
    const { filter, errors } = deps.audit.parseFilter(values);
    const pagina = Math.max(1, Number.parseInt(String(query.pagina ?? '1'), 10) || 1);
    const result = await deps.audit.list(request.gemeente.id, filter, pagina);
    const kept = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== '')).toString();
    return deps.pages.private(
      request,
      reply,
      (ctx) => (
        <AuditPage
          ctx={ctx}
          form={{ values, errors }}
          regels={result.regels}
          totaal={result.totaal}
          pagina={pagina}
          perPagina={result.perPagina}
          keuzes={result.keuzes}
          query={kept}
        />
      ),
      Object.keys(errors).length ? 400 : 200,
    );
  });

  const outbox = { config: { permission: 'outbox.lezen' as const } };

  app.get('/beheer/outbox', outbox, async (request, reply) => {
    const entries = await listOutbox(deps.mailers.outboxDir(request.gemeente.slug));
    return deps.pages.private(request, reply, (ctx) => <OutboxPage ctx={ctx} entries={entries} transport={deps.mailers.transport} />);
  });

  app.get<{ Params: { id: string } }>('/beheer/outbox/:id', outbox, async (request, reply: FastifyReply) => {
    const message = await readOutboxMessage(deps.mailers.outboxDir(request.gemeente.slug), request.params.id);
    if (!message) throw new NotFoundError(t('fout.404.tekst'));
    return deps.pages.private(request, reply, (ctx) => <OutboxMessagePage ctx={ctx} message={message} />);
  });
}
