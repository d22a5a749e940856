import type { Children } from '@kitajs/html';
import { gremiumTypeEnum, lidmaatschapRolEnum, sectorEnum } from '../../../db/schema.js';
import { t } from '../../../i18n/index.js';
import { ArchiveSection, EditFrame, FormActions, History, type ConflictField } from '../../../views/edit-frame.js';
import {
  CheckboxGroup,
  Hidden,
  Notice,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../../../views/form.js';
import { Layout, type Crumb } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { AuditRegel } from '../../audit/audit.repository.js';
import { sectorLabel, type GremiumScope } from '../governance-edit.service.js';
import type { Governance } from '../governance.service.js';
import { describeNamens } from './namens.js';

export type { ConflictField };

export const OVERZICHT = '/governance/bewerken';

const home: Crumb = { href: '/', label: t('nav.home') };
const overzicht: Crumb = { href: OVERZICHT, label: t('governance.overzicht.kort') };

/** "Bewerken" with the name of what it edits for screen readers (GOV.UK's visually hidden context). */
export function EditLink(props: { href: string; naam: string }): JSX.Element {
  return (
    <a class="utrecht-link" href={props.href}>
      <span safe>{t('governance.bewerken')}</span>
      <span class="lea-visually-hidden" safe>{`: ${props.naam}`}</span>
    </a>
  );
}

function TableHead(props: { columns: string[] }): JSX.Element {
  return (
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        {props.columns.map((column) => (
          <th class="utrecht-table__header-cell" scope="col" safe>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function Table(props: { label: string; columns: string[]; children: Children }): JSX.Element {
  return (
    <div class="utrecht-table-container lea-table-scroll" role="region" aria-label={t('governance.tabel', { wat: props.label })} tabindex="0">
      <table class="utrecht-table utrecht-table--html-table lea-table">
        <TableHead columns={props.columns} />
        <tbody class="utrecht-table__body">{props.children}</tbody>
      </table>
    </div>
  );
}

function NewLink(props: { href: string; label: string }): JSX.Element {
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-button utrecht-button--secondary-action" href={props.href} safe>
        {props.label}
      </a>
    </p>
  );
}

// --- The overview ------------------------------------------------------------------------------------------------

export function GovernanceOverviewPage(props: { ctx: PageContext; governance: Governance; emails: Map<string, string>; notice?: string | undefined }): JSX.Element {
  const { governance } = props;
  const title = t('governance.overzicht.titel');
  const organisatieNaam = (id: string | null) => governance.organisaties.find((o) => o.id === id)?.naam ?? '';
  return (
    <Layout {...props.ctx} title={title} breadcrumbs={[home, overzicht]}>
      <Notice text={props.notice} />
      <h1 class="utrecht-heading-1" safe>
        {title}
      </h1>
      <p class="utrecht-paragraph lea-intro" safe>
        {t('governance.overzicht.intro')}
      </p>

      <section aria-labelledby="gremia">
        <h2 class="utrecht-heading-2" id="gremia" safe>
          {t('governance.gremia')}
        </h2>
        <NewLink href="/gremia/nieuw" label={t('governance.gremium.nieuw')} />
        <Table label={t('governance.gremia')} columns={[t('governance.kolom.naam'), t('governance.kolom.soort'), t('governance.kolom.leden'), t('governance.kolom.actie')]}>
          {governance.gremia.map((g) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row" safe>
                {g.naam}
              </th>
              <td class="utrecht-table__cell" safe>
                {t(`gremiumType.${g.type}`)}
              </td>
              <td class="utrecht-table__cell" safe>
                {String(governance.lidmaatschappen.filter((l) => l.gremiumId === g.id).length)}
              </td>
              <td class="utrecht-table__cell">
                <EditLink href={`/gremia/${g.id}/bewerken`} naam={g.naam} />
              </td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="lidmaatschappen">
        <h2 class="utrecht-heading-2" id="lidmaatschappen" safe>
          {t('governance.lidmaatschappen')}
        </h2>
        {governance.gremia.map((g) => {
          const leden = governance.lidmaatschappen.filter((l) => l.gremiumId === g.id);
          return (
            <>
              <h3 class="utrecht-heading-3" safe>
                {g.naam}
              </h3>
              <Leden governance={governance} leden={leden} label={g.naam} />
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href={`/gremia/${g.id}/lidmaatschappen/nieuw`}>
                  <span safe>{t('governance.lidmaatschap.nieuw')}</span>
                  <span class="lea-visually-hidden" safe>{`: ${g.naam}`}</span>
                </a>
              </p>
            </>
          );
        })}
      </section>

      <section aria-labelledby="organisaties">
        <h2 class="utrecht-heading-2" id="organisaties" safe>
          {t('governance.organisaties')}
        </h2>
        <NewLink href="/organisaties/nieuw" label={t('governance.organisatie.nieuw')} />
        <Table label={t('governance.organisaties')} columns={[t('governance.kolom.naam'), t('governance.kolom.sectoren'), t('governance.kolom.actie')]}>
          {governance.organisaties.map((o) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row" safe>
                {o.naam}
              </th>
              <td class="utrecht-table__cell" safe>
                {o.sectoren.map(sectorLabel).join(', ') || '–'}
              </td>
              <td class="utrecht-table__cell">
                <EditLink href={`/organisaties/${o.id}/bewerken`} naam={o.naam} />
              </td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="personen">
        <h2 class="utrecht-heading-2" id="personen" safe>
          {t('governance.personen')}
        </h2>
        <NewLink href="/personen/nieuw" label={t('governance.persoon.nieuw')} />
        <Table
          label={t('governance.personen')}
          columns={[t('governance.kolom.naam'), t('governance.kolom.functie'), t('governance.kolom.organisatie'), t('governance.kolom.email'), t('governance.kolom.actie')]}
        >
          {governance.personen.map((p) => {
            const email = props.emails.get(p.id);
            return (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row" safe>
                  {p.naam}
                </th>
                <td class="utrecht-table__cell" safe>
                  {p.functie ?? '–'}
                </td>
                <td class="utrecht-table__cell" safe>
                  {organisatieNaam(p.organisatieId) || '–'}
                </td>
                <td class="utrecht-table__cell">
                  {email ? (
                    <a class="utrecht-link" href={`mailto:${email}`} safe>
                      {email}
                    </a>
                  ) : (
                    '–'
                  )}
                </td>
                <td class="utrecht-table__cell">
                  <EditLink href={`/personen/${p.id}/bewerken`} naam={p.naam} />
                </td>
              </tr>
            );
          })}
        </Table>
      </section>
    </Layout>
  );
}

/** The members of one gremium with their rol, whom they represent and an edit link. */
function Leden(props: { governance: Governance; leden: Governance['lidmaatschappen']; label: string }): JSX.Element {
  if (props.leden.length === 0) {
    return (
      <p class="utrecht-paragraph" safe>
        {t('governance.gremium.geenLeden')}
      </p>
    );
  }
  return (
    <Table label={props.label} columns={[t('governance.kolom.naam'), t('governance.kolom.rol'), t('governance.kolom.namens'), t('governance.kolom.actie')]}>
      {props.leden.map((l) => {
        const naam = props.governance.personen.find((p) => p.id === l.persoonId)?.naam ?? '';
        return (
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row" safe>
              {naam}
            </th>
            <td class="utrecht-table__cell" safe>
              {t(`rol.${l.rol}`)}
            </td>
            <td class="utrecht-table__cell" safe>
              {describeNamens(l.namens, props.governance)}
            </td>
            <td class="utrecht-table__cell">
              <EditLink href={`/lidmaatschappen/${l.id}/bewerken`} naam={t('governance.lidmaatschap.bewerkenLabel', { naam })} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

// --- Organisatie -------------------------------------------------------------------------------------------------

interface EditPageProps {
  ctx: PageContext;
  /** Absent for a new record. */
  id?: string | undefined;
  form: FormState;
  history?: AuditRegel[] | undefined;
  conflict?: ConflictField[] | undefined;
  notice?: string | undefined;
}

export function OrganisatieEditPage(props: EditPageProps & { naam: string; code?: string | undefined }): JSX.Element {
  const action = props.id ? `/organisaties/${props.id}/bewerken` : '/organisaties/nieuw';
  const title = props.id ? t('governance.organisatie.titel', { naam: props.naam }) : t('governance.organisatie.nieuwTitel');
  return (
    <EditFrame ctx={props.ctx} title={title} crumbs={[home, overzicht, { href: action, label: title }]} form={props.form} conflict={props.conflict} notice={props.notice}>
      {props.code ? (
        <p class="utrecht-paragraph" safe>
          {t('governance.code', { code: props.code })}
        </p>
      ) : (
        ''
      )}
      <PostForm action={action} csrf={props.ctx.csrf ?? ''}>
        {props.id ? <Hidden name="versie" value={props.form.values.versie ?? ''} /> : ''}
        <TextField name="naam" label={t('governance.organisatie.veldNaam')} form={props.form} required />
        <CheckboxGroup
          name="sectoren"
          label={t('governance.organisatie.veldSectoren')}
          hint={t('governance.organisatie.sectorenHint')}
          form={props.form}
          options={sectorEnum.enumValues.map((s) => ({ value: s, label: sectorLabel(s) }))}
        />
        <FormActions cancel={OVERZICHT} />
      </PostForm>
      {props.id ? (
        <ArchiveSection
          action={`/organisaties/${props.id}/archiveren`}
          csrf={props.ctx.csrf ?? ''}
          versie={props.form.values.versie ?? ''}
          knop={t('governance.organisatie.archiveren')}
          uitleg={t('governance.organisatie.archiverenUitleg')}
          error={props.form.errors.archiveren}
        />
      ) : (
        ''
      )}
      <History regels={props.history} />
    </EditFrame>
  );
}

// --- Persoon -----------------------------------------------------------------------------------------------------

export function PersoonEditPage(props: EditPageProps & { naam: string; code?: string | undefined; organisaties: { id: string; naam: string }[] }): JSX.Element {
  const action = props.id ? `/personen/${props.id}/bewerken` : '/personen/nieuw';
  const title = props.id ? t('governance.persoon.titel', { naam: props.naam }) : t('governance.persoon.nieuwTitel');
  return (
    <EditFrame ctx={props.ctx} title={title} crumbs={[home, overzicht, { href: action, label: title }]} form={props.form} conflict={props.conflict} notice={props.notice}>
      {props.code ? (
        <p class="utrecht-paragraph" safe>
          {t('governance.code', { code: props.code })}
        </p>
      ) : (
        ''
      )}
      <PostForm action={action} csrf={props.ctx.csrf ?? ''}>
        {props.id ? <Hidden name="versie" value={props.form.values.versie ?? ''} /> : ''}
        <TextField name="naam" label={t('governance.persoon.veldNaam')} form={props.form} autocomplete="off" required />
        <TextField name="functie" label={t('governance.persoon.veldFunctie')} hint={t('governance.persoon.functieHint')} form={props.form} />
        <TextField name="email" type="email" label={t('governance.persoon.veldEmail')} hint={t('governance.persoon.emailHint')} form={props.form} autocomplete="off" spellcheck={false} />
        <SelectField
          name="organisatieId"
          label={t('governance.persoon.veldOrganisatie')}
          form={props.form}
          options={[{ value: '', label: t('governance.geen') }, ...props.organisaties.map((o) => ({ value: o.id, label: o.naam }))]}
        />
        <FormActions cancel={OVERZICHT} />
      </PostForm>
      {props.id ? (
        <ArchiveSection
          action={`/personen/${props.id}/archiveren`}
          csrf={props.ctx.csrf ?? ''}
          versie={props.form.values.versie ?? ''}
          knop={t('governance.persoon.archiveren')}
          uitleg={t('governance.persoon.archiverenUitleg')}
          error={props.form.errors.archiveren}
        />
      ) : (
        ''
      )}
      <History regels={props.history} />
    </EditFrame>
  );
}

// --- Gremium -----------------------------------------------------------------------------------------------------

export function GremiumEditPage(props: EditPageProps & { naam: string; slug?: string | undefined; scope: GremiumScope; governance: Governance }): JSX.Element {
  const action = props.id ? `/gremia/${props.id}/bewerken` : '/gremia/nieuw';
  const title = props.id ? t('governance.gremium.titel', { naam: props.naam }) : t('governance.gremium.nieuwTitel');
  const alles = props.scope === 'alles';
  // A voorzitter cannot open the overview; their way back is the structure page.
  const crumbs = alles ? [home, overzicht, { href: action, label: title }] : [home, { href: '/structuur', label: t('nav.structuur') }, { href: action, label: title }];
  const cancel = alles ? OVERZICHT : '/structuur';
  const markdownHint = t('governance.markdownHint');
  return (
    <EditFrame ctx={props.ctx} title={title} crumbs={crumbs} form={props.form} conflict={props.conflict} notice={props.notice}>
      {alles ? (
        ''
      ) : (
        <p class="utrecht-paragraph" safe>
          {t('governance.gremium.eigenTafel')}
        </p>
      )}
      {props.slug ? (
        <p class="utrecht-paragraph" safe>
          {t('governance.code', { code: props.slug })}
        </p>
      ) : (
        ''
      )}
      <PostForm action={action} csrf={props.ctx.csrf ?? ''}>
        {props.id ? <Hidden name="versie" value={props.form.values.versie ?? ''} /> : ''}
        {alles ? (
          <>
            <TextField name="naam" label={t('governance.gremium.veldNaam')} form={props.form} required />
            <SelectField
              name="type"
              label={t('governance.gremium.veldType')}
              form={props.form}
              required
              options={[
                ...(props.id ? [] : [{ value: '', label: t('governance.gremium.kiesType') }]),
                ...gremiumTypeEnum.enumValues.map((type) => ({ value: type, label: t(`gremiumType.${type}`) })),
              ]}
            />
          </>
        ) : (
          ''
        )}
        <TextArea name="omschrijving" label={t('governance.gremium.veldOmschrijving')} hint={markdownHint} form={props.form} rows={6} />
        {alles ? (
          <>
            <TextArea name="opdracht" label={t('governance.gremium.veldOpdracht')} hint={markdownHint} form={props.form} rows={6} />
            <TextArea name="mandaat" label={t('governance.gremium.veldMandaat')} hint={markdownHint} form={props.form} rows={6} />
          </>
        ) : (
          ''
        )}
        <TextField name="vergaderfrequentie" label={t('governance.gremium.veldFrequentie')} hint={t('governance.gremium.frequentieHint')} form={props.form} />
        <FormActions cancel={cancel} />
      </PostForm>
      {props.id && alles ? (
        <>
          <section aria-labelledby="leden">
            <h2 class="utrecht-heading-2" id="leden" safe>
              {t('governance.gremium.leden')}
            </h2>
            <Leden
              governance={props.governance}
              leden={props.governance.lidmaatschappen.filter((l) => l.gremiumId === props.id)}
              label={t('governance.gremium.leden')}
            />
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`/gremia/${props.id}/lidmaatschappen/nieuw`} safe>
                {t('governance.lidmaatschap.nieuw')}
              </a>
            </p>
          </section>
          <ArchiveSection
            action={`/gremia/${props.id}/archiveren`}
            csrf={props.ctx.csrf ?? ''}
            versie={props.form.values.versie ?? ''}
            knop={t('governance.gremium.archiveren')}
            uitleg={t('governance.gremium.archiverenUitleg')}
            error={props.form.errors.archiveren}
          />
        </>
      ) : (
        ''
      )}
      <History regels={props.history} />
    </EditFrame>
  );
}

// --- Lidmaatschap ------------------------------------------------------------------------------------------------

export function LidmaatschapEditPage(
  props: EditPageProps & {
    gremium: { id: string; naam: string };
    /** The member's name when editing; absent for a new member, who is chosen from `personen`. */
    persoonNaam?: string | undefined;
    personen: { id: string; naam: string }[];
    organisaties: { id: string; naam: string }[];
  },
): JSX.Element {
  const action = props.id ? `/lidmaatschappen/${props.id}/bewerken` : `/gremia/${props.gremium.id}/lidmaatschappen/nieuw`;
  const title = props.id
    ? t('governance.lidmaatschap.titel', { gremium: props.gremium.naam, naam: props.persoonNaam ?? '' })
    : t('governance.lidmaatschap.nieuwTitel', { gremium: props.gremium.naam });
  const gremiumHref = `/gremia/${props.gremium.id}/bewerken`;
  const namensOptions = [
    ...sectorEnum.enumValues.map((s) => ({ value: `sector:${s}`, label: t('governance.lidmaatschap.namensSector', { naam: sectorLabel(s) }) })),
    ...props.organisaties.map((o) => ({ value: `organisatie:${o.id}`, label: t('governance.lidmaatschap.namensOrganisatie', { naam: o.naam }) })),
  ];
  return (
    <EditFrame
      ctx={props.ctx}
      title={title}
      crumbs={[home, overzicht, { href: gremiumHref, label: props.gremium.naam }, { href: action, label: title }]}
      form={props.form}
      conflict={props.conflict}
      notice={props.notice}
    >
      <PostForm action={action} csrf={props.ctx.csrf ?? ''}>
        {props.id ? (
          <Hidden name="versie" value={props.form.values.versie ?? ''} />
        ) : (
          <SelectField
            name="persoonId"
            label={t('governance.lidmaatschap.veldPersoon')}
            hint={t('governance.lidmaatschap.persoonHint')}
            form={props.form}
            required
            options={[{ value: '', label: t('governance.lidmaatschap.kiesPersoon') }, ...props.personen.map((p) => ({ value: p.id, label: p.naam }))]}
          />
        )}
        <SelectField
          name="rol"
          label={t('governance.lidmaatschap.veldRol')}
          form={props.form}
          required
          options={lidmaatschapRolEnum.enumValues.map((rol) => ({ value: rol, label: t(`rol.${rol}`) }))}
        />
        <CheckboxGroup name="namens" label={t('governance.lidmaatschap.veldNamens')} hint={t('governance.lidmaatschap.namensHint')} form={props.form} options={namensOptions} />
        <FormActions cancel={gremiumHref} />
      </PostForm>
      {props.id ? (
        <ArchiveSection
          action={`/lidmaatschappen/${props.id}/archiveren`}
          csrf={props.ctx.csrf ?? ''}
          versie={props.form.values.versie ?? ''}
          knop={t('governance.lidmaatschap.archiveren')}
          uitleg={t('governance.lidmaatschap.archiverenUitleg')}
          error={props.form.errors.archiveren}
        />
      ) : (
        ''
      )}
      <History regels={props.history} />
    </EditFrame>
  );
}
