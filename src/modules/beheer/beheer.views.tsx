import { FormActions } from '../../views/edit-frame.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/dates.js';
import type { OutboxEntry } from '../../lib/mail/outbox.js';
import type { AuditRegel } from '../audit/audit.repository.js';
import { AuditTable } from '../audit/audit-table.js';
import { Facts } from '../../views/facts.js';
import { CheckboxGroup, ErrorSummary, Hidden, Notice, PostForm, SelectField, SubmitButton, TextField, type FormState } from '../../views/form.js';
import { IfAny } from '../../views/if-any.js';
import { Layout, PageHeading, type Crumb } from '../../views/layout.js';
import { ButtonLink, LinkParagraph } from '../../views/links.js';
import type { PageContext } from '../../views/page-context.js';
import { Table } from '../../views/table.js';
import type { GebruikerMetRollen } from './gebruikers.service.js';

const beheerCrumb: Crumb = { href: '/beheer', label: t('beheer.titel') };

export function BeheerPage(props: { ctx: PageContext; mag: { gebruikers: boolean; audit: boolean; outbox: boolean }; transport: string }): JSX.Element {
  const links = [
    { mag: props.mag.gebruikers, href: '/beheer/gebruikers', label: t('beheer.gebruikers') },
    { mag: props.mag.audit, href: '/beheer/audit', label: t('beheer.audit') },
    { mag: props.mag.outbox, href: '/beheer/outbox', label: t('beheer.outbox'), note: props.transport === 'smtp' ? t('beheer.outboxSmtp') : t('beheer.outboxBestanden') },
  ];
  return (
    <Layout {...props.ctx} title={t('beheer.titel')} breadcrumbs={[beheerCrumb]}>
      <h1 class="utrecht-heading-1" safe>
        {t('beheer.titel')}
      </h1>
      <ul class="utrecht-unordered-list">
        {links
          .filter((link) => link.mag)
          .map((link) => (
            <li>
              <a class="utrecht-link" href={link.href} safe>
                {link.label}
              </a>
              {link.note ? (
                <>
                  {' '}
                  <span safe>{link.note}</span>
                </>
              ) : (
                ''
              )}
            </li>
          ))}
      </ul>
    </Layout>
  );
}

function rolLabel(rol: { rol: string; gremiumId: string | null }, tafels: { id: string; naam: string }[]): string {
  const label = t(`rol.${rol.rol as 'beheerder'}`);
  const tafel = rol.gremiumId ? tafels.find((g) => g.id === rol.gremiumId) : undefined;
  return tafel ? `${label} (${tafel.naam})` : label;
}

export function GebruikersPage(props: { ctx: PageContext; gebruikers: GebruikerMetRollen[]; tafels: { id: string; naam: string }[]; notice?: string | undefined }): JSX.Element {
  return (
    <Layout {...props.ctx} title={t('beheer.gebruikers')} breadcrumbs={[beheerCrumb, { href: '/beheer/gebruikers', label: t('beheer.gebruikers') }]}>
      <Notice text={props.notice} />
      <h1 class="utrecht-heading-1" safe>
        {t('beheer.gebruikers')}
      </h1>
      <ButtonLink href="/beheer/gebruikers/nieuw" label={t('beheer.uitnodigen')} variant="primary" />
      <Table label={t('beheer.gebruikers')} columns={[t('veld.naam'), t('veld.email'), t('veld.rollen'), t('veld.status')]}>
        {props.gebruikers.map((g) => (
          <tr class="utrecht-table__row">
            <td class="utrecht-table__cell">
              <a class="utrecht-link" href={`/beheer/gebruikers/${g.id}`} safe>
                {g.naam}
              </a>
            </td>
            <td class="utrecht-table__cell" safe>{g.email}</td>
            <td class="utrecht-table__cell" safe>{g.rollen.map((r) => rolLabel(r, props.tafels)).join(', ') || '–'}</td>
            <td class="utrecht-table__cell" safe>{t(`status.${g.status}`)}</td>
          </tr>
        ))}
      </Table>
    </Layout>
  );
}

export const gewoneRollen = ['beheerder', 'procesmanager', 'stuurgroeplid', 'platformlid', 'data-beheerder'] as const;

