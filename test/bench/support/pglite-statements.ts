import { PgliteSqlClient, type SqlClient } from '@referral/sql';

/**
 * Counts the statements a PGlite database runs (queries, execs, statements inside transactions):
 * the store, the projections, the reactions. With `tally` on, also by the SQL's first words.
 */
export class StatementCounter {
  count = 0;
  tally = false;
  readonly bySql = new Map<string, number>();

  /** Wraps the client's database; a server client is left as it is (its statements are not counted). */
  attach(client: SqlClient): void {
    if (!(client instanceof PgliteSqlClient)) return;
    type Fn = (...args: unknown[]) => Promise<unknown>;
    const counted = (fn: Fn): Fn => (...args) => {
      this.count += 1;
      if (this.tally) {
        const key = String(args[0]).replace(/\s+/g, ' ').trim().slice(0, Number(process.env.BENCH_TALLY_CHARS ?? 60));
        this.bySql.set(key, (this.bySql.get(key) ?? 0) + 1);
      }
      return fn(...args);
    };
    const db = client.db as unknown as Record<'query' | 'exec' | 'transaction', Fn>;
    db.query = counted(db.query.bind(db));
    db.exec = counted(db.exec.bind(db));
    const transaction = db.transaction.bind(db);
    db.transaction = (work: unknown) =>
      transaction(async (tx: Record<'query' | 'exec', Fn>) => {
        tx.query = counted(tx.query.bind(tx));
        tx.exec = counted(tx.exec.bind(tx));
        return (work as (tx: unknown) => Promise<unknown>)(tx);
      });
  }
}
