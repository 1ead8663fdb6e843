/**
 * Event store against the bare driver, per backend: `node -r @swc-node/register test/bench/store.bench.ts`.
 * The bare side writes the same payload into a plain table with the same columns and only a
 * primary key, so the ratio is what the store's checks (revision, idempotency, ordering lock) cost.
 */
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type ExpectedRevision, type NewEvent } from '@referral/event-store';
import type { SqlClient } from '@referral/sql';
import { freshPglite, freshPostgresSchema, type TestDatabase } from '../support/databases';
import { BARE_COLUMNS, BARE_TABLE, bareInsert } from './support/bare-events';
import { emitReport, formatNumber, type ReportRow } from './support/report-rows';

const SINGLE_APPENDS = 2000;
const STREAMS = 200;
const BATCHES = 20;
const BATCH_SIZE = 100;
const READ_BATCH = 500;
const ROUNDS = 4; // store and bare alternate, so drift on a busy machine hits both alike

interface Row { backend: string; operation: string; store: number; bare: number; target?: number }

function event(index: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'CaseReceived',
    data: { caseId: `case-${index}`, area: 'Södermalm', category: 'assault', note: 'anteckning '.repeat(20) },
    metadata: { schemaVersion: 1, correlationId: randomUUID(), actor: 'police-handover' },
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Events per second of `store` and `bare`, each run `ROUNDS` times in turn over `count` events. */
async function compare(count: number, store: (round: number) => Promise<unknown>, bare: (round: number) => Promise<unknown>) {
  let storeSeconds = 0;
  let bareSeconds = 0;
  for (let round = 0; round < ROUNDS; round++) {
    storeSeconds += await timed(() => store(round));
    bareSeconds += await timed(() => bare(round));
  }
  return { store: (count * ROUNDS) / storeSeconds, bare: (count * ROUNDS) / bareSeconds };
}

async function benchBackend(backend: string, db: TestDatabase): Promise<Row[]> {
  const client = db.client;
  const store = await PostgresEventStore.create(client);
  await client.exec(BARE_TABLE);
  const revisions = new Map<string, number>();
  const singleAppends = async (prefix: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const stream = `${prefix}-${i % STREAMS}`;
      const current = revisions.get(stream) ?? -1;
      const expectedRevision: ExpectedRevision = current === -1 ? 'no-stream' : current;
      const result = await store.appendToStream(stream, [event(i)], { expectedRevision });
      revisions.set(stream, result.nextExpectedRevision);
    }
  };
  const bareSingles = async (prefix: string, count: number) => {
    for (let i = 0; i < count; i++) await bareInsert(client, `${prefix}-${i % STREAMS}`, Math.floor(i / STREAMS), [event(i)]);
  };
  const batchAppends = async (round: number) => {
    for (let b = 0; b < BATCHES; b++) await store.appendToStream(`batch-${round}-${b}`, makeBatch(), { expectedRevision: 'no-stream' });
  };
  const bareBatches = async (round: number) => {
    for (let b = 0; b < BATCHES; b++) await bareInsert(client, `batch-${round}-${b}`, 0, makeBatch());
  };
  const readAllStore = async () => {
    let after: bigint | null = null;
    for (let page = await store.readAll({ after, maxCount: READ_BATCH }); page.length > 0; page = await store.readAll({ after, maxCount: READ_BATCH })) {
      after = page[page.length - 1].position;
    }
  };
  const readAllBare = async () => {
    let after = '0';
    for (;;) {
      const { rows } = await client.query<{ position: string }>(
        `SELECT position::text AS position, ${BARE_COLUMNS}, recorded_at FROM bare_events b WHERE b.position > $1 ORDER BY b.position LIMIT $2`,
        [after, READ_BATCH],
      );
      if (rows.length === 0) return;
      after = rows[rows.length - 1].position;
    }
  };

  // Warm-up: plans cached, plpgsql compiled, JIT-free steady state.
  await singleAppends('warm', 300);
  await bareSingles('warm', 300);
  await readAllStore();
  await readAllBare();

  const perRound = SINGLE_APPENDS / ROUNDS;
  const single = await compare(perRound, (r) => singleAppends(`single-${r}`, perRound), (r) => bareSingles(`single-${r}`, perRound));
  const batch = await compare(BATCHES * BATCH_SIZE, batchAppends, bareBatches);
  const total = Number((await client.query<{ n: string }>('SELECT count(*)::text AS n FROM es_events')).rows[0].n);
  const reads = await compare(total, readAllStore, readAllBare);
  await store.close();
  return [
    { backend, operation: `append 1 event, expected revision (${SINGLE_APPENDS}, ${STREAMS} streams)`, ...single, target: 0.7 },
    { backend, operation: `append ${BATCH_SIZE}-event batches (${BATCHES * BATCH_SIZE} events)`, ...batch },
    { backend, operation: `readAll in batches of ${READ_BATCH} (${total} events)`, ...reads, target: 0.7 },
  ];
}

function makeBatch(): NewEvent[] {
  return Array.from({ length: BATCH_SIZE }, (_, i) => event(i));
}

function printTable(rows: Row[]): void {
  const header = ['backend', 'operation', 'store ev/s', 'bare ev/s', 'ratio', 'target'];
  const lines = rows.map((r) => {
    const ratio = r.store / r.bare;
    const verdict = r.target === undefined ? '-' : `>= ${r.target} ${ratio >= r.target ? 'PASS' : 'MISS'}`;
    return [r.backend, r.operation, r.store.toFixed(0), r.bare.toFixed(0), ratio.toFixed(2), verdict];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const line of [header, widths.map((w) => '-'.repeat(w)), ...lines]) {
    console.log(line.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | '));
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const [name, open] of [['PGlite (memory)', freshPglite], ['PostgreSQL', () => freshPostgresSchema(2)]] as const) {
    const db = await open();
    try {
      rows.push(...(await benchBackend(name, db)));
    } finally {
      await db.dispose();
    }
  }
  printTable(rows);
  emitReport({
    name: 'store',
    setup: `event store appends and reads against a bare table with the same columns (one INSERT / SELECT), per backend; ${ROUNDS} alternating rounds`,
    rows: rows.map(reportRow),
  });
}

function reportRow(r: Row): ReportRow {
  const ratio = r.store / r.bare;
  return {
    figure: `${r.backend}: ${r.operation}`,
    value: `${formatNumber(r.store)} ev/s`,
    baseline: `${formatNumber(r.bare)} ev/s`,
    ratio,
    ...(r.target === undefined ? {} : { target: `>= ${r.target}`, met: ratio >= r.target }),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
