import type { QueryResult, SqlClient, SqlExecutor } from '@referral/sql';

export class SimulatedCrash extends Error {
  constructor(at: string) {
    super(`Simulated crash ${at}`);
    this.name = 'SimulatedCrash';
  }
}

export interface CrashPlan {
  /** Die just before the n-th statement (1-based, counting statements inside transactions). */
  beforeQuery?: number;
  /** Count only the statements this accepts towards `beforeQuery`. */
  matching?: (sql: string) => boolean;
  /** Die right after the n-th transaction committed, before its caller learns of it. */
  afterCommit?: number;
}

/**
 * A SqlClient that dies like a killed process: at the planned instant the statement fails, the
 * open transaction rolls back (as the server does for a dropped connection), and from then on
 * every call fails.
 */
export class FaultySqlClient implements SqlClient {
  readonly dialect: SqlClient['dialect'];
  crashed = false;
  private armed = false;
  private queries = 0;
  private commits = 0;

  constructor(private readonly inner: SqlClient, private readonly plan: CrashPlan) {
    this.dialect = inner.dialect;
  }

  /** Starts counting towards the planned crash (set-up before it does not count). */
  arm(): void {
    this.armed = true;
  }

  query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
    return this.counted(this.inner, sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.assertAlive();
    const value = await this.inner.transaction((tx) => work({ query: (sql, params) => this.counted(tx, sql, params) }));
    if (this.armed) this.commits += 1;
    if (this.commits === this.plan.afterCommit) this.crash(`after commit ${this.commits}`);
    return value;
  }

  async exec(sql: string): Promise<void> {
    this.assertAlive();
    await this.inner.exec(sql);
  }

  async close(): Promise<void> {
    // The inner client belongs to the test.
  }

  private async counted<Row>(executor: SqlExecutor, sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
    this.assertAlive();
    if (this.armed && (this.plan.matching?.(sql) ?? true)) this.queries += 1;
    if (this.queries === this.plan.beforeQuery) this.crash(`before statement ${this.queries}: ${sql.slice(0, 40)}`);
    return executor.query<Row>(sql, params);
  }

  private assertAlive(): void {
    if (this.crashed) throw new SimulatedCrash('(the process is dead)');
  }

  private crash(at: string): never {
    this.crashed = true;
    throw new SimulatedCrash(at);
  }
}
