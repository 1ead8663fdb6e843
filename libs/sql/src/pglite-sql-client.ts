import { PGlite } from '@electric-sql/pglite';
import { initPgliteDataDir } from './pglite-initdb';
import type { QueryResult, SqlClient, SqlExecutor } from './sql-client';

/**
 * The embedded database holds one city's cases (tens of MiB in years); PostgreSQL's default
 * 128 MB of shared buffers would be most of the process's memory, and the OS caches the files too.
 */
const ON_DISK_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * SqlClient on embedded PGlite. PGlite runs one query at a time, so a transaction holds the
 * database exclusively until it ends: the same guarantees as serialised writers on a server.
 */
export class PgliteSqlClient implements SqlClient {
  readonly dialect = 'pglite' as const;

  private constructor(readonly db: PGlite) {}

  /**
   * `dataDir` undefined means in memory (tests). `from` starts the database as a copy of one
   * `dumpDataDir()` gave, which skips initdb (about three times faster to open). A new data
   * directory is made in a child process (see initPgliteDataDir), and runs with small buffers.
   */
  static async open(dataDir?: string, from?: Blob): Promise<PgliteSqlClient> {
    if (dataDir && !from) await initPgliteDataDir(dataDir);
    const db = await PGlite.create(dataDir, {
      ...(from ? { loadDataDir: from } : {}),
      ...(dataDir ? { startParams: ON_DISK_START } : {}),
    });
    return new PgliteSqlClient(db);
  }

  /** A copy of this database's data directory, to open others from (uncompressed). */
  async dump(): Promise<Blob> {
    const dump = await this.db.dumpDataDir('none');
    return dump instanceof Blob ? dump : new Blob([dump]);
  }

  async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
    const result = await this.db.query<Row>(sql, params as unknown[]);
    return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      work({
        query: async <Row>(sql: string, params?: unknown[]) => {
          const result = await tx.query<Row>(sql, params as unknown[]);
          return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
        },
      }),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