function RolFields(props: { form: FormState; tafels: { id: string; naam: string }[] }): JSX.Element {
  return (
    <>
      <CheckboxGroup
        name="rollen"
        label={t('veld.rollen')}
        hint={t('beheer.rollenHint')}
        form={props.form}
        options={gewoneRollen.map((rol) => ({ value: rol, label: t(`rol.${rol}`) }))}
      />
      <SelectField
        name="tafel"
        label={t('beheer.voorzitterVan')}
        hint={t('beheer.voorzitterHint')}
        form={props.form}
        options={[{ value: '', label: t('beheer.geenTafel') }, ...props.tafels.map((g) => ({ value: g.id, label: g.naam }))]}
      />
    </>
  );
}

export function InvitePage(props: { ctx: PageContext; form: FormState; tafels: { id: string; naam: string }[] }): JSX.Element {
  return (
    <Layout
      {...props.ctx}
      title={t('beheer.uitnodigen')}
      breadcrumbs={[beheerCrumb, { href: '/beheer/gebruikers', label: t('beheer.gebruikers') }, { href: '/beheer/gebruikers/nieuw', label: t('beheer.uitnodigen') }]}
      hasErrors={Object.keys(props.form.errors).length > 0}
    >
      <ErrorSummary errors={props.form.errors} />
      <PageHeading title={t('beheer.uitnodigen')} intro={t('beheer.uitnodigenIntro')} />
      <PostForm action="/beheer/gebruikers/nieuw" csrf={props.ctx.csrf ?? ''}>
        <TextField name="naam" label={t('veld.naam')} form={props.form} autocomplete="off" required />
        <TextField name="email" type="email" label={t('veld.email')} form={props.form} autocomplete="off" spellcheck={false} required />
        <RolFields form={props.form} tafels={props.tafels} />
        <FormActions cancel="/beheer/gebruikers" label={t('beheer.uitnodigingVersturen')} />
      </PostForm>
    </Layout>
  );
}

