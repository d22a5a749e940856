import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.js';
import { PgliteStatements } from './pglite-statements.js';

/** Named statements under PGlite (pglite-statements.ts), through the drizzle client every repository uses. */
describe('PGlite named statements', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openDatabase({ engine: 'pglite', memory: true });
    await handle.db.execute(sql`
      create table proef (
        id int primary key,
        naam text not null unique,
        op timestamptz,
        dag date,
        gegevens jsonb,
        lijst text[],
        actief boolean,
        bedrag numeric
      )`);
  });
  afterAll(() => handle.close());

  const rows = (result: unknown) => (result as { rows: unknown[] }).rows;
  const prepared = async () =>
    rows(await handle.db.execute(sql`select name, statement from pg_prepared_statements where name like 'lea_s%'`)) as { statement: string }[];

  it('answers a repeated query exactly as the first, ordinary run did, for every column type', async () => {
    await handle.db.execute(sql`insert into proef values
      (1, 'een', '2026-03-01T10:00:00Z', '2026-03-01', '{"a": [1, "twee"]}', '{x,y}', true, 12.50),
      (2, 'twee', null, null, null, null, null, null)`);
    const query = (id: number) => handle.db.execute(sql`select * from proef where id = ${id} or naam = ${'twee'} order by id`);
    const first = rows(await query(1));
    expect(await prepared()).toEqual([]);
    const second = rows(await query(1));
    const third = rows(await query(1));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(first).toHaveLength(2);
    expect(first[0]).toMatchObject({ gegevens: { a: [1, 'twee'] }, lijst: ['x', 'y'], actief: true, dag: '2026-03-01' });
    expect((await prepared()).some((row) => row.statement.includes('from proef where id = $1'))).toBe(true);
  });

  it('binds each run its own values', async () => {
    const naam = async (id: number) => (rows(await handle.db.execute(sql`select naam from proef where id = ${id}`))[0] as { naam: string } | undefined)?.naam;
    expect([await naam(1), await naam(2), await naam(1), await naam(3)]).toEqual(['een', 'twee', 'een', undefined]);
  });

  it('reports a constraint violation like an ordinary query, and the next query works', async () => {
    const insert = (id: number, naam: string) => handle.db.execute(sql`insert into proef (id, naam) values (${id}, ${naam})`);
    await insert(10, 'tien');
    await insert(11, 'elf');
    const error = await insert(12, 'tien').then(
      () => undefined,
      (thrown: unknown) => thrown as { cause?: { code?: string; constraint?: string } },
    );
    expect(error?.cause).toMatchObject({ code: '23505', constraint: 'proef_naam_key' });
    await insert(12, 'twaalf');
    expect(rows(await handle.db.execute(sql`select count(*)::int as aantal from proef where id >= ${10}`))).toEqual([{ aantal: 3 }]);
  });

  it('runs inside a transaction as part of it, rolled back with it', async () => {
    const insert = (db: typeof handle.db, id: number) => db.execute(sql`insert into proef (id, naam) values (${id}, ${`rij ${id}`})`);
    await insert(handle.db, 20);
    await insert(handle.db, 21);
    await expect(
      handle.db.transaction(async (tx) => {
        await insert(tx, 22);
        await insert(tx, 20);
      }),
    ).rejects.toThrow();
    expect(rows(await handle.db.execute(sql`select id from proef where id >= ${20} and id < ${30} order by id`))).toEqual([{ id: 20 }, { id: 21 }]);
  });

  it('waits for an open transaction instead of running inside it', async () => {
    const count = async () => (rows(await handle.db.execute(sql`select count(*)::int as aantal from proef where id = ${30}`))[0] as { aantal: number }).aantal;
    await count();
    await count();
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inside = new Promise<void>((resolve) => (started = resolve));
    const transaction = handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into proef (id, naam) values (${30}, ${'dertig'})`);
      started();
      await held;
      events.push('commit');
    });
    await inside;
    const outside = count().then((aantal) => events.push(`buiten zag ${aantal}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([]);
    release();
    await Promise.all([transaction, outside]);
    expect(events).toEqual(['commit', 'buiten zag 1']);
  });

  it('remembers at most its limit of texts; the rest run the ordinary way', async () => {
    const client = await PGlite.create();
    try {
      const statements = new PgliteStatements(client, 2);
      const run = (text: string) => statements.query(text, [1], undefined, () => client.query(text, [1]), false);
      for (const text of ['select $1::int as a', 'select $1::int as b', 'select $1::int as c']) {
        expect((await run(text)).rows).toEqual((await run(text)).rows);
      }
      const { rows: names } = await client.query<{ statement: string }>('select statement from pg_prepared_statements order by statement');
      expect(names.map((row) => row.statement)).toEqual(['select $1::int as a', 'select $1::int as b']);
    } finally {
      await client.close();
    }
  });
});
