import { parse, protocol, type PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';

interface Statement {
  readonly name: string;
  /** The type of each parameter as the server inferred it, to serialise values the way PGlite's query does. */
  readonly paramTypes: readonly number[];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/**
 * Named prepared statements for PGlite, which has none of its own: its `query` parses and plans every statement
 * again and talks to the engine six times to do so (parse, describe, bind, describe, execute, sync). A page behind
 * the login runs the same few statements on every request, and planning was about half of their time. So the second
 * time a text with parameters comes by, it is parsed once under a name; after that a run is one message to the
 * engine (bind, describe, execute, sync). The results are built by PGlite's own parser, from the same messages.
 *
 * PGlite serialises its users with two locks (one for transactions, one for single queries); this takes the same
 * ones, so a statement never runs inside somebody else's transaction. At most `limit` texts are remembered, as the
 * statements live in the engine's memory; texts beyond that run the ordinary way.
 */
export class PgliteStatements {
  private readonly seen = new Map<string, Statement | 'once'>();
  private prepared = 0;

  constructor(
    private readonly client: PGlite,
    private readonly limit = 1000,
  ) {}

  /**
   * Runs a query as `client.query` (or, inside a transaction, `tx.query`) would; `ordinary` is that call, used the
   * first time a text comes by and for texts that are not worth a statement.
   */
  async query<T>(
    text: string,
    params: unknown[] | undefined,
    options: QueryOptions | undefined,
    ordinary: () => Promise<Results<T>>,
    inTransaction: boolean,
  ): Promise<Results<T>> {
    const known = this.seen.get(text);
    if (!params || params.length === 0 || options?.blob || (known === undefined && this.seen.size >= this.limit)) return ordinary();
    if (known === undefined) {
      this.seen.set(text, 'once');
      return ordinary();
    }
    const run = () => this.client._runExclusiveQuery(() => this.execute<T>(text, known, params, options));
    // Inside a transaction its lock is held already; outside, wait for any open transaction to finish first.
    return inTransaction ? run() : this.client._runExclusiveTransaction(run);
  }

  private async execute<T>(text: string, known: Statement | 'once', params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    const statement = known === 'once' ? await this.prepare(text) : known;
    const values = params.map((value, index) => {
      if (value === null || value === undefined) return null;
      const serializer = options?.serializers?.[statement.paramTypes[index]!] ?? this.client.serializers[statement.paramTypes[index]!];
      return serializer ? serializer(value) : String(value);
    });
    const { serialize } = protocol;
    const { messages } = await this.client.execProtocol(
      concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
    );
    return parse.parseResults(messages, this.client.parsers, options)[0] as Results<T>;
  }

  private async prepare(text: string): Promise<Statement> {
    const { serialize } = protocol;
    const name = `lea_s${++this.prepared}`;
    const { messages } = await this.client.execProtocol(
      concat([serialize.parse({ name, text, types: [] }), serialize.describe({ type: 'S', name }), serialize.sync()]),
    );
    const description = messages.find((message) => message.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
    const statement: Statement = { name, paramTypes: description?.dataTypeIDs ?? [] };
    this.seen.set(text, statement);
    return statement;
  }
}
