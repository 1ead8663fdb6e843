/**
 * A worker process for the kill test: runs the `killed` tally projection against the PostgreSQL
 * schema named in SCHEMA until it is killed. Run with `node -r @swc-node/register`.
 */
import { PostgresEventStore } from '@referral/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@referral/projections';
import { PgSqlClient } from '@referral/sql';
import { tallyProjection } from './tally-projection';

async function main(): Promise<void> {
  const { DATABASE_URL, SCHEMA } = process.env;
  if (!DATABASE_URL || !SCHEMA) throw new Error('DATABASE_URL and SCHEMA must be set');
  const client = new PgSqlClient({ connectionString: DATABASE_URL, schema: SCHEMA, maxConnections: 3 });
  const store = await PostgresEventStore.create(client, { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } });
  const registry = await ProjectionRegistry.open(client);
  const runner = new ProjectionRunner({
    store,
    registry,
    // A millisecond per event keeps the process inside a transaction most of the time, where a
    // kill is most telling.
    projection: tallyProjection({ name: 'killed', afterWrite: (_event, _tables, tx) => tx.query('SELECT pg_sleep(0.001)') }),
    batchSize: 25,
    backoff: { initialMs: 5, maxMs: 50 },
  });
  runner.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`runner-child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
