/**
 * The HTML routes of a record kind, from its declaration: new, edit and archive, each post/redirect/get. An invalid
 * form comes back with the input kept and each error at its field; a stale save comes back as a page showing both
 * versions with the typed text still in the form; a refused archive says why at the button.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.js';
import { z } from 'zod';
import { t, type MessageKey } from '../i18n/index.js';
import { ConflictError, FieldError, HttpError, NotFoundError, RefusedError } from '../lib/errors.js';
import { formValues } from '../lib/forms.js';
import { actorOf } from '../plugins/auth.js';
import type { ConflictField } from '../views/edit-frame.js';
import { emptyForm, type FormState } from '../views/form.js';
import type { PageCache } from '../views/page-cache.js';
import type { Field, Option } from './fields.js';
import type { LoadedRecord, PageKey, Scope } from './record-kind.js';
import { findAddress } from './record.repository.js';
import type { RecordService } from './record.service.js';
import { editPage, RecordArchivePage, type FormField } from './record-views.js';

const byId: PageKey = {
  param: 'id',
  of: (record) => record.id,
  find: async (_request, value) => value,
};

const NOTICES: Record<string, MessageKey> = { opgeslagen: 'form.opgeslagen', gearchiveerd: 'bewerken.gegevenGearchiveerd' };

type Params = Record<string, string>;

export interface RecordPagesContext {
  pages: PageCache;
  /** The database, for old addresses (see `address` in a declaration). */
  db: Database;
}

/** The path of a record's page for an action (bewerken, archiveren), by its key in page addresses. */
export function recordPath(service: RecordService, record: LoadedRecord, action: 'bewerken' | 'archiveren'): string {
  return `${service.kind.pages.base}/${encodeURIComponent((service.kind.pages.key ?? byId).of(record))}/${action}`;
}

/** The path of a record's edit page. */
export const editPath = (service: RecordService, record: LoadedRecord) => recordPath(service, record, 'bewerken');

