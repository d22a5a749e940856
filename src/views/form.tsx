import type { Children } from '@kitajs/html';
import { t } from '../i18n/index.js';

/** What a form page shows: the values as typed and an error per field (GOV.UK pattern: nothing typed is lost). */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

export function fieldId(name: string): string {
  return `veld-${name}`;
}

/** The summary at the top of an invalid form: one link per error, to the field it is about. */
export function ErrorSummary({ errors }: { errors: Record<string, string> }): JSX.Element {
  const entries = Object.entries(errors);
  if (entries.length === 0) return <></>;
  return (
    <div class="utrecht-alert utrecht-alert--error lea-error-summary" role="alert" aria-labelledby="foutoverzicht-titel" tabindex="-1" id="foutoverzicht">
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2" id="foutoverzicht-titel" safe>
          {t('form.foutoverzicht')}
        </h2>
        <ul class="utrecht-unordered-list">
          {entries.map(([name, message]) => (
            <li>
              <a class="utrecht-link" href={`#${fieldId(name)}`} safe>
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The message at a field, with "Fout:" for screen readers (GOV.UK's visually hidden prefix). */
export function FieldErrorMessage(props: { message: string | undefined; id?: string }): JSX.Element {
  if (!props.message) return <></>;
  return (
    <div class="utrecht-form-field-error-message utrecht-form-field__error-message" id={props.id}>
      <span class="lea-visually-hidden" safe>
        {t('form.foutVoorvoegsel')}
      </span>
      <span safe>{props.message}</span>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  form: FormState;
  hint?: string;
  required?: boolean;
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-fout` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What every field's control carries: the id its label and the error summary point at, its name, and its error state. */
function controlAttributes(props: FieldProps, error: string | undefined) {
  return {
    id: fieldId(props.name),
    name: props.name,
    required: props.required,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(props.name, props.hint, error),
  };
}

function FieldFrame(props: FieldProps & { children: Children }): JSX.Element {
  const error = props.form.errors[props.name];
  return (
    <div class={`utrecht-form-field utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={fieldId(props.name)} safe>
          {props.label}
        </label>
      </div>
      {props.hint ? (
        <div class="utrecht-form-field-description utrecht-form-field__description" id={`${fieldId(props.name)}-hint`} safe>
          {props.hint}
        </div>
      ) : (
        ''
      )}
      <FieldErrorMessage message={error} id={`${fieldId(props.name)}-fout`} />
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}

export function TextField(
  props: FieldProps & { type?: 'text' | 'email' | 'password' | 'number' | 'date'; autocomplete?: string | undefined; inputmode?: string | undefined; spellcheck?: boolean | undefined },
): JSX.Element {
  const error = props.form.errors[props.name];
  // Passwords are never sent back to the browser, not even after an error.
  const value = props.type === 'password' ? '' : (props.form.values[props.name] ?? '');
  return (
    <FieldFrame {...props}>
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
        {...controlAttributes(props, error)}
        type={props.type ?? 'text'}
        value={value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        spellcheck={props.spellcheck === false ? 'false' : undefined}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number }): JSX.Element {
  const error = props.form.errors[props.name];
  return (
    <FieldFrame {...props}>
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        {...controlAttributes(props, error)}
        rows={String(props.rows ?? 5)}
        safe
      >
        {props.form.values[props.name] ?? ''}
      </textarea>
    </FieldFrame>
  );
}

/**
 * A select. A required one always starts with an empty choice ("Maak een keuze" unless the caller gave its own):
 * otherwise its first real option is chosen by default, "required" can never fail, and the HTML is invalid (the
 * first option of a required select must be empty). Left on that choice, the form posts an empty value, which the
 * field's schema refuses with its own message.
 */
export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }): JSX.Element {
  const error = props.form.errors[props.name];
  const selected = props.form.values[props.name] ?? '';
  const options =
    props.required && props.options[0]?.value !== ''
      ? [{ value: '', label: t('form.maakEenKeuze') }, ...props.options.filter((option) => option.value !== '')]
      : props.options;
  return (
    <FieldFrame {...props}>
      <select
        class={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
        {...controlAttributes(props, error)}
      >
        {options.map((option) => (
          <option value={option.value} selected={option.value === selected} safe>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes; the form value is the checked values joined by commas. */
export function CheckboxGroup(props: FieldProps & { options: { value: string; label: string }[] }): JSX.Element {
  const error = props.form.errors[props.name];
  const checked = new Set((props.form.values[props.name] ?? '').split(',').filter(Boolean));
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={fieldId(props.name)}
      aria-describedby={describedBy(props.name, props.hint, error)}
      tabindex="-1"
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" safe>
        {props.label}
      </legend>
      {props.hint ? (
        <div class="utrecht-form-field-description" id={`${fieldId(props.name)}-hint`} safe>
          {props.hint}
        </div>
      ) : (
        ''
      )}
      {error ? (
        <div class="utrecht-form-field-error-message" id={`${fieldId(props.name)}-fout`} safe>
          {error}
        </div>
      ) : (
        ''
      )}
      {props.options.map((option, index) => (
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input
            class="utrecht-checkbox utrecht-checkbox--html-input"
            type="checkbox"
            id={`${fieldId(props.name)}-${index}`}
            name={props.name}
            value={option.value}
            checked={checked.has(option.value)}
          />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${fieldId(props.name)}-${index}`} safe>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function Hidden({ name, value }: { name: string; value: string }): JSX.Element {
  return <input type="hidden" name={name} value={value} />;
}

/** A form that posts back with its CSRF token. */
export function PostForm(props: { action: string; csrf: string; children: Children; class?: string }): JSX.Element {
  return (
    <form method="post" action={props.action} class={props.class ?? 'lea-form'} novalidate>
      <Hidden name="_csrf" value={props.csrf} />
      {props.children}
    </form>
  );
}

export function SubmitButton(props: { label: string; variant?: 'primary' | 'secondary' | 'danger' }): JSX.Element {
  const variant = props.variant ?? 'primary';
  const cls = variant === 'danger' ? 'utrecht-button--danger' : variant === 'secondary' ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action';
  return (
    <button class={`utrecht-button ${cls}`} type="submit" safe>
      {props.label}
    </button>
  );
}

/** A small notice at the top of a page, e.g. "Opgeslagen." after a redirect. */
export function Notice({ text, kind }: { text: string | undefined; kind?: 'ok' | 'info' | 'warning' }): JSX.Element {
  if (!text) return <></>;
  return (
    <div class={`utrecht-alert utrecht-alert--${kind ?? 'ok'} lea-notice`} role="status">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph utrecht-alert__message" safe>
          {text}
        </p>
      </div>
    </div>
  );
}
