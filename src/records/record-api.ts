/**
 * The write operations of a record kind under /api/v1, from its declaration: POST (make), PATCH (change: fields left
 * out stay as they are) and DELETE (archive), each documented in the OpenAPI document with its request schema, an
 * example and the problem+json errors, and each running through the same service as the forms.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, type ApiRegistry } from '../api/api-registry.js';
import { t } from '../i18n/index.js';
import { actorOf } from '../plugins/auth.js';
import type { Field } from './fields.js';
import type { RecordService } from './record.service.js';

const versie = z.int().min(1).describe('De versie waarop uw wijziging voortbouwt (uit het laatst opgehaalde gegeven).');
const STALE = 'Stuur de versie mee die u ophaalde; is die verouderd, dan volgt 409.';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function documented(field: Field<unknown, unknown>, schema: z.ZodType): z.ZodType {
  return schema.meta({ description: field.api?.description ?? t(field.label), ...(field.api?.example !== undefined ? { example: field.api.example } : {}) });
}

/** The body of POST: every field chosen when a record is made; those that are not required may be left out. */
export function createBody(service: RecordService): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(service.kind.fields) as [string, Field<unknown, unknown>][]) {
    if (field.editable === 'update') continue;
    const required = field.onCreate ? field.onCreate.required : field.required && field.initial === undefined;
    const schema = field.onCreate?.schema ?? field.schema;
    shape[name] = documented(field, required ? schema : schema.optional());
  }
  return z.object(shape);
}

/** The body of PATCH: the version, and any of the fields that can change. */
export function patchBody(service: RecordService): z.ZodObject {
  const shape: Record<string, z.ZodType> = { versie };
  for (const [name, field] of Object.entries(service.kind.fields) as [string, Field<unknown, unknown>][]) {
    if (field.editable === 'create') continue;
    shape[name] = documented(field, field.schema.optional());
  }
  return z.object(shape);
}

/** Public reads of one record, and of the records under one parent, for kinds that declare `api.read`. */
function registerReads(api: ApiRegistry, service: RecordService): void {
  const kind = service.kind;
  const spec = kind.api;
  if (!spec.read) return;
  const noun = capital(spec.noun);
  api.get({
    path: `${spec.path}/{id}`,
    operationId: `get${spec.operation}`,
    summary: `${noun}`,
    description: `${noun}, gevonden op id.`,
    responseDescription: 'Het gegeven.',
    tag: spec.tag,
    params: idParams,
    response: spec.schema,
    handler: async (request, { params }) => spec.toApi(await service.get(request.gemeente.id, params.id), request),
  });
  if (!kind.parent) return;
  const parentService = service.parent!;
  api.get({
    path: `${kind.parent.kind.api.path}/{id}/${spec.segment}`,
    operationId: `list${spec.read.plural}Van${spec.read.parentName ?? ''}`,
    summary: `De ${spec.read.plural.toLowerCase()} van ${kind.parent.kind.api.noun}`,
    description: `Alle ${spec.read.plural.toLowerCase()} onder ${kind.parent.kind.api.noun}, in de volgorde waarin ze zijn toegevoegd.`,
    responseDescription: `De ${spec.read.plural.toLowerCase()}.`,
    tag: spec.tag,
    params: idParams,
    response: z.array(spec.schema),
    handler: async (request, { params }) => {
      const parent = await parentService.get(request.gemeente.id, params.id);
      return Promise.all((await service.list(request.gemeente.id, parent.id)).map((record) => spec.toApi(record, request)));
    },
  });
}

export function registerRecordApi(api: ApiRegistry, service: RecordService): void {
  registerReads(api, service);
  const kind = service.kind;
  const spec = kind.api;
  const gemeenteId = (request: FastifyRequest) => request.gemeente.id;
  const noun = capital(spec.noun);
  const notes = spec.notes ?? {};
  const parentPath = kind.parent ? `${kind.parent.kind.api.path}/{id}/${spec.segment}` : undefined;

  if (kind.can.create) {
    api.write({
      method: 'post',
      path: parentPath ?? spec.path,
      operationId: `maak${spec.operation}`,
      summary: spec.summaries?.create ?? `${noun} toevoegen`,
      description: [`Voegt ${spec.noun} toe.`, notes.create].filter(Boolean).join(' '),
      tag: spec.tag,
      permission: kind.permission,
      ...(parentPath ? { params: idParams } : {}),
      body: createBody(service),
      example: spec.example,
      response: spec.schema,
      status: 201,
      responseDescription: 'Het nieuwe gegeven, met versie 1.',
      handler: async (request, reply, { params, body }) => {
        const record = await service.create(gemeenteId(request), body as Record<string, unknown>, actorOf(request), (params as { id?: string }).id);
        reply.header('Location', `/api/v1${spec.path}/${record.id}`);
        return spec.toApi(record, request);
      },
    });
  }

  api.write({
    method: 'patch',
    path: `${spec.path}/{id}`,
    operationId: `wijzig${spec.operation}`,
    summary: spec.summaries?.update ?? `${noun} wijzigen`,
    description: [`Wijzigt ${spec.noun}; velden die u weglaat blijven zoals ze zijn.`, STALE, notes.update].filter(Boolean).join(' '),
    tag: spec.tag,
    permission: kind.scope?.permission ?? kind.permission,
    params: idParams,
    body: patchBody(service),
    example: { versie: 1, ...spec.example },
    response: spec.schema,
    status: 200,
    responseDescription: 'Het gewijzigde gegeven, met de nieuwe versie.',
    handler: async (request, _reply, { params, body }) => {
      const { versie: expected, ...input } = body as { versie: number } & Record<string, unknown>;
      const record = await service.update(gemeenteId(request), params.id, expected, input, actorOf(request), request.user?.rollen);
      return spec.toApi(record, request);
    },
  });

  if (kind.can.archive) {
    api.write({
      method: 'delete',
      path: `${spec.path}/{id}`,
      operationId: `archiveer${spec.operation}`,
      summary: spec.summaries?.archive ?? `${noun} archiveren`,
      description: [`Archiveert ${spec.noun}: het gegeven blijft bewaard in de geschiedenis. Stuur de versie mee in de body.`, notes.archive].filter(Boolean).join(' '),
      tag: spec.tag,
      permission: kind.permission,
      params: idParams,
      body: z.object({ versie }),
      example: { versie: 1 },
      status: 204,
      responseDescription: 'Het gegeven is gearchiveerd.',
      handler: async (request, _reply, { params, body }) => {
        await service.archive(gemeenteId(request), params.id, body.versie, actorOf(request));
      },
    });
  }
}
