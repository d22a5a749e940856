/**
 * The fields of a record kind. A field is declared once and serves the edit form, the API and the service: one zod
 * schema (with the Dutch messages) checks the API's JSON and, after the widget has turned the posted text into the
 * same shape, the form's input — so both refuse the same input with the same words.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { t, type MessageKey } from '../i18n/index.js';
import { joinDutch } from '../lib/join-dutch.js';
import type { KindTable } from './record-kind.js';

export type Widget = 'text' | 'textarea' | 'markdown' | 'select' | 'checkboxes' | 'lines' | 'number' | 'date';

export interface Option {
  value: string;
  label: string;
  /** How the choice reads inside a sentence, when that differs from its label ("het primair onderwijs"). */
  text?: string;
}

/**
 * Where a field's value lives when it is not a column of the kind's own table: rows of a child table (sub-points,
 * links to ambities, whom a member represents). `load` reads many records at once; `save` replaces the value inside
 * the transaction of the change and returns it as it is now stored.
 */
export interface Relation<V, L> {
  load(db: Database, gemeenteId: string, ids: readonly string[]): Promise<Map<string, L>>;
  save(db: Database, gemeenteId: string, id: string, value: V, before: L | undefined): Promise<L>;
}

/** A field of a record kind. V is what the schema gives the service; L is the value as a loaded record holds it. */
export interface Field<V = unknown, L = V> {
  readonly widget: Widget;
  readonly label: MessageKey;
  readonly hint?: MessageKey | undefined;
  /** Checks API input and converted form input; its messages are Dutch. */
  readonly schema: z.ZodType<V>;
  /** Must be filled in (the form marks it required); for a new record see also `onCreate`. */
  readonly required: boolean;
  /** On a record that exists, an empty form field means "leave it as it is" (a code, a number in an address). */
  readonly keepWhenEmpty?: boolean | undefined;
  /** A new record may differ: a number left empty is worked out by the kind (the next free one), with its own hint. */
  readonly onCreate?: { schema: z.ZodType<V>; required: boolean; hint?: MessageKey | undefined } | undefined;
  /** The value of a new record when none is given, and what the new form starts with. */
  readonly initial?: V | undefined;
  /**
   * 'create': chosen when the record is made, fixed after (the persoon of a lidmaatschap); 'update': worked out when
   * the record is made, changeable after (a code made from the name).
   */
  readonly editable: 'always' | 'create' | 'update';
  /** The column of the kind's table that holds the value (default: the field's own name), unless `relation` does. */
  readonly column?: string | undefined;
  readonly relation?: Relation<V, L> | undefined;
  /** The choices of a select or checkbox group, read per request (they come from the gemeente's own data). */
  readonly options?: ((request: FastifyRequest) => Promise<Option[]>) | undefined;
  /**
   * A reference to records of another table: a chosen id must be a current record of this gemeente, checked and
   * share-locked in the transaction of the change (so archiving the target waits for the save).
   */
  readonly references?: { table: KindTable; message: MessageKey } | undefined;
  /** Form text → the shape the schema takes. */
  fromForm(raw: string): unknown;
  /** A value → the form's text. */
  toForm(value: V): string;
  /** A loaded value → the value the schema gives (for comparing, merging and the form). */
  toInput(value: L): V;
  /** How a value reads for people (conflict table, archive question), given the field's choices. */
  display(value: V, options: readonly Option[]): string;
  /** Input attributes for the widget. */
  readonly input?: { type?: 'email'; inputmode?: 'numeric'; autocomplete?: string; spellcheck?: boolean; rows?: number } | undefined;
  /** Description and example for the OpenAPI document. */
  readonly api?: { description?: string; example?: unknown } | undefined;
}

type Common = {
  label: MessageKey;
  hint?: MessageKey;
  api?: { description?: string; example?: unknown };
  column?: string;
  editable?: 'always' | 'create' | 'update';
};

