import { t } from '../../../i18n/index.js';
import type { AuditRegel } from '../../audit/audit.repository.js';
import { Hidden, PostForm, SelectField, SubmitButton, TextArea, TextField, type FormState } from '../../../views/form.js';
import type { Crumb } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { ArchiveerForm } from './ambitie-edit-pages.js';
import { type ConflictField, EditFrame, FormActions, History } from '../../../views/edit-frame.js';

const crumbs: Crumb[] = [
  { href: '/', label: t('nav.home') },
  { href: '/oab-afspraken', label: t('oab.kort') },
];

export interface AfspraakTitel {
  id: string;
  nummer: number;
  jaar: number;
  categorie: string;
}

const titelVars = (a: AfspraakTitel) => ({ nummer: a.nummer, jaar: a.jaar, categorie: a.categorie });

/** The form for a new OAB-afspraak (no afspraak) or for changing one. */
export function OabAfspraakEditPage(props: {
  ctx: PageContext;
  /** The afspraak as stored; absent for a new one. */
  afspraak?: AfspraakTitel | undefined;
  categorieen: { value: string; label: string }[];
  form: FormState;
  history?: AuditRegel[] | undefined;
  conflict?: ConflictField[] | undefined;
  notice?: string | undefined;
}): JSX.Element {
  const afspraak = props.afspraak;
  const action = afspraak ? `/oab-afspraken/${afspraak.id}/bewerken` : '/oab-afspraken/nieuw';
  const title = afspraak ? t('oabBewerken.titel', titelVars(afspraak)) : t('oabBewerken.nieuwTitel');
  const options = afspraak ? props.categorieen : [{ value: '', label: t('oabBewerken.kiesCategorie') }, ...props.categorieen];
  return (
    <EditFrame ctx={props.ctx} title={title} crumbs={[...crumbs, { href: action, label: title }]} form={props.form} conflict={props.conflict} notice={props.notice}>
      <PostForm action={action} csrf={props.ctx.csrf ?? ''}>
        {afspraak ? <Hidden name="versie" value={props.form.values.versie ?? ''} /> : ''}
        <SelectField name="categorieId" label={t('oabBewerken.veldCategorie')} form={props.form} options={options} required />
        <TextField name="jaar" label={t('oabBewerken.veldJaar')} hint={t('oabBewerken.jaarHint')} form={props.form} inputmode="numeric" required />
        <TextField
          name="nummer"
          label={t('oabBewerken.veldNummer')}
          hint={afspraak ? t('oabBewerken.nummerHint') : t('oabBewerken.nummerHintNieuw')}
          form={props.form}
          inputmode="numeric"
          required={Boolean(afspraak)}
        />
        <TextArea name="tekst" label={t('oabBewerken.veldTekst')} form={props.form} rows={5} required />
        <FormActions cancel="/oab-afspraken" />
      </PostForm>
      {afspraak ? (
        <section aria-labelledby="archiveren">
          <h2 class="utrecht-heading-2" id="archiveren" safe>
            {t('bewerken.archiveren')}
          </h2>
          <p class="utrecht-paragraph" safe>
            {t('oabBewerken.archiverenUitleg')}
          </p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/oab-afspraken/${afspraak.id}/archiveren`} safe>
              {t('oabBewerken.archiveren')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      <History regels={props.history} />
    </EditFrame>
  );
}

/** The question before archiving an afspraak, with its stored text. */
export function OabAfspraakArchiveerPage(props: { ctx: PageContext; afspraak: AfspraakTitel & { tekst: string }; form: FormState }): JSX.Element {
  const { afspraak } = props;
  const edit = `/oab-afspraken/${afspraak.id}/bewerken`;
  const action = `/oab-afspraken/${afspraak.id}/archiveren`;
  const title = t('oabBewerken.archiverenTitel', titelVars(afspraak));
  return (
    <EditFrame
      ctx={props.ctx}
      title={title}
      crumbs={[...crumbs, { href: edit, label: t('oabBewerken.titel', titelVars(afspraak)) }, { href: action, label: title }]}
      form={props.form}
    >
      <p class="utrecht-paragraph" safe>
        {t('oabBewerken.archiverenUitleg')}
      </p>
      <dl class="lea-facts lea-facts--stapel">
        <div class="lea-facts__item">
          <dt safe>{t('oabBewerken.veldCategorie')}</dt>
          <dd safe>{afspraak.categorie}</dd>
        </div>
        <div class="lea-facts__item">
          <dt safe>{t('oabBewerken.veldJaar')}</dt>
          <dd safe>{String(afspraak.jaar)}</dd>
        </div>
        <div class="lea-facts__item">
          <dt safe>{t('oabBewerken.veldNummer')}</dt>
          <dd safe>{String(afspraak.nummer)}</dd>
        </div>
        <div class="lea-facts__item">
          <dt safe>{t('oabBewerken.veldTekst')}</dt>
          <dd safe>{afspraak.tekst}</dd>
        </div>
      </dl>
      <ArchiveerForm
        action={action}
        cancel={edit}
        csrf={props.ctx.csrf ?? ''}
        versie={props.form.values.versie ?? ''}
        error={props.form.errors.archiveren}
        vraag={t('oabBewerken.archiverenVraag')}
        knop={t('oabBewerken.archiveren')}
      />
    </EditFrame>
  );
}

/** The toelichting above a year's afspraken. */
export function OabJaarEditPage(props: {
  ctx: PageContext;
  jaar: number;
  form: FormState;
  history?: AuditRegel[] | undefined;
  conflict?: ConflictField[] | undefined;
  notice?: string | undefined;
}): JSX.Element {
  const action = `/oab-afspraken/jaren/${props.jaar}/bewerken`;
  const title = t('oabBewerken.jaarTitel', { jaar: props.jaar });
  return (
    <EditFrame ctx={props.ctx} title={title} crumbs={[...crumbs, { href: action, label: title }]} form={props.form} conflict={props.conflict} notice={props.notice}>
      <PostForm action={action} csrf={props.ctx.csrf ?? ''}>
        <Hidden name="versie" value={props.form.values.versie ?? ''} />
        <TextArea name="toelichting" label={t('oabBewerken.veldToelichting')} hint={t('oabBewerken.toelichtingHint', { jaar: props.jaar })} form={props.form} rows={6} />
        <div class="lea-form__actions">
          <SubmitButton label={t('form.opslaan')} />
          <a class="utrecht-link" href={`/oab-afspraken#oab-${props.jaar}`} safe>
            {t('form.annuleren')}
          </a>
        </div>
      </PostForm>
      <History regels={props.history} />
    </EditFrame>
  );
}