/** Registers the new, edit and archive pages of one record kind. */
export function registerRecordPages(app: FastifyInstance, service: RecordService, context: RecordPagesContext): void {
  const kind = service.kind;
  const pages = kind.pages;
  const key = pages.key ?? byId;
  const parentService = service.parent;
  const parentKey = parentService?.kind.pages.key ?? byId;
  const edit = { config: { permission: kind.scope?.permission ?? kind.permission } };
  const own = { config: { permission: kind.permission } };
  const item = `${pages.base}/:${key.param}`;
  const newPath = kind.parent ? `${parentService!.kind.pages.base}/:${parentKey.param}/${pages.segment}/nieuw` : `${pages.base}/nieuw`;

  /**
   * The record a page address names. An address key the record had before (see `address`) leads to its current
   * address with a permanent redirect; anything else that is not a current record is a 404.
   */
  async function resolve(request: FastifyRequest, reply: FastifyReply, target: RecordService, keyOf: PageKey): Promise<LoadedRecord | undefined> {
    const value = (request.params as Params)[keyOf.param] ?? '';
    const id = await keyOf.find(request, value);
    const found = id ? await target.find(request.gemeente.id, id) : undefined;
    if (found) return found;
    const alias = target.kind.address ? await findAddress(context.db, request.gemeente.id, target.kind.name, value) : undefined;
    const moved = alias ? await target.find(request.gemeente.id, alias) : undefined;
    if (!moved) throw new NotFoundError(t('fout.404.tekst'));
    const [path = '', query] = request.url.split('?');
    const segments = path.split('/').map((segment) => (decodeURIComponent(segment) === value ? encodeURIComponent(keyOf.of(moved)) : segment));
    await reply.redirect(segments.join('/') + (query ? `?${query}` : ''), request.method === 'GET' ? 301 : 308);
    return undefined;
  }

  async function loadParent(request: FastifyRequest, record: LoadedRecord): Promise<LoadedRecord | undefined> {
    if (!kind.parent || !parentService) return undefined;
    return parentService.get(request.gemeente.id, String((record.row as Record<string, unknown>)[kind.parent.column]));
  }

  const scopeOrRefuse = (request: FastifyRequest, record: LoadedRecord): Scope => {
    const scope = service.scopeOf(request.user?.rollen, record);
    if (!scope) throw new HttpError(403, t('auth.geenToegang.titel'), t(kind.scope!.notYours));
    return scope;
  };

  /** The fields a form shows: for a new record, those chosen then; later, those that can change (within a scope). */
  function formFields(mode: 'create' | 'update', scope: Scope = 'alles'): FormField[] {
    return (Object.entries(kind.fields) as FormField[]).filter(([name, field]) => {
      if (mode === 'create') return field.editable !== 'update';
      if (field.editable === 'create') return false;
      return scope === 'alles' || kind.scope!.fields.includes(name);
    });
  }

  async function optionsOf(request: FastifyRequest, fields: FormField[]): Promise<Map<string, Option[]>> {
    const entries = await Promise.all(fields.map(async ([name, field]) => [name, field.options ? await field.options(request) : []] as const));
    return new Map(entries);
  }

  function formOf(record: LoadedRecord, fields: FormField[]): FormState {
    const input = service.inputOf(record);
    return emptyForm({ versie: String(record.versie), ...Object.fromEntries(fields.map(([name, field]) => [name, field.toForm(input[name])])) });
  }

  /** Reads and checks a posted form: the values as typed (always kept), the parsed values, an error per field. */
  function readForm(request: FastifyRequest, mode: 'create' | 'update', fields: FormField[]) {
    const values = formValues(request.body, [...(mode === 'update' ? ['versie'] : []), ...fields.map(([name]) => name)]);
    const errors: Record<string, string> = {};
    const parsed: Record<string, unknown> = {};
    for (const [name, field] of fields) {
      const schema = (mode === 'create' ? field.onCreate?.schema : undefined) ?? field.schema;
      const input = field.fromForm(values[name] ?? '');
      if ((input === undefined || input === null) && field.keepWhenEmpty && mode === 'update') continue;
      const result = schema.safeParse(input);
      if (result.success) parsed[name] = result.data;
      else errors[name] = result.error.issues[0]?.message ?? t('api.ongeldigeInvoer');
    }
    const versie = z.coerce.number().int().min(0).safeParse(values.versie);
    if (mode === 'update' && !versie.success) errors.versie = t('bewerken.versieOngeldig');
    return { values, errors, parsed, versie: versie.success ? versie.data : -1 };
  }

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    target: { record?: LoadedRecord | undefined; parent?: LoadedRecord | undefined; scope?: Scope },
    form: FormState,
    status = 200,
    conflict?: ConflictField[],
  ) {
    const { record, parent } = target;
    const scope = target.scope ?? 'alles';
    const mode = record ? 'update' : 'create';
    const fields = formFields(mode, scope);
    const [options, regels, sections, title] = await Promise.all([
      optionsOf(request, fields),
      request.server.services.audit.historyFor(request, record?.id),
      record && pages.sections && scope === 'alles' ? pages.sections(request, record as never) : undefined,
      pages.title(record as never, parent, request),
    ]);
    const action = record ? editPath(service, record) : newPath.replace(`:${parentKey.param}`, parent ? encodeURIComponent(parentKey.of(parent)) : '');
    const melding = (request.query as Params).melding ?? '';
    const noticeKey = melding === 'toegevoegd' ? pages.createdNotice : NOTICES[melding];
    const archive = record && kind.can.archive && pages.archive && scope === 'alles' ? pages.archive : undefined;
    const page = editPage({
      title,
      crumbs: [...pages.crumbs(record as never, parent, scope), { href: action, label: title }],
      mode,
      action,
      fields,
      options,
      form,
      intro: [...(scope === 'beperkt' ? [t(kind.scope!.intro)] : []), ...(pages.intro?.(record as never) ?? [])],
      cancel: pages.cancel(record, parent, scope),
      conflict,
      notice: status === 200 && noticeKey ? t(noticeKey) : undefined,
      sections,
      archive:
        archive && record
          ? { style: archive.style, action: recordPath(service, record, 'archiveren'), button: t(archive.button), explanation: t(archive.explanation) }
          : undefined,
      history: regels,
    });
    return context.pages.private(request, reply, page, status);
  }

  /** Both versions side by side: what is stored now and what this user typed, field by field. */
  async function conflictOf(request: FastifyRequest, current: LoadedRecord, fields: FormField[], parsed: Record<string, unknown>): Promise<ConflictField[]> {
    const options = await optionsOf(request, fields);
    const stored = service.inputOf(current);
    return fields.map(([name, field]: [string, Field<unknown, unknown>]) => ({
      label: t(field.label),
      stored: field.display(stored[name], options.get(name) ?? []),
      typed: field.display(parsed[name], options.get(name) ?? []),
    }));
  }

  // --- New --------------------------------------------------------------------------------------------------------

  if (kind.can.create) {
    const parentFor = async (request: FastifyRequest, reply: FastifyReply) =>
      parentService ? resolve(request, reply, parentService, parentKey) : undefined;

    app.get(newPath, own, async (request, reply) => {
      const parent = await parentFor(request, reply);
      if (parentService && !parent) return reply;
      const fields = formFields('create');
      const initial = Object.fromEntries(fields.map(([name, field]) => [name, field.initial === undefined ? '' : field.toForm(field.initial)]));
      return show(request, reply, { parent }, emptyForm({ ...initial, ...(await pages.initial?.(request)) }));
    });

    app.post(newPath, own, async (request, reply) => {
      const parent = await parentFor(request, reply);
      if (parentService && !parent) return reply;
      const checked = readForm(request, 'create', formFields('create'));
      if (Object.keys(checked.errors).length > 0) return show(request, reply, { parent }, { values: checked.values, errors: checked.errors }, 400);
      let created: LoadedRecord;
      try {
        created = await service.create(request.gemeente.id, checked.parsed, actorOf(request), parent?.id);
      } catch (error) {
        const refused = refusalAt(error);
        if (!refused) throw error;
        return show(request, reply, { parent }, { values: checked.values, errors: { [refused.field]: refused.message } }, refused.status);
      }
      const notice = pages.createdNotice ? 'toegevoegd' : 'opgeslagen';
      const target = pages.created === 'parent' && parent ? editPath(parentService!, parent) : editPath(service, created);
      return reply.redirect(`${target}?melding=${notice}`, 303);
    });
  }

  // --- Edit -------------------------------------------------------------------------------------------------------

  app.get(`${item}/bewerken`, edit, async (request, reply) => {
    const record = await resolve(request, reply, service, key);
    if (!record) return reply;
    const scope = scopeOrRefuse(request, record);
    return show(request, reply, { record, parent: await loadParent(request, record), scope }, formOf(record, formFields('update', scope)));
  });

  app.post(`${item}/bewerken`, edit, async (request, reply) => {
    const record = await resolve(request, reply, service, key);
    if (!record) return reply;
    const scope = scopeOrRefuse(request, record);
    const parent = await loadParent(request, record);
    // Only the fields of the user's own form are read: anything else in the post is not even looked at.
    const fields = formFields('update', scope);
    const checked = readForm(request, 'update', fields);
    if (Object.keys(checked.errors).length > 0) return show(request, reply, { record, parent, scope }, { values: checked.values, errors: checked.errors }, 400);
    let saved: LoadedRecord;
    try {
      saved = await service.update(request.gemeente.id, record.id, checked.versie, checked.parsed, actorOf(request), request.user?.rollen);
    } catch (error) {
      if (error instanceof ConflictError) {
        const current = error.current as LoadedRecord;
        const conflict = await conflictOf(request, current, fields, checked.parsed);
        // The form keeps everything the user typed, now on top of the stored version: saving again is a deliberate choice.
        const form = { values: { ...checked.values, versie: String(current.versie) }, errors: {} };
        return show(request, reply, { record: current, parent, scope }, form, 409, conflict);
      }
      const refused = refusalAt(error);
      if (!refused) throw error;
      return show(request, reply, { record, parent, scope }, { values: checked.values, errors: { [refused.field]: refused.message } }, refused.status);
    }
    return reply.redirect(`${editPath(service, saved)}?melding=opgeslagen`, 303);
  });

  // --- Archive ----------------------------------------------------------------------------------------------------

  if (kind.can.archive && pages.archive) {
    const archive = pages.archive;
    const archivePath = `${item}/archiveren`;

    const showArchive = async (request: FastifyRequest, reply: FastifyReply, record: LoadedRecord, form: FormState, status = 200) => {
      const parent = await loadParent(request, record);
      const fields = formFields('update');
      const options = await optionsOf(request, fields);
      const input = service.inputOf(record);
      const title = archive.title ? await archive.title(record as never, request) : t(archive.button);
      const action = recordPath(service, record, 'archiveren');
      const editTitle = await pages.title(record as never, parent, request);
      return context.pages.private(
        request,
        reply,
        (ctx) => (
          <RecordArchivePage
            ctx={ctx}
            title={title}
            crumbs={[...pages.crumbs(record as never, parent, 'alles'), { href: editPath(service, record), label: editTitle }, { href: action, label: title }]}
            facts={fields.map(([name, field]) => ({ label: t(field.label), value: field.display(input[name], options.get(name) ?? []) }))}
            explanation={t(archive.explanation)}
            question={t(archive.question ?? 'bewerken.archiverenVraag')}
            button={t(archive.button)}
            action={action}
            cancel={editPath(service, record)}
            form={form}
          />
        ),
        status,
      );
    };

    if (archive.style === 'confirm') {
      app.get(archivePath, own, async (request, reply) => {
        const record = await resolve(request, reply, service, key);
        if (!record) return reply;
        return showArchive(request, reply, record, emptyForm({ versie: String(record.versie) }));
      });
    }

    app.post(archivePath, own, async (request, reply) => {
      const record = await resolve(request, reply, service, key);
      if (!record) return reply;
      const parent = await loadParent(request, record);
      const versie = z.coerce.number().int().positive().safeParse(formValues(request.body, ['versie']).versie);
      try {
        await service.archive(request.gemeente.id, record.id, versie.success ? versie.data : -1, actorOf(request));
      } catch (error) {
        const why = error instanceof ConflictError ? t(archive.conflict) : error instanceof RefusedError ? error.detail : undefined;
        if (!why) throw error;
        // Show what is stored now, with its version: archiving it is then a choice made knowing the newest text.
        const fresh = await service.get(request.gemeente.id, record.id);
        const form = archive.style === 'confirm' ? emptyForm({ versie: String(fresh.versie) }) : formOf(fresh, formFields('update'));
        form.errors.archiveren = why;
        if (archive.style === 'confirm') return showArchive(request, reply, fresh, form, 409);
        return show(request, reply, { record: fresh, parent, scope: 'alles' }, form, 409);
      }
      const target = pages.archived ? pages.archived(record, parent) : `${parent ? editPath(parentService!, parent) : pages.base}?melding=gearchiveerd`;
      return reply.redirect(target, 303);
    });
  }
}

/** A refusal the form can show at a field: a clash or choice (400), or a rule of the kind (its own status). */
function refusalAt(error: unknown): { field: string; message: string; status: number } | undefined {
  if (error instanceof FieldError) return { field: error.field, message: error.detail, status: 400 };
  if (error instanceof RefusedError && error.field) return { field: error.field, message: error.detail, status: error.status };
  return undefined;
}
