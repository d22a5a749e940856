import type { Children } from '@kitajs/html';
import { t } from '../i18n/index.js';
import type { AuditRegel } from '../modules/audit/audit.repository.js';
import { AuditTable } from '../modules/audit/audit-table.js';
import { ConflictNotice } from './conflict.js';
import { ErrorSummary, FieldErrorMessage, Hidden, Notice, PostForm, SubmitButton, type FormState } from './form.js';
import { Layout, Section, type Crumb } from './layout.js';
import type { PageContext } from './page-context.js';

/** One field of a refused save: what is stored now and what the user typed. */
export interface ConflictField {
  label: string;
  stored: string;
  typed: string;
}

/** The history of a record under its edit form; absent for roles that may not read it. */
export function History(props: { regels: AuditRegel[] | undefined }): JSX.Element {
  if (!props.regels) return <></>;
  return (
    <Section id="historie" title={t('bewerken.historie')} prose={false}>
      <AuditTable regels={props.regels} label={t('bewerken.historieTabel')} />
    </Section>
  );
}

/** The frame of every edit page: the conflict notice, the error summary, a notice after saving, one h1. */
export function EditFrame(props: {
  ctx: PageContext;
  title: string;
  crumbs: Crumb[];
  form: FormState;
  conflict?: ConflictField[] | undefined;
  notice?: string | undefined;
  children: Children;
}): JSX.Element {
  return (
    <Layout {...props.ctx} title={props.title} breadcrumbs={props.crumbs} hasErrors={Object.keys(props.form.errors).length > 0 || Boolean(props.conflict)}>
      {props.conflict ? <ConflictNotice fields={props.conflict} /> : ''}
      <ErrorSummary errors={props.form.errors} />
      <Notice text={props.notice} />
      <h1 class="utrecht-heading-1" safe>
        {props.title}
      </h1>
      {props.children}
    </Layout>
  );
}

/** The submit button (by default "Opslaan") and a cancel link under a form. */
export function FormActions(props: { cancel: string; label?: string; variant?: 'primary' | 'danger' }): JSX.Element {
  return (
    <div class="lea-form__actions">
      <SubmitButton label={props.label ?? t('form.opslaan')} variant={props.variant ?? 'primary'} />
      <a class="utrecht-link" href={props.cancel} safe>
        {t('form.annuleren')}
      </a>
    </div>
  );
}

/** The archive button under an edit form; a refusal (still in use, or changed meanwhile) is shown here, and linked from the summary. */
export function ArchiveSection(props: { action: string; csrf: string; versie: string; knop: string; uitleg: string; error: string | undefined }): JSX.Element {
  return (
    <section aria-labelledby="archiveren" id="veld-archiveren" tabindex="-1">
      <h2 class="utrecht-heading-2" id="archiveren" safe>
        {t('bewerken.archiveren')}
      </h2>
      <p class="utrecht-paragraph" safe>
        {props.uitleg}
      </p>
      <FieldErrorMessage message={props.error} />
      <PostForm action={props.action} csrf={props.csrf}>
        <Hidden name="versie" value={props.versie} />
        <SubmitButton label={props.knop} variant="danger" />
      </PostForm>
    </section>
  );
}

