/** The messages between the app and the database thread (pglite-thread.ts), and how errors cross between them. */

export type ThreadRequest =
  | { id: number; op: 'query'; text: string; params: unknown[] | undefined; rowMode: 'array' | 'object' | undefined; tx: number | undefined }
  | { id: number; op: 'exec'; text: string; tx: number | undefined }
  /** Opens a transaction; the reply comes once it holds the engine, and `id` names it from then on. */
  | { id: number; op: 'begin' }
  /** Commits or rolls back transaction `tx`; the reply comes once that is done. */
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'afterMigrate' }
  | { id: number; op: 'close' };

export type ThreadReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: SerializedError }
  | { ready: true }
  | { ready: false; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  stack: string | undefined;
  /** The error's own plain fields: PostgreSQL's code, constraint, detail, table and the like. */
  fields: Record<string, string | number | boolean>;
}

/**
 * An error as plain data. Structured cloning keeps only an Error's message, so PostgreSQL's `code` and
 * `constraint`, which the app checks (isUniqueViolation), would be lost. Fields that are not plain values (PGlite
 * adds the query's options, with functions) stay behind.
 */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined, fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

/** The error again, with its fields, as the app would have had it from an engine in its own thread. */
export function restoreError(serialized: SerializedError): Error {
  const error = Object.assign(new Error(serialized.message), serialized.fields);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}
