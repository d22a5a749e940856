/**
 * The app's side of the database thread (pglite-thread.ts): the part of PGlite's interface that drizzle uses
 * (`query` and `transaction`, and `exec`), with every call a message to the thread. Results, and errors with
 * PostgreSQL's fields, come back as they would from an engine in this thread.
 */
import v8 from 'node:v8';
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

let compilationTuned = false;

/**
 * How V8 compiles PGlite's 9 MB of WebAssembly, set once, before the first database thread compiles it:
 * - V8 compiles a module with as many background tasks as its thread pool has (four in Node). On two cores those
 *   took turns with the database thread and the main thread, whose work is what a start waits for; with one task
 *   the compilation still runs beside them, and later starts were 0.13 s faster (7 of 8 paired runs on 2 cores).
 * - Only the baseline compiler (Liftoff), never the optimising one. V8 optimises a function once it has run for a
 *   while; PGlite's hottest functions are huge (one has 105 KB of code), and optimising them cost about 1 s of
 *   background CPU after every start on Node 20 and 22, and 2.2 s on Node 24, whose new optimiser takes 1.6 s and
 *   650 MB for that one function (and makes the process wait for it when it exits). The optimised code did not
 *   make PGlite's queries measurably faster here: the first ten queries after a start took 35 ms instead of
 *   100 ms, later ones as long as before, and the process keeps 30-50 MB less. Node 24 ignores this flag when it
 *   is set at run time, so `npm start` also passes it on the command line (package.json).
 * Both concern WebAssembly only; the app's JavaScript and its garbage collection keep all of V8's threads.
 */
function tuneWebAssemblyCompilation(): void {
  if (compilationTuned) return;
  compilationTuned = true;
  v8.setFlagsFromString('--wasm-num-compilation-tasks=1');
  v8.setFlagsFromString('--liftoff-only');
}

/**
 * The thread's entry: the built JavaScript beside this module, or, run from source (tsx, vitest), the TypeScript,
 * loaded through tsx registered in the thread first (Node 20 does not pass `--import` on to threads).
 */
function startThread(dataDir: string): Worker {
  tuneWebAssemblyCompilation();
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pglite-thread.js', import.meta.url), { workerData: { dataDir } });
  const entry = new URL('./pglite-thread.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { dataDir } });
}

export class PgliteThread {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private isOpen = false;
  private failed: Error | undefined;
  private closing = false;
  private settleOpening!: (error?: Error) => void;
  /**
   * Settles when the database in the thread is open, or could not be opened. Calls made before then wait in the
   * thread's queue, so the app can be built meanwhile; if opening fails, they fail with the same error.
   */
  readonly opened: Promise<void>;
  /** Hears when the thread stops on its own after opening (PGlite aborted): every waiting and later call fails. */
  onLost: ((error: Error) => void) | undefined;

  private constructor(private readonly worker: Worker) {
    this.opened = new Promise((resolve, reject) => {
      this.settleOpening = (error) => (error ? reject(error) : resolve());
    });
    // Reported where it is awaited (or by the calls that waited for it); never an unhandled rejection.
    this.opened.catch(() => undefined);
    // Listening from the first moment: a listener added later (or removed and added again) can miss messages.
    worker.on('message', (reply: ThreadReply) => {
      if (!('id' in reply)) {
        if (reply.ready) {
          this.isOpen = true;
          this.settleOpening();
        } else {
          this.fail(restoreError(reply.error));
        }
        return;
      }
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.result);
      else waiting?.reject(restoreError(reply.error));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`de database-thread stopte met code ${code}`)));
  }

  /** Starts the thread, which opens the database folder; see `opened`. */
  static start(dataDir: string): PgliteThread {
    return new PgliteThread(startThread(dataDir));
  }

  /** Starts the thread and waits until the database is open. */
  static async open(dataDir: string): Promise<PgliteThread> {
    const thread = PgliteThread.start(dataDir);
    await thread.opened;
    return thread;
  }

  private fail(cause: Error): void {
    if (this.closing || this.failed) return;
    this.failed = this.isOpen ? new DatabaseThreadLostError(`De database is niet meer bereikbaar: ${cause.message}`, { cause }) : cause;
    for (const waiting of this.pending.values()) waiting.reject(this.failed);
    this.pending.clear();
    if (this.isOpen) {
      this.onLost?.(this.failed);
    } else {
      this.settleOpening(cause);
      void this.worker.terminate();
    }
  }

  private call(request: Request): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
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
    if (this.failed) {
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
