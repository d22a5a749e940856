import { t } from '../../../i18n/index.js';
import type { AuditRegel } from '../../audit/audit.repository.js';
import { type ConflictField, EditFrame, FormActions, History } from '../../../views/edit-frame.js';
import { CheckboxGroup, Hidden, PostForm, SubmitButton, TextArea, TextField, type FormState } from '../../../views/form.js';
import type { PageContext } from '../../../views/page-context.js';

export type { ConflictField };

export function ActielijnEditPage(props: {
  ctx: PageContext;
  nummer: number;
  form: FormState;
  focusdoelen: { id: string; positie: number; tekst: string }[];
  /** The current ambities to choose from. */
  ambities: { value: string; label: string }[];
  maxFocusdoelen: number;
  history: AuditRegel[] | undefined;
  conflict?: ConflictField[] | undefined;
  notice?: string | undefined;
}): JSX.Element {
  const base = `/actielijnen/${props.nummer}`;
  const title = t('bewerken.actielijn.titel', { nummer: props.nummer });
  return (
    <EditFrame
      ctx={props.ctx}
      title={title}
      crumbs={[{ href: '/', label: t('nav.home') }, { href: base, label: t('actielijn.titel', { nummer: props.nummer }) }, { href: `${base}/bewerken`, label: t('bewerken.kort') }]}
      form={props.form}
      conflict={props.conflict}
      notice={props.notice}
    >
      <PostForm action={`${base}/bewerken`} csrf={props.ctx.csrf ?? ''}>
        <Hidden name="versie" value={props.form.values.versie ?? ''} />
        <TextArea name="titel" label={t('bewerken.actielijn.veldTitel')} form={props.form} rows={3} required />
        <TextField name="kernwoord" label={t('bewerken.actielijn.veldKernwoord')} hint={t('bewerken.actielijn.kernwoordHint')} form={props.form} />
        <TextArea name="beleidsthema" label={t('bewerken.actielijn.veldBeleidsthema')} form={props.form} rows={3} required />
        <CheckboxGroup name="ambities" label={t('ambitieBewerken.actielijnVeld')} hint={t('ambitieBewerken.actielijnHint')} form={props.form} options={props.ambities} />
        <FormActions cancel={base} />
      </PostForm>
      <section aria-labelledby="focusdoelen">
        <h2 class="utrecht-heading-2" id="focusdoelen" safe>
          {t('bewerken.focusdoelen')}
        </h2>
        <ol class="utrecht-ordered-list">
          {props.focusdoelen.map((f) => (
            <li>
              <span safe>{f.tekst}</span>{' '}
              <a class="utrecht-link" href={`/focusdoelen/${f.id}/bewerken`} aria-label={t('bewerken.focusdoel.bewerkenLabel', { positie: f.positie })} safe>
                {t('bewerken.knop')}
              </a>
            </li>
          ))}
        </ol>
        {props.focusdoelen.length < props.maxFocusdoelen ? (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base}/focusdoelen/nieuw`} safe>
              {t('bewerken.focusdoel.nieuw')}
            </a>
          </p>
        ) : (
          <p class="utrecht-paragraph" safe>
            {t('bewerken.maxFocusdoelen.tekst', { max: props.maxFocusdoelen })}
          </p>
        )}
      </section>
      <History regels={props.history} />
    </EditFrame>
  );
}

export function FocusdoelEditPage(props: {
  ctx: PageContext;
  nummer: number;
  /** Absent for a new focusdoel. */
  id?: string | undefined;
  form: FormState;
  history: AuditRegel[] | undefined;
  conflict?: ConflictField[] | undefined;
  notice?: string | undefined;
}): JSX.Element {
  const base = `/actielijnen/${props.nummer}`;
  const action = props.id ? `/focusdoelen/${props.id}/bewerken` : `${base}/focusdoelen/nieuw`;
  const title = props.id ? t('bewerken.focusdoel.titel', { nummer: props.nummer }) : t('bewerken.focusdoel.nieuwTitel', { nummer: props.nummer });
  return (
    <EditFrame
      ctx={props.ctx}
      title={title}
      crumbs={[{ href: '/', label: t('nav.home') }, { href: base, label: t('actielijn.titel', { nummer: props.nummer }) }, { href: `${base}/bewerken`, label: t('bewerken.kort') }, { href: action, label: title }]}
      form={props.form}
      conflict={props.conflict}
      notice={props.notice}
    >
      <PostForm action={action} csrf={props.ctx.csrf ?? ''}>
        {props.id ? <Hidden name="versie" value={props.form.values.versie ?? ''} /> : ''}
        <TextArea name="tekst" label={t('bewerken.focusdoel.veldTekst')} form={props.form} rows={4} required />
        <TextArea name="subpunten" label={t('bewerken.focusdoel.veldSubpunten')} hint={t('bewerken.focusdoel.subpuntenHint')} form={props.form} rows={6} />
        <div class="lea-form__actions">
          <SubmitButton label={t('form.opslaan')} />
          <a class="utrecht-link" href={`${base}/bewerken`} safe>
            {t('form.annuleren')}
          </a>
        </div>
      </PostForm>
      {props.id ? (
        <section aria-labelledby="archiveren">
          <h2 class="utrecht-heading-2" id="archiveren" safe>
            {t('bewerken.archiveren')}
          </h2>
          <p class="utrecht-paragraph" safe>
            {t('bewerken.focusdoel.archiverenUitleg')}
          </p>
          <PostForm action={`/focusdoelen/${props.id}/archiveren`} csrf={props.ctx.csrf ?? ''}>
            <Hidden name="versie" value={props.form.values.versie ?? ''} />
            <SubmitButton label={t('bewerken.focusdoel.archiveren')} variant="danger" />
          </PostForm>
        </section>
      ) : (
        ''
      )}
      <History regels={props.history} />
    </EditFrame>
  );
}