const tidy = (value: string | null | undefined) => (value ?? '').replace(/\r\n/g, '\n').trim();
const same = <V>(value: V) => value;
const labelOf = (options: readonly Option[], value: string) => options.find((o) => o.value === value)?.label ?? value;

function field<V, L = V>(spec: Omit<Field<V, L>, 'toInput' | 'editable'> & { toInput?: (value: L) => V; editable?: Field['editable'] }): Field<V, L> {
  return { editable: 'always', toInput: same as (value: L) => V, ...spec };
}

/**
 * A line of text, a longer text or markdown. With `empty` it must be filled in (that message when it is not);
 * without, it may be left empty and is stored as null. Leading and trailing spaces never count.
 */
export function text(
  spec: Common & {
    max: number;
    empty?: MessageKey;
    widget?: 'text' | 'textarea' | 'markdown';
    rows?: number;
    /** Extra checks on the tidied text, each with its message. */
    checks?: { test: (value: string) => boolean; message: MessageKey }[];
    input?: Field['input'];
  },
): Field<string | null> {
  const tooLong = t('fout.veld.teLang', { max: spec.max });
  // Each extra check applies to text that was filled in; an empty optional text is simply null.
  const checked = (value: string, context: z.RefinementCtx) => {
    const failed = value === '' ? undefined : spec.checks?.find((c) => !c.test(value));
    // Stryker disable next-line StringLiteral: an issue's code is read nowhere; forms and API show its message and path
    if (failed) context.addIssue({ code: 'custom', message: t(failed.message) });
  };
  const schema = spec.empty
    ? z
        .string({ error: t(spec.empty) })
        .transform(tidy)
        .pipe(z.string().min(1, t(spec.empty)).max(spec.max, tooLong).superRefine(checked))
    : z
        .string({ error: t('fout.veld.tekst') })
        .nullable()
        .transform(tidy)
        .pipe(z.string().max(spec.max, tooLong).superRefine(checked))
        .transform((v) => (v === '' ? null : v));
  return field<string | null>({
    ...spec,
    widget: spec.widget ?? 'text',
    schema: schema as z.ZodType<string | null>,
    required: Boolean(spec.empty),
    input: { ...spec.input, ...(spec.rows ? { rows: spec.rows } : {}) },
    fromForm: (raw) => raw,
    toForm: (value) => value ?? '',
    display: (value) => value ?? '',
  });
}

/** A code as in addresses and the API: lower-case words joined by hyphens, such as gelijke-kansen. */
export const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A code or slug. Made from the name when the record is made (editable: 'update'), or chosen then ('always'); on a
 * record that exists, leaving it empty keeps it as it is.
 */
export function code(spec: Common & { max: number; empty?: MessageKey; invalid: MessageKey }): Field<string | undefined> {
  const schema = z
    .string({ error: t(spec.invalid) })
    .trim()
    .min(1, spec.empty ? t(spec.empty) : t(spec.invalid))
    .max(spec.max, t('fout.veld.teLang', { max: spec.max }))
    .regex(CODE_PATTERN, t(spec.invalid));
  return field<string | undefined>({
    ...spec,
    widget: 'text',
    schema: schema as z.ZodType<string | undefined>,
    required: Boolean(spec.empty),
    keepWhenEmpty: !spec.empty,
    input: { spellcheck: false },
    fromForm: (raw) => (raw.trim() === '' && !spec.empty ? undefined : raw),
    toForm: (value) => value ?? '',
    display: (value) => value ?? '',
  });
}

/** A text that must be filled in: the schema gives a string, never null. */
export function requiredText(spec: Parameters<typeof text>[0] & { empty: MessageKey }): Field<string> {
  return text(spec) as Field<string>;
}

/**
 * A whole number, typed into a text field. `empty` makes it required; without it an empty field is null (for a
 * new record the kind then picks one, such as the next free number).
 */
