/**
 * The database thread: PGlite persisted in a folder, running beside the app instead of in its thread. Opening the
 * engine is half a second of work (starting PostgreSQL inside WebAssembly); here it runs while the app's own
 * thread loads and builds the application, on the machine's other core, and later every query's engine work is
 * off the thread that renders pages. The app talks to it through pglite-thread-client.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import { forDrizzle, setDrizzleParsers } from './pglite-drizzle.js';
import { openPgliteFolder } from './pglite-store.js';
import { serializeError, type ThreadReply, type ThreadRequest } from './pglite-thread-protocol.js';

interface OpenTransaction {
  tx: Transaction;
  /** Lets the transaction's callback return (commit) or throw (roll back). */
  finish(commit: boolean): void;
  /** Settles once PGlite has committed or rolled back. */
  done: Promise<void>;
}

/** Thrown inside a transaction to have PGlite roll it back, as the app asked; not an error. */
const rollback = Symbol('rollback');

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string };

function reply(message: ThreadReply): void {
  port.postMessage(message);
}

function beginTransaction(client: PGlite, transactions: Map<number, OpenTransaction>, id: number): void {
  let finish!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => (finish = resolve));
  let opened = false;
  const done = client
    .transaction(async (tx) => {
      opened = true;
      transactions.set(id, { tx, finish, done });
      reply({ id, ok: true, result: id });
      if (!(await decided)) throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    })
    .finally(() => transactions.delete(id));
  // A transaction that never opened (BEGIN failed) is reported to the request that asked for it; one that did is
  // reported to the request that ends it.
  done.catch((error: unknown) => {
    if (!opened) reply({ id, ok: false, error: serializeError(error) });
  });
}

function openTransaction(transactions: Map<number, OpenTransaction>, tx: number): OpenTransaction {
  const open = transactions.get(tx);
  if (!open) throw new Error(`Transactie ${tx} is niet (meer) open.`);
  return open;
}

async function handle(client: PGlite, transactions: Map<number, OpenTransaction>, request: ThreadRequest): Promise<unknown> {
  const target = (tx: number | undefined): Pick<PGlite, 'query' | 'exec'> =>
    tx === undefined ? client : openTransaction(transactions, tx).tx;
  switch (request.op) {
    case 'query': {
      const { rows, fields, affectedRows }: Results = await target(request.tx).query(request.text, request.params, { rowMode: request.rowMode });
      return { rows, fields, affectedRows };
    }
    case 'exec':
      return (await target(request.tx).exec(request.text)).map(({ rows, fields, affectedRows }) => ({ rows, fields, affectedRows }));
    case 'end': {
      const open = openTransaction(transactions, request.tx);
      open.finish(request.commit);
      await open.done;
      return undefined;
    }
    case 'afterMigrate':
      setDrizzleParsers(client);
      return undefined;
    case 'close':
      await client.close();
      return undefined;
    case 'begin':
      throw new Error('begin is handled apart');
  }
}

async function main(): Promise<void> {
  // Listened to from the first moment, with requests kept until the database is open. A port with a listener keeps
  // the thread's event loop waiting on it, and that matters: whenever a loop has nothing left to wait for, Node
  // waits for every background task of the engine to finish (NodePlatform::DrainTasks), and PGlite's start leaves
  // such moments while V8 optimises its WebAssembly in the background, about a quarter of a second in which the
  // thread would answer nothing.
  const waiting: ThreadRequest[] = [];
  const server: { serve?: (request: ThreadRequest) => void } = {};
  port.on('message', (request: ThreadRequest) => (server.serve ? server.serve(request) : waiting.push(request)));
  let engine: PGlite;
  try {
    engine = await openPgliteFolder(dataDir);
  } catch (error) {
    reply({ ready: false, error: serializeError(error) });
    port.close();
    return;
  }
  const client = forDrizzle(engine);
  const transactions = new Map<number, OpenTransaction>();
  const serve = (request: ThreadRequest) => {
    if (request.op === 'begin') {
      beginTransaction(client, transactions, request.id);
      return;
    }
    handle(client, transactions, request).then(
      (result) => reply({ id: request.id, ok: true, result }),
      (error: unknown) => reply({ id: request.id, ok: false, error: serializeError(error) }),
    );
  };
  server.serve = serve;
  reply({ ready: true });
  for (const request of waiting.splice(0)) serve(request);
}

await main();
