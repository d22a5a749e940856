/**
 * A record kind, declared once in the module that owns it: its table, its fields, who may edit it, where it lives
 * (its parent, its addresses in the pages and the API) and the rules no schema can express. The shared code in this
 * folder turns a declaration into the new/edit/archive pages, the POST/PATCH/DELETE API operations with their
 * OpenAPI text, and a service that runs every change in one transaction with optimistic locking, an audit line and
 * the data version raised — so every kind gets those safeguards by construction. In the spirit of Django's ModelForm
 * and generic edit views: explicit declarations, no runtime magic, types inferred from the declaration.
 */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Database } from '../db/client.js';
import type { MessageKey } from '../i18n/index.js';
import type { Permissie, RolToewijzing } from '../modules/auth/permissions.js';
import type { Crumb } from '../views/layout.js';
import type { Field, FieldValues, LoadedValues } from './fields.js';

/** A drizzle table of a record kind: these columns at least (gearchiveerdOp when records can be archived). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KindTable = any;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a kind's fields hold values of any type
export type Fields = Record<string, Field<any, any>>;

/** A record as the shared code loads it: its row, and its field values (columns and relations). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic code handles records of every kind
export interface LoadedRecord<Row = any, Values = any> {
  id: string;
  versie: number;
  row: Row;
  values: Values;
}

/** The row type of a kind's table (a plain record for the `any` table of generic code). */
export type RowOf<T> = 0 extends 1 & T ? Record<string, unknown> : T extends { $inferSelect: infer R } ? R : Record<string, unknown>;
export type RecordOf<K extends AnyRecordKind> = LoadedRecord<RowOf<K['table']>, LoadedValues<K['fields']>>;

/** What a rule sees: the transaction, the gemeente, who acts, and the parent record of a child kind. */
export interface RuleContext<P = LoadedRecord> {
  tx: Database;
  gemeenteId: string;
  parent: P | undefined;
}

/** How much of a record a user may change: all of it, or (a narrower role) only some fields. */
export type Scope = 'alles' | 'beperkt';

/**
 * How the pages address a record: by id (the default), or by another key such as the number of an actielijn. A key
 * that belonged to a record before it changed leads there with a permanent redirect (see `addresses`).
 */
export interface PageKey {
  param: string;
  /** The record's current key. */
  of(record: LoadedRecord): string;
  /** The id of the current record with this key, if any. */
  find(request: FastifyRequest, value: string): Promise<string | undefined>;
}

