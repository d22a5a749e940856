/**
 * PGlite in its own thread (pglite-thread.ts and its client): the app must get from it exactly what it gets from
 * an engine in its own thread: the same rows, the same errors with PostgreSQL's fields, the same transactions.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../lib/errors.js';
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../runtime.js';
import { migrationsUpToDate, openDatabase, type DatabaseHandle } from './client.js';
import { DataDirInUseError } from './data-dir-lock.js';
import { abandonEarlyStart, startPgliteEarly } from './early-start.js';
import { DatabaseThreadLostError, PgliteThread } from './pglite-thread-client.js';

const rows = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

const table = sql`
  create table proef (
    id int primary key,
    naam text not null constraint proef_naam_uniek unique,
    op timestamptz,
    dag date,
    gegevens jsonb,
    lijst text[],
    actief boolean,
    bedrag numeric,
    ruw bytea
  )`;
const content = sql`insert into proef values
  (1, 'een', '2026-03-01T10:00:00Z', '2026-03-01', '{"a": [1, "twee"]}', '{x,y}', true, 12.50, '\\x0102'),
  (2, 'twee', null, null, null, null, null, null, null)`;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'lea-thread-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a database folder opened in its own thread', () => {
  let thread: DatabaseHandle;
  let inThisThread: DatabaseHandle;

  beforeAll(async () => {
    thread = await openDatabase({ engine: 'pglite', dataDir: path.join(root, 'proef') });
    inThisThread = await openDatabase({ engine: 'pglite', memory: true });
    for (const handle of [thread, inThisThread]) {
      await handle.db.execute(table);
      await handle.db.execute(content);
    }
  });
  afterAll(async () => {
    await thread.close();
    await inThisThread.close();
  });

  it('runs in a thread of its own, and answers every column type as an engine in this thread does', async () => {
    expect(thread.pglite).toBeUndefined();
    expect(inThisThread.pglite).toBeDefined();
    const query = (id: number) => sql`select *, now() - now() as duur from proef where id = ${id} or naam = ${'twee'} order by id`;
    // Three times: the second and later runs go through named statements (pglite-statements.ts), in the thread too.
    for (let run = 0; run < 3; run += 1) {
      const there = rows(await thread.db.execute(query(1)));
      expect(there).toEqual(rows(await inThisThread.db.execute(query(1))));
      expect(there[0]).toMatchObject({ op: '2026-03-01 10:00:00+00', dag: '2026-03-01', gegevens: { a: [1, 'twee'] }, lijst: ['x', 'y'], bedrag: '12.50' });
      expect(there[0]!.ruw).toEqual(new Uint8Array([1, 2]));
    }
  });

  it("passes PostgreSQL's error fields through, so a unique violation is recognised as one", async () => {
    const error: unknown = await thread.db.execute(sql`insert into proef (id, naam) values (3, ${'een'})`).catch((caught: unknown) => caught);
    expect(isUniqueViolation(error, 'proef_naam_uniek')).toBe(true);
    const cause = (error as { cause?: Record<string, unknown> }).cause;
    expect(cause).toMatchObject({ code: '23505', constraint: 'proef_naam_uniek', table: 'proef' });
    expect(String(cause?.message)).toContain('proef_naam_uniek');
  });

  it('commits a transaction that returns, and rolls back one that throws or asks for it, also a nested one', async () => {
    await thread.db.transaction(async (tx) => {
      await tx.execute(sql`insert into proef (id, naam) values (10, 'tien')`);
    });
    await expect(
      thread.db.transaction(async (tx) => {
        await tx.execute(sql`insert into proef (id, naam) values (11, 'elf')`);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    await expect(
      thread.db.transaction(async (tx) => {
        await tx.execute(sql`insert into proef (id, naam) values (12, 'twaalf')`);
        tx.rollback();
      }),
    ).rejects.toThrow();
    await thread.db.transaction(async (tx) => {
      await tx.execute(sql`insert into proef (id, naam) values (13, 'dertien')`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into proef (id, naam) values (14, 'veertien')`);
          throw new Error('alleen het binnenste');
        })
        .catch(() => undefined);
    });
    const ids = rows(await thread.db.execute(sql`select id from proef where id >= 10 order by id`)).map((row) => row.id);
    expect(ids).toEqual([10, 13]);
    await thread.db.execute(sql`delete from proef where id >= 10`);
  });

  it('lets a query from outside wait until an open transaction is done, as PGlite does', async () => {
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const hasInserted = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = thread.db.transaction(async (tx) => {
      await tx.execute(sql`insert into proef (id, naam) values (20, 'twintig')`);
      inserted();
      await holding;
    });
    await hasInserted;
    let answered = false;
    const outside = thread.db.execute(sql`select count(*)::int as aantal from proef where id = 20`).then((result) => {
      answered = true;
      return rows(result);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    release();
    await transaction;
    expect(await outside).toEqual([{ aantal: 1 }]);
    await thread.db.execute(sql`delete from proef where id = 20`);
  });

  it('brings the schema up to date with the migrations, twice without harm', async () => {
    const other = await openDatabase({ engine: 'pglite', dataDir: path.join(root, 'gemigreerd') });
    try {
      // A new folder is a copy of the template made at npm install, migrated already; an empty database is not.
      expect(await migrationsUpToDate(other.db)).toBe(true);
      expect(await migrationsUpToDate(inThisThread.db)).toBe(false);
      await other.migrate();
      await other.migrate();
      // One migration forgotten: no longer up to date, so a start would run the migrator.
      const [newest] = rows(await other.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations) returning hash, created_at`));
      expect(await migrationsUpToDate(other.db)).toBe(false);
      await other.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${newest!.hash as string}, ${newest!.created_at as string})`);
      expect(await migrationsUpToDate(other.db)).toBe(true);
      await other.ping();
      const tables = rows(await other.db.execute(sql`select count(*)::int as aantal from information_schema.tables where table_name = 'gemeente'`));
      expect(tables).toEqual([{ aantal: 1 }]);
    } finally {
      await other.close();
    }
  });
});

describe('the thread itself', () => {
  it('takes calls before the database is open, and answers them once it is', async () => {
    const thread = PgliteThread.start(path.join(root, 'vroeg'));
    const early = thread.query<{ antwoord: number }>('select 41 + 1 as antwoord');
    await expect(early).resolves.toMatchObject({ rows: [{ antwoord: 42 }] });
    await thread.opened;
    await thread.close();
  });

  it('fails the opening, and every call that waited for it, when the folder cannot be opened', async () => {
    const notAFolder = path.join(root, 'geen-map');
    await writeFile(notAFolder, 'dit is een bestand');
    const thread = PgliteThread.start(notAFolder);
    const waited = thread.query('select 1');
    await expect(thread.opened).rejects.toThrow();
    await expect(waited).rejects.toThrow();
    await expect(thread.query('select 1')).rejects.toThrow();
  });

  it('reports a thread that stops on its own, and fails what waited and what comes after', async () => {
    const thread = await PgliteThread.open(path.join(root, 'verloren'));
    const lost: Error[] = [];
    thread.onLost = (error) => lost.push(error);
    const inFlight = thread.query('select pg_sleep(0.5)');
    await thread.terminateForTest();
    await expect(inFlight).rejects.toBeInstanceOf(DatabaseThreadLostError);
    await expect(thread.query('select 1')).rejects.toBeInstanceOf(DatabaseThreadLostError);
    expect(lost).toHaveLength(1);
    await thread.close();
  });

  it('refuses calls once closed', async () => {
    const thread = await PgliteThread.open(path.join(root, 'gesloten'));
    await thread.close();
    await expect(thread.query('select 1')).rejects.toThrow();
  });
});

describe('the early start of the server', () => {
  it('locks the folder and opens it before the configuration is read; the configured database is that one', async () => {
    const dataDir = path.join(root, 'vroege-start');
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    const early = startPgliteEarly(env)!;
    expect(early.dataDir).toBe(path.join(dataDir, 'pglite'));
    // The folder is taken: a second opener in another process would be refused (here: the lock file holds our pid).
    const database = await openConfiguredDatabase(loadConfig({ ...env, SEED_DEMO_DATA: 'false' }), early);
    await database.migrate();
    await database.ping();
    await database.close();
    // Closed and released: the folder opens again.
    const again = await openDatabase({ engine: 'pglite', dataDir: early.dataDir });
    await again.close();
  });

  it('starts nothing for PostgreSQL, and gives back an early start that is not used', async () => {
    expect(startPgliteEarly({ DATABASE_URL: 'postgres://localhost/lea' })).toBeUndefined();
    const early = startPgliteEarly({ DATA_DIR: path.join(root, 'verlaten') })!;
    await abandonEarlyStart(early);
    const again = await openDatabase({ engine: 'pglite', dataDir: early.dataDir });
    await again.close();
  });

  it('reports a folder that another process holds when the database is asked for', async () => {
    const dataDir = path.join(root, 'bezet');
    const folder = path.join(dataDir, 'pglite');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder, { recursive: true });
    // PID 1 always runs: this folder counts as taken by another process.
    await writeFile(path.join(folder, 'lea-platform.lock'), '1');
    const early = startPgliteEarly({ DATA_DIR: dataDir })!;
    await expect(openConfiguredDatabase(loadConfig({ DATA_DIR: dataDir }), early)).rejects.toBeInstanceOf(DataDirInUseError);
  });
});
