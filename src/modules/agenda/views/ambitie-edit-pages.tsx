import { t } from '../../../i18n/index.js';
import type { AuditRegel } from '../../audit/audit.repository.js';
import { FieldErrorMessage, fieldId, Hidden, PostForm, TextArea, TextField, type FormState } from '../../../views/form.js';
import type { Crumb } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { type ConflictField, EditFrame, FormActions, History } from '../../../views/edit-frame.js';

const agendaCrumb: Crumb = { href: '/', label: t('nav.home') };

/** The form for a new ambitie (no id) or for changing one. */
export function AmbitieEditPage(props: {
  ctx: PageContext;
  /** The ambitie as stored; absent for a new one. */
  ambitie?: { id: string; naam: string } | undefined;
  form: FormState;
  history?: AuditRegel[] | undefined;
  conflict?: ConflictField[] | undefined;
  notice?: string | undefined;
}): JSX.Element {
  const ambitie = props.ambitie;
  const action = ambitie ? `/ambities/${ambitie.id}/bewerken` : '/ambities/nieuw';
  const title = ambitie ? t('ambitieBewerken.titel', { naam: ambitie.naam }) : t('ambitieBewerken.nieuwTitel');
  return (
    <EditFrame
      ctx={props.ctx}
      title={title}
      crumbs={[agendaCrumb, { href: action, label: title }]}
      form={props.form}
      conflict={props.conflict}
      notice={props.notice}
    >
      <PostForm action={action} csrf={props.ctx.csrf ?? ''}>
        {ambitie ? <Hidden name="versie" value={props.form.values.versie ?? ''} /> : ''}
        <TextField name="naam" label={t('ambitieBewerken.veldNaam')} form={props.form} required />
        <TextField name="code" label={t('ambitieBewerken.veldCode')} hint={t('ambitieBewerken.codeHint')} form={props.form} spellcheck={false} required />
        <TextArea name="omschrijving" label={t('ambitieBewerken.veldOmschrijving')} form={props.form} rows={5} required />
        <TextField
          name="volgorde"
          label={t('ambitieBewerken.veldVolgorde')}
          hint={ambitie ? t('ambitieBewerken.volgordeHint') : t('ambitieBewerken.volgordeHintNieuw')}
          form={props.form}
          inputmode="numeric"
          required={Boolean(ambitie)}
        />
        <FormActions cancel="/#ambities" />
      </PostForm>
      {ambitie ? (
        <section aria-labelledby="archiveren">
          <h2 class="utrecht-heading-2" id="archiveren" safe>
            {t('bewerken.archiveren')}
          </h2>
          <p class="utrecht-paragraph" safe>
            {t('ambitieBewerken.archiverenUitleg')}
          </p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/ambities/${ambitie.id}/archiveren`} safe>
              {t('ambitieBewerken.archiveren')}
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

/** The question before archiving, with what is stored now; a refusal is shown at the button. */
export function AmbitieArchiveerPage(props: {
  ctx: PageContext;
  ambitie: { id: string; naam: string; omschrijving: string };
  form: FormState;
}): JSX.Element {
  const { ambitie } = props;
  const edit = `/ambities/${ambitie.id}/bewerken`;
  const action = `/ambities/${ambitie.id}/archiveren`;
  const title = t('ambitieBewerken.archiverenTitel', { naam: ambitie.naam });
  const error = props.form.errors.archiveren;
  return (
    <EditFrame
      ctx={props.ctx}
      title={title}
      crumbs={[agendaCrumb, { href: edit, label: t('ambitieBewerken.titel', { naam: ambitie.naam }) }, { href: action, label: title }]}
      form={props.form}
    >
      <p class="utrecht-paragraph" safe>
        {t('ambitieBewerken.archiverenUitleg')}
      </p>
      <dl class="lea-facts lea-facts--stapel">
        <div class="lea-facts__item">
          <dt safe>{t('ambitieBewerken.veldNaam')}</dt>
          <dd safe>{ambitie.naam}</dd>
        </div>
        <div class="lea-facts__item">
          <dt safe>{t('ambitieBewerken.veldOmschrijving')}</dt>
          <dd safe>{ambitie.omschrijving}</dd>
        </div>
      </dl>
      <ArchiveerForm action={action} cancel={edit} csrf={props.ctx.csrf ?? ''} versie={props.form.values.versie ?? ''} error={error} vraag={t('ambitieBewerken.archiverenVraag')} knop={t('ambitieBewerken.archiveren')} />
    </EditFrame>
  );
}

/** "Are you sure?" with the button, the version the user saw, and a refusal message that the error summary links to. */
export function ArchiveerForm(props: { action: string; cancel: string; csrf: string; versie: string; error: string | undefined; vraag: string; knop: string }): JSX.Element {
  return (
    <PostForm action={props.action} csrf={props.csrf}>
      <Hidden name="versie" value={props.versie} />
      <div class={`utrecht-form-field utrecht-form-field--distanced${props.error ? ' utrecht-form-field--invalid' : ''}`} id={fieldId('archiveren')} tabindex="-1">
        <p class="utrecht-paragraph" safe>
          {props.vraag}
        </p>
        <FieldErrorMessage message={props.error} />
      </div>
      <FormActions cancel={props.cancel} label={props.knop} variant="danger" />
    </PostForm>
  );
}
