/**
 * Projection throughput: a live runner catching up from zero, then a rebuild with the CLI
 * progress bar, on embedded PGlite (and the PostgreSQL server when DATABASE_URL is set).
 * Run: node -r @swc-node/register test/bench/projections.bench.ts [events]
 */
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@referral/event-store';
import { formatRebuildProgress, ProjectionRegistry, ProjectionRunner, rebuildProjection, type ProjectionDefinition } from '@referral/projections';
import { PgliteSqlClient, PgSqlClient, type SqlClient } from '@referral/sql';
import { emitReport, formatNumber, type ReportRow } from './support/report-rows';

const EVENTS = Number(process.argv[2] ?? 20_000);

const caseCounts: ProjectionDefinition = {
  name: 'bench_counts',
  version: 1,
  tables: ['bench_counts'],
  async setup(tx, t) {
    await tx.query(`CREATE TABLE IF NOT EXISTS ${t.bench_counts} (stream_id text PRIMARY KEY, events integer NOT NULL)`);
  },
  async handle(event, tx, t) {
    await tx.query(
      `INSERT INTO ${t.bench_counts} VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET events = ${t.bench_counts}.events + 1`,
      [event.streamId],
    );
  },
};

async function bench(label: string, client: SqlClient): Promise<ReportRow[]> {
  const store = await PostgresEventStore.create(client);
  const registry = await ProjectionRegistry.open(client);
  for (let i = 0; i < EVENTS; i += 100) {
    const batch = Array.from({ length: 100 }, () => ({ id: randomUUID(), type: 'Counted', data: {}, metadata: { schemaVersion: 1 } }));
    await store.appendToStream(`bench-${i % 1000}`, batch);
  }
  const head = (await store.readAll({ after: null, maxCount: EVENTS })).at(-1)?.position ?? 0n;
  const runner = new ProjectionRunner({ store, registry, projection: caseCounts });
  const started = Date.now();
  runner.start();
  await runner.waitForPosition(head, 600_000);
  const catchUp = EVENTS / ((Date.now() - started) / 1000);
  console.log(`${label}: live runner caught up with ${EVENTS} events at ${Math.round(catchUp)} events/s`);
  const rebuildStarted = Date.now();
  const result = await rebuildProjection(store, registry, caseCounts, {
    liveRunner: runner,
    progressIntervalMs: 250,
    onProgress: (p) => process.stdout.write(`\r${formatRebuildProgress(p)}   ${p.finished ? '\n' : ''}`),
  });
  const rebuildSeconds = (Date.now() - rebuildStarted) / 1000;
  console.log(`${label}: rebuilt into generation ${result.generation}`);
  await runner.stop();
  await store.close();
  await client.close();
  return [
    { figure: `${label}: live runner catch-up from zero (${formatNumber(EVENTS)} events)`, value: `${formatNumber(catchUp)} ev/s` },
    { figure: `${label}: rebuild with progress into generation ${result.generation}`, value: `${formatNumber(rebuildSeconds, 1)} s` },
  ];
}

async function main(): Promise<void> {
  const rows = await bench('pglite', await PgliteSqlClient.open());
  if (process.env.DATABASE_URL) {
    const schema = `bench_${Date.now()}`;
    const admin = new PgSqlClient({ connectionString: process.env.DATABASE_URL, maxConnections: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    try {
      rows.push(...(await bench('postgres', new PgSqlClient({ connectionString: process.env.DATABASE_URL, schema }))));
    } finally {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  }
  emitReport({
    name: 'projections',
    setup: `a one-table projection over ${formatNumber(EVENTS)} events in 100-event appends, embedded PGlite${process.env.DATABASE_URL ? ' and the PostgreSQL server' : ''}; no bare reference`,
    rows,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