export function wholeNumber(
  spec: Common & {
    min: number;
    max: number;
    invalid: MessageKey;
    empty?: MessageKey;
    /** Empty stores null; 'create': only a new record may leave it empty (the kind then picks the number). */
    nullable?: boolean | 'create';
    createHint?: MessageKey;
    keepWhenEmpty?: boolean;
  },
): Field<number | null> {
  const invalid = t(spec.invalid);
  const base = z.int({ error: (issue) => ((issue.input === undefined || issue.input === null) && spec.empty ? t(spec.empty) : invalid) }).min(spec.min, invalid).max(spec.max, invalid);
  const schema = spec.nullable === true ? base.nullable() : base;
  const onCreate = spec.nullable === 'create' ? { schema: base.nullable() as z.ZodType<number | null>, required: false, hint: spec.createHint } : undefined;
  return field<number | null>({
    ...spec,
    widget: 'number',
    schema: schema as z.ZodType<number | null>,
    required: spec.nullable !== true,
    onCreate,
    input: { inputmode: 'numeric' },
    fromForm: (raw) => {
      const trimmed = raw.trim();
      if (trimmed === '') return spec.nullable ? null : undefined;
      return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : trimmed;
    },
    toForm: (value) => (value === null ? '' : String(value)),
    display: (value) => (value === null ? '' : String(value)),
  });
}

/** One choice from a fixed list (an enum of the database) or from the gemeente's own records. */
export function select<V extends string>(
  spec: Common & {
    /** The allowed values with the message when another is sent; for references, the choices come from `options`. */
    values: readonly [V, ...V[]] | 'uuid';
    invalid: MessageKey;
    empty?: MessageKey;
    /** Not required: the empty choice stores null. */
    nullable?: boolean;
    initial?: V;
    options: (request: FastifyRequest) => Promise<Option[]> | Option[];
    references?: { table: KindTable; message: MessageKey };
  },
): Field<V | null> {
  const invalid = t(spec.invalid);
  const error = (issue: { input?: unknown }) => ((issue.input === undefined || issue.input === null || issue.input === '') && spec.empty ? t(spec.empty) : invalid);
  const base = spec.values === 'uuid' ? z.uuid({ error }) : z.enum(spec.values as [V, ...V[]], { error });
  const schema = spec.nullable ? base.nullable() : base;
  return field<V | null>({
    ...spec,
    widget: 'select',
    schema: schema as unknown as z.ZodType<V | null>,
    required: !spec.nullable,
    options: async (request) => spec.options(request),
    fromForm: (raw) => {
      const trimmed = raw.trim();
      if (trimmed === '') return spec.nullable ? null : undefined;
      return trimmed;
    },
    toForm: (value) => value ?? '',
    display: (value, options) => (value === null ? '' : labelOf(options, value)),
  });
}

/**
 * One of the gemeente's own records, chosen by id from a list: the chosen id must be a current record of `table`,
 * which the change checks (and share-locks) in its transaction; otherwise the `invalid` message, at this field.
 */
export function reference(
  spec: Common & { table: KindTable; invalid: MessageKey; empty?: MessageKey; nullable?: boolean; options: (request: FastifyRequest) => Promise<Option[]> },
): Field<string | null> {
  return select<string>({ ...spec, values: 'uuid', references: { table: spec.table, message: spec.invalid } });
}

/**
 * Several choices from a list: the form posts the checked values (joined by commas), the API an array. `encode`
 * and `decode` translate between the form's value of a checkbox and an array item when those differ (e.g.
 * "sector:po" and `{ sector: 'po' }`).
 */
