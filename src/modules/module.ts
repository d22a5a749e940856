/**
 * A module is one domain area (agenda, governance, accounts …) as one Fastify plugin: it creates its services, adds
 * them to `app.services`, and registers its pages, API operations and record kinds. app.ts lists the modules in one
 * array; adding a module is one line there.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ApiRegistry } from '../api/api-registry.js';
import type { Config } from '../config.js';
import type { Database, DatabaseHandle } from '../db/client.js';
import type { RecordRegistry } from '../records/record-registry.js';
import type { PageCache } from '../views/page-cache.js';
import type { DataChange } from './gemeente/data-change.js';

/** What every module gets: configuration, the database, and the shared machinery for pages, API and changes. */
export interface ModuleContext {
  config: Config;
  database: DatabaseHandle;
  db: Database;
  pages: PageCache;
  api: ApiRegistry;
  records: RecordRegistry;
  /** Runs a change in one transaction that raises the gemeente's data version. */
  changes: DataChange;
}

export type LeaModule = FastifyPluginAsync<ModuleContext>;

/** Gives a module a name that `app.printPlugins()` shows, so the list of modules reads as the app's table of contents. */
export function defineModule(name: string, plugin: LeaModule): LeaModule {
  Object.defineProperty(plugin, 'name', { value: name });
  return plugin;
}