export interface RecordKindSpec<T extends KindTable, F extends Fields> {
  /** Singular, lower case, as in the audit log and the registry: "organisatie", "oab-afspraak". */
  name: string;
  table: T;
  fields: F;
  /** The permission (modules/auth/permissions.ts) that edits this kind. */
  permission: Permissie;
  /** A narrower role that may change some fields of some records (a voorzitter: their own tafel). */
  scope?: {
    permission: Permissie;
    of(rollen: readonly RolToewijzing[] | undefined, record: LoadedRecord): Scope | undefined;
    fields: readonly (keyof F & string)[];
    /** Shown above the narrower form. */
    intro: MessageKey;
    /** Another record than their own: 403 with this text. */
    notYours: MessageKey;
    /** A field outside their part changed: 403 with this text. */
    onlyTheseFields: MessageKey;
  };
  /** A kind that lives under another: its records are made from the parent's pages and API path. */
  parent?: { kind: AnyRecordKind; column: string };
  /** Default: records can be made and archived. */
  operations?: { create?: boolean; archive?: boolean };
  /**
   * A code (or slug) made from a field when the record is made ("Stichting Één & Ander" → "stichting-een-en-ander",
   * with -2, -3 … when taken), unique per gemeente. The field of the same name (editable: 'update') changes it later.
   */
  code?: { column: keyof F & string; from: keyof F & string };
  /**
   * A column that is part of a public address (the number of an actielijn, the slug of a gremium): when it changes,
   * the old address keeps leading to the record with a permanent redirect.
   */
  address?: { column: string };
  /** The column that orders a list of records (default: when they were made). */
  order?: string;
  /** Columns of the row (besides the fields) that the audit log and conflict checks show: a code, a position. */
  auditColumns?: readonly string[];
  /** More for the audit line's before and after than the record holds (the name of a chosen category, say). */
  auditDetails?(record: LoadedRecord<RowOf<T>, LoadedValues<F>>, context: RuleContext): Promise<Record<string, unknown>>;
  /** "Organisatie Unicoz": what the audit line says the record is. */
  describe(record: LoadedRecord<RowOf<T>, LoadedValues<F>>, context: RuleContext): string | Promise<string>;
  /** "Er is geen organisatie met id {id}.": the 404 of the API and of the pages. */
  notFound: MessageKey;
  rules?: {
    /** A rule over several fields, checked on the values a save would store (form and API alike). */
    check?(values: FieldValues<F>): { field: keyof F & string; message: string } | undefined;
    /** Before a record is made: refuse it, or give the columns the kind works out itself (a position, a number). */
    beforeCreate?(
      context: RuleContext,
      input: FieldValues<F>,
    ): Promise<{ columns?: Record<string, unknown>; revive?: RowOf<T> } | void>;
    /** Before a change is written: refuse it, or give more columns to write. */
    beforeUpdate?(context: RuleContext, before: LoadedRecord<RowOf<T>, LoadedValues<F>>, values: FieldValues<F>): Promise<Record<string, unknown> | void>;
    /** Before a record is archived: refuse (a RefusedError) or clean up; may add to the audit line. */
    beforeArchive?(context: RuleContext, before: LoadedRecord<RowOf<T>, LoadedValues<F>>): Promise<{ voor?: object; na?: object } | void>;
    /** A unique constraint of the table and the field where a clash is shown. */
    unique?: readonly { constraint: string; field: keyof F & string; message(values: FieldValues<F>): string }[];
  };
  pages: {
    /** "/organisaties": the edit page is {base}/{key}/bewerken, the archive action {base}/{key}/archiveren. */
    base: string;
    /** For a child kind: new records are made at {parent page}/{segment}/nieuw. */
    segment?: string;
    key?: PageKey;
    /** The page's title and h1 ("Organisatie bewerken: Unicoz"); it may look names up in the read models. */
    title(record: LoadedRecord<RowOf<T>, LoadedValues<F>> | undefined, parent: LoadedRecord | undefined, request: FastifyRequest): string | Promise<string>;
    /** The breadcrumbs before this page (the page itself is added). */
    crumbs(record: LoadedRecord<RowOf<T>, LoadedValues<F>> | undefined, parent: LoadedRecord | undefined, scope: Scope): Crumb[];
    /** Where "Annuleren" leads. */
    cancel(record: LoadedRecord | undefined, parent: LoadedRecord | undefined, scope: Scope): string;
    /** Short paragraphs above the form (the record's code, say). */
    intro?(record: LoadedRecord<RowOf<T>, LoadedValues<F>> | undefined): string[];
    /** More of the page under the form, for a record that exists (its focusdoelen, its members). */
    sections?(request: FastifyRequest, record: LoadedRecord<RowOf<T>, LoadedValues<F>>): Promise<JSX.Element>;
    /** What a new form starts with, besides each field's own initial value (e.g. from the query string). */
    initial?(request: FastifyRequest): Promise<Record<string, string>>;
    /** Archiving: a section under the form, or a page of its own that asks first. */
    archive?: {
      style: 'inline' | 'confirm';
      button: MessageKey;
      explanation: MessageKey;
      /** The question of the confirm page, and its title. */
      question?: MessageKey;
      title?(record: LoadedRecord<RowOf<T>, LoadedValues<F>>, request: FastifyRequest): string | Promise<string>;
      /** Shown when someone changed the record meanwhile. */
      conflict: MessageKey;
    };
    /** After a new record: its own edit page (default) or the parent's. */
    created?: 'self' | 'parent';
    /** The notice after a new record (default: "De wijzigingen zijn opgeslagen."). */
    createdNotice?: MessageKey;
    /** Where archiving leads (default: the parent's edit page) and the notice there. */
    archived?(record: LoadedRecord, parent: LoadedRecord | undefined): string;
    archivedNotice?: MessageKey;
  };
  api: {
    /** "/organisaties": PATCH and DELETE at {path}/{id}; POST at {path}, or at {parent path}/{id}/{segment}. */
    path: string;
    segment?: string;
    tag: string;
    /** Name in the operation ids: maak{name}, wijzig{name}, archiveer{name}. */
    operation: string;
    /** "een organisatie": for the summaries "Een organisatie toevoegen" and so on. */
    noun: string;
    /** A registered schema for one record in the answer, and how a record becomes it. */
    schema: z.ZodType;
    toApi(record: LoadedRecord<RowOf<T>, LoadedValues<F>>, request: FastifyRequest): unknown | Promise<unknown>;
    /** More about each operation, appended to the standard description. */
    notes?: { create?: string; update?: string; archive?: string };
    summaries?: { create?: string; update?: string; archive?: string };
    /** A valid request body for POST, for the OpenAPI document. */
    example: Partial<Record<keyof F & string, unknown>>;
    /**
     * Public reads from the shared code: GET {path}/{id}, and for a child kind GET {parent path}/{id}/{segment}. Kinds
     * whose module already serves them (from its cached read model) leave this out.
     */
    read?: { plural: string; parentName?: string };
  };
}

export type RecordKind<T extends KindTable = KindTable, F extends Fields = Fields> = RecordKindSpec<T, F> & {
  /** Which operations the kind offers. */
  readonly can: { create: boolean; archive: boolean };
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRecordKind = RecordKind<any, any>;

/** Declares a record kind; the returned object is the declaration itself, with its operations spelled out. */
export function defineRecordKind<T extends KindTable, F extends Fields>(spec: RecordKindSpec<T, F>): RecordKind<T, F> {
  return { ...spec, can: { create: spec.operations?.create ?? true, archive: spec.operations?.archive ?? true } };
}
