/**
 * The app's side of the database thread (pglite-thread.ts): the part of PGlite's interface that drizzle uses
 * (`query` and `transaction`, and `exec`), with every call a message to the thread. Results, and errors with
 * PostgreSQL's fields, come back as they would from an engine in this thread.
 */
import { Worker } from 'node:worker_threads';
import type { Results } from '@electric-sql/pglite';
import { restoreError, type ThreadReply, type ThreadRequest } from './pglite-thread-protocol.js';

type Request = ThreadRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

interface QueryOptions {
  rowMode?: 'array' | 'object';
}

export interface ThreadTransaction {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string): Promise<Results[]>;
  readonly closed: boolean;
}

export class DatabaseThreadLostError extends Error {
  override name = 'DatabaseThreadLostError';
}

/**
 * The thread's entry: the built JavaScript beside this module, or, run from source (tsx, vitest), the TypeScript,
 * loaded through tsx registered in the thread first (Node 20 does not pass `--import` on to threads).
 */
function startThread(dataDir: string): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pglite-thread.js', import.meta.url), { workerData: { dataDir } });
  const entry = new URL('./pglite-thread.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { dataDir } });
}

export class PgliteThread {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  /** Until the thread says the database is open, only that counts; a failure before it fails the opening. */
  private readonly opened: Promise<void>;
  private settleOpening!: (error?: Error) => void;
  private isOpen = false;
  private lost: Error | undefined;
  private closing = false;

  private constructor(
    private readonly worker: Worker,
    private readonly onLost: ((error: Error) => void) | undefined,
  ) {
    this.opened = new Promise((resolve, reject) => {
      this.settleOpening = (error) => (error ? reject(error) : resolve());
    });
    // Listening from the first moment: a listener added later (or removed and added again) can miss messages.
    worker.on('message', (reply: ThreadReply) => {
      if ('ready' in reply) {
        this.isOpen = reply.ready;
        if (reply.ready) this.settleOpening();
        else this.failOpening(restoreError(reply.error));
        return;
      }
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.result);
      else waiting?.reject(restoreError(reply.error));
    });
    worker.on('error', (error) => this.lose(error));
    worker.on('exit', (code) => this.lose(new Error(`de database-thread stopte met code ${code}`)));
  }

  /**
   * Starts the thread and opens the database folder in it; resolves once the database answers. `onLost` hears
   * when the thread stops on its own (PGlite aborted): every waiting and later query fails from then on.
   */
  static async open(dataDir: string, options: { onLost?: (error: Error) => void } = {}): Promise<PgliteThread> {
    const thread = new PgliteThread(startThread(dataDir), options.onLost);
    await thread.opened;
    return thread;
  }

  private failOpening(error: Error): void {
    this.closing = true;
    this.settleOpening(error);
    void this.worker.terminate();
  }

  private lose(cause: Error): void {
    if (!this.isOpen) return this.failOpening(cause);
    if (this.closing || this.lost) return;
    this.lost = new DatabaseThreadLostError(`De database is niet meer bereikbaar: ${cause.message}`, { cause });
    for (const waiting of this.pending.values()) waiting.reject(this.lost);
    this.pending.clear();
    this.onLost?.(this.lost);
  }

  private call(request: Request): Promise<unknown> {
    if (this.lost) return Promise.reject(this.lost);
    if (this.closing) return Promise.reject(new Error('PGlite is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ ...request, id });
      } catch (error) {
        // A parameter that cannot be copied to the thread (a function, say) fails here, as a bad parameter would.
        this.pending.delete(id);
        reject(error as Error);
      }
    });
  }

  query<T>(text: string, params?: unknown[], options?: QueryOptions, tx?: number): Promise<Results<T>> {
    return this.call({ op: 'query', text, params, rowMode: options?.rowMode, tx }) as Promise<Results<T>>;
  }

  exec(text: string, tx?: number): Promise<Results[]> {
    return this.call({ op: 'exec', text, tx }) as Promise<Results[]>;
  }

  /** As PGlite's: commits when the callback returns, rolls back when it throws. */
  async transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const tx = (await this.call({ op: 'begin' })) as number;
    let closed = false;
    const handle: ThreadTransaction = {
      query: (text, params, options) => this.query(text, params, options, tx),
      exec: (text) => this.exec(text, tx),
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(handle);
    } catch (error) {
      closed = true;
      await this.call({ op: 'end', tx, commit: false }).catch(() => undefined);
      throw error;
    }
    closed = true;
    await this.call({ op: 'end', tx, commit: true });
    return result;
  }

  /** Sets drizzle's parsers again after migrations, as in this thread (pglite-drizzle.ts). */
  async afterMigrate(): Promise<void> {
    await this.call({ op: 'afterMigrate' });
  }

  /** Closes the database cleanly, then stops the thread. */
  async close(): Promise<void> {
    if (this.lost) {
      await this.worker.terminate();
      return;
    }
    await this.call({ op: 'close' });
    this.closing = true;
    await this.worker.terminate();
  }

  /** Stops the thread the hard way, as a crash would: for tests of what the app does then. */
  async terminateForTest(): Promise<void> {
    await this.worker.terminate();
  }
}
