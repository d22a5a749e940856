import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { t } from '../../i18n/index.js';
import { formatDateTime, formatWait } from '../../lib/dates.js';
import { formValues, validateForm } from '../../lib/forms.js';
import { actorOf } from '../../plugins/auth.js';
import { Facts } from '../../views/facts.js';
import { emptyForm, ErrorSummary, Notice, PostForm, SubmitButton, TextField, type FormState } from '../../views/form.js';
import { Layout, Section } from '../../views/layout.js';
import type { PageCache } from '../../views/page-cache.js';
import type { PageContext } from '../../views/page-context.js';
import { Table } from '../../views/table.js';
import type { AccountService } from './account.service.js';
import { findGebruikerById } from './auth.repository.js';
import type { Database } from '../../db/client.js';
import { NewPasswordFields, RecoveryCodesPage } from './views/auth-views.js';
import { newPasswordSchema, passwordProblemMessage } from './password-form.js';

type TokenRow = NonNullable<Awaited<ReturnType<AccountService['overview']>>>['tokens'][number];

const tokenSchema = z.object({ naam: z.string().trim().min(1, t('fout.veld.tokenNaamLeeg')).max(80, t('fout.veld.teLang', { max: 80 })) });

function AccountPage(props: {
  ctx: PageContext;
  email: string;
  rollen: string[];
  totpAan: boolean;
  /** False for a user who only logs in through single sign-on. */
  heeftWachtwoord: boolean;
  herstelcodes: number;
  tokens: TokenRow[];
  form: FormState;
  nieuwToken?: string | undefined;
  notice?: string | undefined;
}): JSX.Element {
  return (
    <Layout {...props.ctx} title={t('account.titel')} breadcrumbs={[]} hasErrors={Object.keys(props.form.errors).length > 0}>
      <ErrorSummary errors={props.form.errors} />
      <Notice text={props.notice} />
      <h1 class="utrecht-heading-1" safe>
        {t('account.titel')}
      </h1>
      <Facts
        facts={[
          { label: t('veld.naam'), value: props.ctx.user?.naam ?? '' },
          { label: t('veld.email'), value: props.email },
          { label: t('veld.rollen'), value: props.rollen.length ? props.rollen.join(', ') : t('account.geenRollen') },
        ]}
      />

      {props.heeftWachtwoord ? (
        <Section id="wachtwoord" title={t('account.wachtwoord')} prose={false}>
          <PostForm action="/account/wachtwoord" csrf={props.ctx.csrf ?? ''}>
            <TextField name="huidig" type="password" label={t('veld.huidigWachtwoord')} form={props.form} autocomplete="current-password" required />
            <NewPasswordFields form={props.form} />
            <div class="lea-form__actions">
              <SubmitButton label={t('account.wachtwoordWijzigen')} variant="secondary" />
            </div>
          </PostForm>
        </Section>
      ) : (
        ''
      )}

      <Section id="tweestaps" title={t('account.tweestaps')} prose={false}>
        {props.totpAan ? (
          <>
            <p class="utrecht-paragraph" safe>
              {t('account.tweestapsAan', { aantal: props.herstelcodes })}
            </p>
            <PostForm action="/account/herstelcodes" csrf={props.ctx.csrf ?? ''}>
              <SubmitButton label={t('account.nieuweHerstelcodes')} variant="secondary" />
            </PostForm>
          </>
        ) : (
          <p class="utrecht-paragraph">
            <span safe>{t('account.tweestapsUit')}</span>{' '}
            <a class="utrecht-link" href="/account/tweestapsverificatie" safe>
              {t('account.tweestapsInstellen')}
            </a>
          </p>
        )}
      </Section>

      <Section id="tokens" title={t('account.tokens')} prose={false}>
        <p class="utrecht-paragraph" safe>
          {t('account.tokensIntro')}
        </p>
        {props.nieuwToken ? (
          <div class="utrecht-alert utrecht-alert--ok" role="status">
            <div class="utrecht-alert__content">
              <p class="utrecht-paragraph" safe>
                {t('account.tokenEenmalig')}
              </p>
              <p class="utrecht-paragraph">
                <code class="lea-code" id="nieuw-token" safe>
                  {props.nieuwToken}
                </code>
              </p>
            </div>
          </div>
        ) : (
          ''
        )}
        {props.tokens.length > 0 ? (
          <Table labelledBy="tokens" columns={[t('veld.naam'), t('account.tokenBegin'), t('account.tokenGebruikt'), t('account.tokenStatus')]}>
            {props.tokens.map((token) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell" safe>{token.naam}</td>
                <td class="utrecht-table__cell">
                  <code safe>{`lea_${token.prefix}…`}</code>
                </td>
                <td class="utrecht-table__cell" safe>
                  {token.laatstGebruiktOp ? formatDateTime(token.laatstGebruiktOp) : t('account.nooit')}
                </td>
                <td class="utrecht-table__cell">
                  {token.ingetrokkenOp ? (
                    <span safe>{t('account.ingetrokken', { datum: formatDateTime(token.ingetrokkenOp) })}</span>
                  ) : (
                    <PostForm action={`/account/api-tokens/${token.id}/intrekken`} csrf={props.ctx.csrf ?? ''} class="lea-inline-form">
                      <button class="utrecht-button utrecht-button--secondary-action" type="submit" aria-label={t('account.intrekkenLabel', { naam: token.naam })} safe>
                        {t('account.intrekken')}
                      </button>
                    </PostForm>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          ''
        )}
        <h3 class="utrecht-heading-3" safe>
          {t('account.tokenNieuw')}
        </h3>
        <PostForm action="/account/api-tokens" csrf={props.ctx.csrf ?? ''}>
          <TextField name="naam" label={t('account.tokenNaam')} hint={t('account.tokenNaamHint')} form={props.form} required />
          <div class="lea-form__actions">
            <SubmitButton label={t('account.tokenMaken')} />
          </div>
        </PostForm>
      </Section>
    </Layout>
  );
}

/** The user's own account page: roles, the second factor and personal API tokens. */
export function registerAccountPages(app: FastifyInstance, deps: { db: Database; pages: PageCache; accounts: AccountService }): void {
  const eigen = { config: { permission: 'account.eigen' as const } };

  const show = async (
    request: Parameters<PageCache['private']>[0],
    reply: Parameters<PageCache['private']>[1],
    extra: { form?: FormState; nieuwToken?: string; notice?: string; status?: number } = {},
  ) => {
    const user = request.user!;
    const overzicht = await deps.accounts.overview(user.gemeenteId, user.id);
    const gebruiker = overzicht?.gebruiker;
    const rollen = user.rollen.map((r) => t(`rol.${r.rol}`));
    return deps.pages.private(
      request,
      reply,
      (ctx) => (
        <AccountPage
          ctx={ctx}
          email={user.email}
          rollen={rollen}
          totpAan={Boolean(gebruiker?.totpActiefSinds)}
          heeftWachtwoord={Boolean(gebruiker?.wachtwoordHash)}
          herstelcodes={overzicht?.herstelcodes ?? 0}
          tokens={overzicht?.tokens ?? []}
          form={extra.form ?? emptyForm()}
          nieuwToken={extra.nieuwToken}
          notice={extra.notice}
        />
      ),
      extra.status ?? 200,
    );
  };

  app.get('/account', eigen, (request, reply) => {
    const melding = (request.query as Record<string, string>).melding;
    const notice = melding === 'ingetrokken' ? t('account.tokenIngetrokken') : melding === 'wachtwoord' ? t('account.wachtwoordGewijzigd') : undefined;
    return show(request, reply, { notice });
  });

  app.post('/account/api-tokens', eigen, async (request, reply) => {
    const values = formValues(request.body, ['naam']);
    const checked = validateForm(tokenSchema, values);
    if (!checked.ok) return show(request, reply, { form: checked.form, status: 400 });
    const user = request.user!;
    // Shown once, in this answer; the database keeps only its hash.
    const { token } = await deps.accounts.createToken(user.gemeenteId, user, checked.data.naam, actorOf(request));
    return show(request, reply, { nieuwToken: token });
  });

  app.post<{ Params: { id: string } }>('/account/api-tokens/:id/intrekken', eigen, async (request, reply) => {
    const user = request.user!;
    const id = z.uuid().safeParse(request.params.id);
    if (id.success) await deps.accounts.revokeToken(user.gemeenteId, user.id, id.data, actorOf(request));
    return reply.redirect('/account?melding=ingetrokken', 303);
  });

  app.post('/account/wachtwoord', eigen, async (request, reply) => {
    const values = formValues(request.body, ['huidig', 'wachtwoord', 'herhaling']);
    // Passwords are never sent back: on an error the fields come back empty, with the message at the field.
    const refuse = (errors: Record<string, string>, status = 400) => show(request, reply, { form: { values: {}, errors }, status });
    const checked = validateForm(newPasswordSchema, values);
    if (!values.huidig) return refuse({ huidig: t('fout.veld.wachtwoordLeeg'), ...(checked.ok ? {} : checked.form.errors) });
    if (!checked.ok) return refuse(checked.form.errors);
    const user = request.user!;
    const result = await deps.accounts.changePassword(
      user.gemeenteId,
      user.id,
      { huidig: values.huidig, nieuw: checked.data.wachtwoord },
      request.session!.idHash,
      request.ip,
    );
    if (result === 'huidig-onjuist') return refuse({ huidig: t('account.huidigOnjuist') });
    if (typeof result === 'object' && 'wacht' in result) {
      reply.header('Retry-After', String(result.wacht));
      return refuse({ huidig: t('login.wacht', { tijd: formatWait(result.wacht) }) }, 429);
    }
    if (typeof result === 'object') return refuse({ wachtwoord: passwordProblemMessage[result.probleem] });
    return reply.redirect('/account?melding=wachtwoord', 303);
  });

  app.post('/account/herstelcodes', eigen, async (request, reply) => {
    const user = request.user!;
    const gebruiker = await findGebruikerById(deps.db, user.gemeenteId, user.id);
    if (!gebruiker?.totpActiefSinds) return reply.redirect('/account', 303);
    const codes = await deps.accounts.newRecoveryCodes(user.gemeenteId, gebruiker, actorOf(request));
    return deps.pages.private(request, reply, (ctx) => <RecoveryCodesPage ctx={ctx} codes={codes} verder="/account" />);
  });
}
