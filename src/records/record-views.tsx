import type { Children } from '@kitajs/html';
/**
 * The pages of every record kind: the new/edit form (with its conflict notice, error summary, archive section and
 * history) and the question before archiving. Each field is drawn by its widget; the words come from the kind's
 * declaration and the one message catalogue.
 */
import { t } from '../i18n/index.js';
import type { AuditRegel } from '../modules/audit/audit.repository.js';
import { ArchiveSection, EditFrame, FormActions, History, type ConflictField } from '../views/edit-frame.js';
import { CheckboxGroup, FieldErrorMessage, fieldId, Hidden, PostForm, SelectField, TextArea, TextField, type FormState } from '../views/form.js';
import type { Crumb } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import type { Field, Option } from './fields.js';

export type FormField = [name: string, field: Field<unknown, unknown>];

/** One field of a form, drawn by its widget. */
export function FieldInput(props: { name: string; field: Field<unknown, unknown>; form: FormState; options: Option[]; mode: 'create' | 'update' }): JSX.Element {
  const { name, field, form } = props;
  const label = t(field.label);
  const onCreate = props.mode === 'create' ? field.onCreate : undefined;
  const hintKey = onCreate?.hint ?? field.hint ?? (field.widget === 'markdown' ? 'form.markdownHint' : undefined);
  const hint = hintKey ? t(hintKey) : undefined;
  const required = onCreate ? onCreate.required : field.required;
  const input = field.input ?? {};
  switch (field.widget) {
    case 'textarea':
    case 'markdown':
    case 'lines':
      return <TextArea name={name} label={label} hint={hint} form={form} rows={input.rows ?? 5} required={required} />;
    case 'select':
      // SelectField starts a required choice on an empty "Maak een keuze"; an optional one may be left on "Geen".
      return <SelectField name={name} label={label} hint={hint} form={form} required={required} options={required ? props.options : [{ value: '', label: t('form.geen') }, ...props.options]} />;
    case 'checkboxes':
      return <CheckboxGroup name={name} label={label} hint={hint} form={form} options={props.options} />;
    case 'date':
      return <TextField name={name} type="date" label={label} hint={hint} form={form} required={required} />;
    default:
      return (
        <TextField
          name={name}
          type={input.type ?? 'text'}
          label={label}
          hint={hint}
          form={form}
          required={required}
          inputmode={input.inputmode}
          autocomplete={input.autocomplete}
          spellcheck={input.spellcheck}
        />
      );
  }
}

export interface RecordPageProps {
  ctx: PageContext;
  title: string;
  crumbs: Crumb[];
  mode: 'create' | 'update';
  /** Where the form posts to. */
  action: string;
  fields: FormField[];
  options: Map<string, Option[]>;
  form: FormState;
  intro: string[];
  cancel: string;
  conflict?: ConflictField[] | undefined;
  notice?: string | undefined;
  /** More of the page under the form. */
  sections?: Children;
  archive?: { style: 'inline' | 'confirm'; action: string; button: string; explanation: string } | undefined;
  history?: AuditRegel[] | undefined;
}

/** The page of a form, as PageCache.private renders it. */
export function editPage(props: Omit<RecordPageProps, 'ctx'>): (ctx: PageContext) => JSX.Element {
  return (ctx) => <RecordEditPage ctx={ctx} {...props} />;
}

/** The form of a new record, or of one that exists (with its version, archive section and history). */
export function RecordEditPage(props: RecordPageProps): JSX.Element {
  const archive = props.archive;
  return (
    <EditFrame ctx={props.ctx} title={props.title} crumbs={props.crumbs} form={props.form} conflict={props.conflict} notice={props.notice}>
      {props.intro.map((paragraph) => (
        <p class="utrecht-paragraph" safe>
          {paragraph}
        </p>
      ))}
      <PostForm action={props.action} csrf={props.ctx.csrf ?? ''}>
        {props.mode === 'update' ? <Hidden name="versie" value={props.form.values.versie ?? ''} /> : ''}
        {props.fields.map(([name, field]) => (
          <FieldInput name={name} field={field} form={props.form} options={props.options.get(name) ?? []} mode={props.mode} />
        ))}
        <FormActions cancel={props.cancel} />
      </PostForm>
      {props.sections}
      {!archive ? (
        ''
      ) : archive.style === 'inline' ? (
        <ArchiveSection
          action={archive.action}
          csrf={props.ctx.csrf ?? ''}
          versie={props.form.values.versie ?? ''}
          knop={archive.button}
          uitleg={archive.explanation}
          error={props.form.errors.archiveren}
        />
      ) : (
        <section aria-labelledby="archiveren">
          <h2 class="utrecht-heading-2" id="archiveren" safe>
            {t('bewerken.archiveren')}
          </h2>
          <p class="utrecht-paragraph" safe>
            {archive.explanation}
          </p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={archive.action} safe>
              {archive.button}
            </a>
          </p>
        </section>
      )}
      <History regels={props.history} />
    </EditFrame>
  );
}

/** The question before archiving, with the record as it is stored now; a refusal is shown at the button. */
export function RecordArchivePage(props: {
  ctx: PageContext;
  title: string;
  crumbs: Crumb[];
  facts: { label: string; value: string }[];
  explanation: string;
  question: string;
  button: string;
  action: string;
  cancel: string;
  form: FormState;
}): JSX.Element {
  const error = props.form.errors.archiveren;
  return (
    <EditFrame ctx={props.ctx} title={props.title} crumbs={props.crumbs} form={props.form}>
      <p class="utrecht-paragraph" safe>
        {props.explanation}
      </p>
      <dl class="lea-facts lea-facts--stapel">
        {props.facts.map((fact) => (
          <div class="lea-facts__item">
            <dt safe>{fact.label}</dt>
            <dd safe>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <PostForm action={props.action} csrf={props.ctx.csrf ?? ''}>
        <Hidden name="versie" value={props.form.values.versie ?? ''} />
        <div class={`utrecht-form-field utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`} id={fieldId('archiveren')} tabindex="-1">
          <p class="utrecht-paragraph" safe>
            {props.question}
          </p>
          <FieldErrorMessage message={error} />
        </div>
        <FormActions cancel={props.cancel} label={props.button} variant="danger" />
      </PostForm>
    </EditFrame>
  );
}
