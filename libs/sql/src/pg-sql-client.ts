import { Pool, type PoolConfig } from 'pg';
import { listenOn, type Listening } from './pg-listener';
import type { QueryResult, SqlClient, SqlExecutor } from './sql-client';

export interface PgSqlClientOptions {
  connectionString: string;
  /** Every connection of the pool uses this schema first (tests isolate themselves this way). */
  schema?: string;
  /** @defaultValue 10 */
  maxConnections?: number;
}

/** SqlClient on a PostgreSQL server through a `pg` pool. */
export class PgSqlClient implements SqlClient {
  readonly dialect = 'postgres' as const;
  readonly pool: Pool;
  private readonly config: PoolConfig;

  constructor(options: PgSqlClientOptions) {
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
    };
    if (options.schema) config.options = `-c search_path=${quoteIdent(options.schema)},public`;
    this.config = config;
    this.pool = new Pool(config);
    // An idle client that loses its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
    const result = await this.pool.query(sql, params as unknown[]);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection that dies between statements (the server ends a transaction left idle, say)
    // must not crash the process: the next statement fails instead, and the client is dropped.
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const tx: SqlExecutor = {
        query: async <Row>(sql: string, params?: unknown[]) => {
          const result = await client.query(sql, params as unknown[]);
          return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
        },
      };
      const value = await work(tx);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  listen(channel: string, onPayload: (payload: string) => void): Promise<Listening> {
    const { max: _max, ...connection } = this.config;
    return listenOn(connection, channel, onPayload);
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
