/**
 * Every record kind the app has, with its service: the safeguard tests walk this list (permissions, other
 * gemeenten, escaping, conflicts), so a new kind is covered without a test of its own.
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../modules/module.js';
import { registerRecordApi } from './record-api.js';
import type { AnyRecordKind } from './record-kind.js';
import { registerRecordPages } from './record-pages.js';
import { RecordService } from './record.service.js';

export class RecordRegistry {
  private readonly services = new Map<string, RecordService>();

  /** Every declared kind's service, in the order the modules declared them. */
  all(): RecordService[] {
    return [...this.services.values()];
  }

  get(name: string): RecordService {
    const service = this.services.get(name);
    if (!service) throw new Error(`Geen soort gegeven "${name}" gedeclareerd.`);
    return service;
  }

  /** The service of a kind, made on first use (a child kind needs its parent's). */
  serviceOf(kind: AnyRecordKind, context: ModuleContext): RecordService {
    const known = this.services.get(kind.name);
    if (known) {
      if (known.kind !== kind) throw new Error(`Twee soorten gegevens heten "${kind.name}".`);
      return known;
    }
    const parent = kind.parent ? this.serviceOf(kind.parent.kind, context) : undefined;
    const service = new RecordService(kind, context.db, context.changes, parent);
    this.services.set(kind.name, service);
    return service;
  }
}

/** Gives each kind its service, its pages and its API operations, and lists it in the registry. */
export function registerRecordKinds(app: FastifyInstance, context: ModuleContext, kinds: readonly AnyRecordKind[]): RecordService[] {
  return kinds.map((kind) => {
    const service = context.records.serviceOf(kind, context);
    registerRecordPages(app, service, { pages: context.pages, db: context.db });
    registerRecordApi(context.api, service);
    return service;
  });
}