export function checkboxes<I, L = I[]>(
  spec: Common & {
    item: z.ZodType<I>;
    min?: { count: number; message: MessageKey };
    max: number;
    options: (request: FastifyRequest) => Promise<Option[]> | Option[];
    encode?: (item: I) => string;
    decode?: (value: string) => unknown;
    /** Drops repeats (by their form value), keeping the first. */
    unique?: boolean;
    relation?: Relation<I[], L>;
    toInput?: (value: L) => I[];
    /** How the chosen options read together: their labels joined by ", " (default), one per line, or as a Dutch sentence. */
    join?: 'comma' | 'lines' | 'sentence';
    sort?: boolean;
  },
): Field<I[], L> {
  const encode = spec.encode ?? ((item: I) => String(item));
  let schema: z.ZodType<I[]> = z.array(spec.item, { error: t('fout.veld.lijst') }).max(spec.max, t('fout.veld.teVeel', { max: spec.max }));
  if (spec.min) schema = (schema as z.ZodArray<z.ZodType<I>>).min(spec.min.count, t(spec.min.message));
  if (spec.unique) {
    schema = schema.transform((items) => {
      const seen = new Set<string>();
      return items.filter((item) => !seen.has(encode(item)) && Boolean(seen.add(encode(item))));
    });
  }
  return field<I[], L>({
    ...spec,
    widget: 'checkboxes',
    schema,
    required: Boolean(spec.min),
    initial: [],
    options: async (request) => spec.options(request),
    fromForm: (raw) =>
      raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map(spec.decode ?? same),
    toForm: (value) => value.map(encode).join(','),
    display: (value, options) => {
      const sentence = spec.join === 'sentence';
      const labels = value.map((item) => {
        const option = options.find((o) => o.value === encode(item));
        return (sentence ? option?.text : undefined) ?? option?.label ?? encode(item);
      });
      if (spec.sort) labels.sort();
      return sentence ? joinDutch(labels) : labels.join(spec.join === 'lines' ? '\n' : ', ');
    },
  });
}

/** A list of short texts, one per line in the form (a leading "-" or "•" is dropped), an array in the API. */
export function lines<L = string[]>(
  spec: Common & { maxItems: number; maxLength: number; tooMany: MessageKey; relation?: Relation<string[], L>; toInput?: (value: L) => string[] },
): Field<string[], L> {
  const item = z.string({ error: t('fout.veld.tekst') }).trim().min(1).max(spec.maxLength, t('fout.veld.teLang', { max: spec.maxLength }));
  return field<string[], L>({
    ...spec,
    widget: 'lines',
    schema: z.array(item, { error: t('fout.veld.lijst') }).max(spec.maxItems, t(spec.tooMany)),
    required: false,
    initial: [],
    input: { rows: 6 },
    fromForm: (raw) =>
      raw
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
        .filter(Boolean),
    toForm: (value) => value.join('\n'),
    display: (value) => value.join('\n'),
  });
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const dutchDate = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

/** A calendar date: ISO in the API (2025-09-01), a date field in the form; "1-9-2025" as people type it is taken too. */
export function date(spec: Common & { invalid: MessageKey; empty?: MessageKey }): Field<string | null> {
  const invalid = t(spec.invalid);
  const base = z.iso.date({ error: (issue) => (issue.input === undefined && spec.empty ? t(spec.empty) : invalid) });
  return field<string | null>({
    ...spec,
    widget: 'date',
    schema: (spec.empty ? base : base.nullable()) as z.ZodType<string | null>,
    required: Boolean(spec.empty),
    fromForm: (raw) => {
      const trimmed = raw.trim();
      if (trimmed === '') return spec.empty ? undefined : null;
      if (isoDate.test(trimmed)) return trimmed;
      const nl = dutchDate.exec(trimmed);
      return nl ? `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}` : trimmed;
    },
    toForm: (value) => value ?? '',
    display: (value) => {
      const match = value ? isoDate.exec(value) : null;
      return match ? `${Number(match[3])}-${Number(match[2])}-${match[1]}` : (value ?? '');
    },
  });
}

/* eslint-disable @typescript-eslint/no-explicit-any -- inferring from fields of any value type */
/** The field values of a record kind's fields, as the service receives them. */
export type FieldValues<F extends Record<string, Field<any, any>>> = { [K in keyof F]: F[K] extends Field<infer V, any> ? V : never };
/** The field values as a loaded record holds them. */
export type LoadedValues<F extends Record<string, Field<any, any>>> = { [K in keyof F]: F[K] extends Field<any, infer L> ? L : never };
/* eslint-enable @typescript-eslint/no-explicit-any */