export function GebruikerPage(props: {
  ctx: PageContext;
  gebruiker: GebruikerMetRollen;
  form: FormState;
  tafels: { id: string; naam: string }[];
  notice?: string | undefined;
}): JSX.Element {
  const g = props.gebruiker;
  return (
    <Layout
      {...props.ctx}
      title={g.naam}
      breadcrumbs={[beheerCrumb, { href: '/beheer/gebruikers', label: t('beheer.gebruikers') }, { href: `/beheer/gebruikers/${g.id}`, label: g.naam }]}
      hasErrors={Object.keys(props.form.errors).length > 0}
    >
      <ErrorSummary errors={props.form.errors} />
      <Notice text={props.notice} />
      <h1 class="utrecht-heading-1" safe>
        {g.naam}
      </h1>
      <Facts
        facts={[
          { label: t('veld.email'), value: g.email },
          { label: t('veld.status'), value: t(`status.${g.status}`) },
          { label: t('beheer.laatstIngelogd'), value: g.laatstIngelogdOp ? formatDateTime(g.laatstIngelogdOp) : t('account.nooit') },
          { label: t('account.tweestaps'), value: g.totpActiefSinds ? t('beheer.tweestapsAan') : t('beheer.tweestapsUit') },
        ]}
      />
      {g.status === 'uitgenodigd' ? (
        <PostForm action={`/beheer/gebruikers/${g.id}/uitnodiging`} csrf={props.ctx.csrf ?? ''}>
          <SubmitButton label={t('beheer.opnieuwUitnodigen')} variant="secondary" />
        </PostForm>
      ) : (
        ''
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('beheer.rollenEnStatus')}
      </h2>
      <PostForm action={`/beheer/gebruikers/${g.id}`} csrf={props.ctx.csrf ?? ''}>
        <Hidden name="versie" value={props.form.values.versie ?? String(g.versie)} />
        <RolFields form={props.form} tafels={props.tafels} />
        <SelectField
          name="status"
          label={t('veld.status')}
          form={props.form}
          options={[
            { value: 'actief', label: g.status === 'uitgenodigd' ? t('status.uitgenodigd') : t('status.actief') },
            { value: 'geblokkeerd', label: t('status.geblokkeerd') },
          ]}
        />
        <FormActions cancel="/beheer/gebruikers" />
      </PostForm>
      <LinkParagraph href={`/beheer/audit?object=${g.id}`} label={t('historie.bekijk')} />
    </Layout>
  );
}

export function AuditPage(props: {
  ctx: PageContext;
  form: FormState;
  regels: AuditRegel[];
  totaal: number;
  pagina: number;
  perPagina: number;
  keuzes: { acties: string[]; objectTypes: string[] };
  query: string;
}): JSX.Element {
  const laatste = Math.max(1, Math.ceil(props.totaal / props.perPagina));
  const link = (pagina: number) => `/beheer/audit?${props.query}${props.query ? '&' : ''}pagina=${pagina}`;
  return (
    <Layout {...props.ctx} title={t('beheer.audit')} breadcrumbs={[beheerCrumb, { href: '/beheer/audit', label: t('beheer.audit') }]} hasErrors={Object.keys(props.form.errors).length > 0}>
      <ErrorSummary errors={props.form.errors} />
      <h1 class="utrecht-heading-1" safe>
        {t('beheer.audit')}
      </h1>
      <form method="get" action="/beheer/audit" class="lea-filter" aria-label={t('audit.filter')}>
        <SelectField
          name="soort"
          label={t('audit.soort')}
          form={props.form}
          options={[
            { value: '', label: t('audit.alles') },
            { value: 'gegevens', label: t('audit.gegevens') },
            { value: 'beveiliging', label: t('audit.beveiliging') },
          ]}
        />
        <SelectField name="actie" label={t('audit.actie')} form={props.form} options={[{ value: '', label: t('audit.alles') }, ...props.keuzes.acties.map((a) => ({ value: a, label: a }))]} />
        <SelectField
          name="type"
          label={t('audit.objecttype')}
          form={props.form}
          options={[{ value: '', label: t('audit.alles') }, ...props.keuzes.objectTypes.map((a) => ({ value: a, label: a }))]}
        />
        <TextField name="van" label={t('audit.van')} hint={t('audit.datumHint')} form={props.form} />
        <TextField name="tot" label={t('audit.tot')} hint={t('audit.datumHint')} form={props.form} />
        {props.form.values.object ? <Hidden name="object" value={props.form.values.object} /> : ''}
        <div class="lea-form__actions">
          <SubmitButton label={t('audit.filteren')} variant="secondary" />
        </div>
      </form>
      <p class="utrecht-paragraph" role="status" safe>
        {t('audit.aantal', { aantal: props.totaal, pagina: props.pagina, van: laatste })}
      </p>
      <AuditTable regels={props.regels} label={t('beheer.audit')} headingLevel={2} />
      <nav aria-label={t('audit.paginas')} class="lea-pager">
        {props.pagina > 1 ? (
          <a class="utrecht-link" href={link(props.pagina - 1)} safe>
            {t('audit.vorige')}
          </a>
        ) : (
          ''
        )}{' '}
        {props.pagina < laatste ? (
          <a class="utrecht-link" href={link(props.pagina + 1)} safe>
            {t('audit.volgende')}
          </a>
        ) : (
          ''
        )}
      </nav>
    </Layout>
  );
}

export function OutboxPage(props: { ctx: PageContext; entries: OutboxEntry[]; transport: string }): JSX.Element {
  return (
    <Layout {...props.ctx} title={t('beheer.outbox')} breadcrumbs={[beheerCrumb, { href: '/beheer/outbox', label: t('beheer.outbox') }]}>
      <PageHeading title={t('beheer.outbox')} intro={props.transport === 'smtp' ? t('beheer.outboxSmtp') : t('beheer.outboxIntro')} />
      <IfAny items={props.entries} none={t('beheer.outboxLeeg')}>
        <ul class="utrecht-unordered-list">
          {props.entries.map((e) => (
            <li>
              <a class="utrecht-link" href={`/beheer/outbox/${e.id}`} safe>
                {`${formatDateTime(e.date)} – ${e.to} – ${e.subject}`}
              </a>
            </li>
          ))}
        </ul>
      </IfAny>
    </Layout>
  );
}

export function OutboxMessagePage(props: { ctx: PageContext; message: OutboxEntry & { text: string } }): JSX.Element {
  const m = props.message;
  return (
    <Layout
      {...props.ctx}
      title={m.subject}
      breadcrumbs={[beheerCrumb, { href: '/beheer/outbox', label: t('beheer.outbox') }, { href: `/beheer/outbox/${m.id}`, label: m.subject }]}
    >
      <h1 class="utrecht-heading-1" safe>
        {m.subject}
      </h1>
      <Facts
        facts={[
          { label: t('mail.aan'), value: m.to },
          { label: t('mail.datum'), value: formatDateTime(m.date) },
        ]}
      />
      <pre class="lea-pre lea-mail" safe>
        {m.text}
      </pre>
    </Layout>
  );
}
