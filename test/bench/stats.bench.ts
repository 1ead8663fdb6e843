/**
 * Statistics (issue 5, "Benchmark"): on a store of simulated years, in one run,
 * - the event store's bare read rate (readAll in batches over the whole store, events/s),
 * - the statistics projection's rebuild rate (`rebuildProjection` from position zero into fresh
 *   tables, events/s) and the ratio rebuild / read (target >= 0.5),
 * - the latency of the report the API answers GET /statistics/report with
 *   (`StatisticsQueries.report`) over seeded periods: years, partnership years, quarters, months,
 *   ranges up to ten years (target p99 < 50 ms).
 * The store is written directly (not through HTTP) from the simulator's seeded plan through the
 * real deciders: see `support/stats-store.ts`.
 *
 * Run: node -r @swc-node/register test/bench/stats.bench.ts [--years 10] [--backend postgres|pglite] [--seed 1] [--periods 200]
 * PostgreSQL: a fresh schema on TEST_DATABASE_URL / DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), dropped at the end.
 */
import { PostgresEventStore } from '@referral/event-store';
import { formatRebuildProgress, ProjectionRegistry, REBUILD_BATCH_SIZE, rebuildProjection, type RebuildProgress } from '@referral/projections';
import { shiftDate } from '@referral/case';
import { StatisticsQueries, statisticsProjection } from '@referral/statistics';
import { openStatsBenchDatabase } from './support/stats-db';
import { benchPeriods, percentile, type BenchPeriod } from './support/stats-periods';
import { buildStatsStore } from './support/stats-store';
import { emitReport, rowsOfTable } from './support/report-rows';

const LAST_DAY = '2025-03-31'; // the store ends with a partnership year, so its years are whole ones
const READ_BATCH = REBUILD_BATCH_SIZE; // what a rebuild reads per batch
const WARM_UP_REPORTS = 5;
const TARGET = { ratio: 0.5, p99Ms: 50 };

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : (process.argv[at + 1] ?? '');
}

const YEARS = Number(option('--years', '10'));
const BACKEND = option('--backend', 'postgres');
const SEED = Number(option('--seed', '1'));
const PERIODS = Number(option('--periods', '200'));
if (!(Number.isInteger(YEARS) && YEARS >= 1)) throw new Error('--years takes a whole number of years, at least 1');
if (BACKEND !== 'postgres' && BACKEND !== 'pglite') throw new Error('--backend is postgres or pglite');
if (!(Number.isInteger(PERIODS) && PERIODS >= 1)) throw new Error('--periods takes a whole number, at least 1');

const seconds = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e9;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** The whole store read in batches, as a runner would read it, without handling the events. */
async function readAllRate(store: PostgresEventStore): Promise<{ events: number; seconds: number }> {
  const started = process.hrtime.bigint();
  let events = 0;
  let after: bigint | null = null;
  for (;;) {
    const page = await store.readAll({ after, maxCount: READ_BATCH });
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1]!.position;
  }
  return { events, seconds: seconds(started) };
}

interface Row { measure: string; value: string; target: string; verdict: string }

function printTable(rows: Row[]): void {
  const header: Row = { measure: 'measure', value: 'value', target: 'target', verdict: 'verdict' };
  const keys = ['measure', 'value', 'target', 'verdict'] as const;
  const widths = keys.map((k) => Math.max(...[header, ...rows].map((r) => r[k].length)));
  const line = (r: Row) => keys.map((k, i) => (k === 'value' ? r[k].padStart(widths[i]!) : r[k].padEnd(widths[i]!))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const from = shiftDate(`${Number(LAST_DAY.slice(0, 4)) - YEARS}${LAST_DAY.slice(4)}`, 1);
  const db = await openStatsBenchDatabase(BACKEND as 'postgres' | 'pglite');
  const interrupted = () => void db.dispose().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  const runStarted = process.hrtime.bigint();
  console.log(`statistics bench: ${YEARS} simulated years ${from}..${LAST_DAY}, seed ${SEED}, ${db.label}`);
  const store = await PostgresEventStore.create(db.client, { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } });
  try {
    // 1. The store, written through the build client (see support/stats-db.ts).
    const writer = await PostgresEventStore.create(db.buildClient);
    const built = await buildStatsStore(writer, {
      from, to: LAST_DAY, seed: SEED, concurrency: db.buildConcurrency,
      onProgress: (p) =>
        process.stdout.write(`\rbuilding: ${p.day}  ${int(p.lanesDone)}/${int(p.lanesTotal)} case lanes  ${int(p.events)} events  ${int(p.events / Math.max(p.seconds, 1e-3))} ev/s   ${p.finished ? '\n' : ''}`),
    });
    await writer.close();
    const buildSeconds = built.planSeconds + built.writeSeconds;
    const types = [...built.eventsByType].sort(([, a], [, b]) => b - a).map(([type, n]) => `${type} ${int(n)}`).join(', ');
    console.log(
      `store: ${int(built.events)} events in ${int(built.appends)} appends, ${int(built.cases)} cases, built in ${buildSeconds.toFixed(1)} s ` +
        `(plan ${built.planSeconds.toFixed(1)} s of ${int(built.steps)} steps; decide + append ${built.writeSeconds.toFixed(1)} s, ${int(built.events / built.writeSeconds)} ev/s)`,
    );
    console.log(`  ${types}`);
    console.log(`  handovers refused for consent ${built.refusedHandovers}; commands refused unexpectedly ${built.unexpectedRefusals}${built.refusalSamples.length ? `: ${built.refusalSamples.join('; ')}` : ''}`);

    // 2a. Bare read rate (a first short pass warms plans and caches for both sides alike).
    await store.readAll({ after: null, maxCount: READ_BATCH });
    const read = await readAllRate(store);
    const readRate = read.events / read.seconds;
    console.log(`readAll: ${int(read.events)} events in batches of ${READ_BATCH} in ${read.seconds.toFixed(2)} s`);

    // 2b. Rebuild from position zero into fresh tables.
    const registry = await ProjectionRegistry.open(db.client);
    let last: RebuildProgress | null = null;
    const rebuildStarted = process.hrtime.bigint();
    const rebuilt = await rebuildProjection(store, registry, statisticsProjection, {
      progressIntervalMs: 1000,
      onProgress: (p) => {
        last = p;
        process.stdout.write(`\r${formatRebuildProgress(p)}   ${p.finished ? '\n' : ''}`);
      },
    });
    const rebuildSeconds = seconds(rebuildStarted);
    const rebuildRate = rebuilt.eventsApplied / rebuildSeconds;
    const ratio = rebuildRate / readRate;
    console.log(`rebuild: ${int(rebuilt.eventsApplied)} events into generation ${rebuilt.generation} in ${rebuildSeconds.toFixed(2)} s` + (last ? '' : ' (no progress reported)'));

    // 3. Report latency.
    const queries = new StatisticsQueries(db.client);
    const whole = await queries.report({ from, to: LAST_DAY });
    console.log(
      `report ${from}..${LAST_DAY}: handled cases ${int(whole.total.handledCases)}, direct contacts ${int(whole.total.directContacts)}, ` +
        `actions ${int(whole.total.actions)}, support persons ${int(whole.total.supportPersons)}, links received ${int(whole.total.linksReceived)}`,
    );
    const periods = benchPeriods(from, LAST_DAY, PERIODS, SEED);
    for (const period of periods.slice(0, WARM_UP_REPORTS)) await queries.report(period);
    const timings: { period: BenchPeriod; ms: number }[] = [];
    for (const period of periods) {
      const started = process.hrtime.bigint();
      await queries.report({ from: period.from, to: period.to });
      timings.push({ period, ms: seconds(started) * 1000 });
    }
    const all = timings.map((t) => t.ms).sort((a, b) => a - b);
    const p99 = percentile(all, 0.99);

    console.log('\nreport latency by period kind (ms):');
    for (const kind of [...new Set(periods.map((p) => p.kind))]) {
      const ms = timings.filter((t) => t.period.kind === kind).map((t) => t.ms).sort((a, b) => a - b);
      console.log(`  ${kind.padEnd(17)} n=${String(ms.length).padStart(3)}  p50 ${percentile(ms, 0.5).toFixed(2).padStart(6)}  p99 ${percentile(ms, 0.99).toFixed(2).padStart(6)}  max ${ms[ms.length - 1]!.toFixed(2).padStart(6)}`);
    }
    console.log('');
    const backend = BACKEND === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const table: Row[] = [
      { measure: `store: ${YEARS} simulated years (${from}..${LAST_DAY})`, value: `${int(built.events)} events`, target: '-', verdict: '-' },
      { measure: 'store build (plan + deciders + batched appends)', value: `${buildSeconds.toFixed(1)} s`, target: '-', verdict: '-' },
      { measure: `${backend} event store readAll, batches of ${READ_BATCH}`, value: `${int(readRate)} ev/s`, target: '-', verdict: '-' },
      { measure: 'statistics rebuildProjection from zero', value: `${int(rebuildRate)} ev/s`, target: '-', verdict: '-' },
      { measure: 'ratio rebuild / read', value: ratio.toFixed(3), target: `>= ${TARGET.ratio}`, verdict: ratio >= TARGET.ratio ? 'PASS' : 'MISS' },
      { measure: `report latency p50 (${timings.length} seeded periods)`, value: `${percentile(all, 0.5).toFixed(2)} ms`, target: '-', verdict: '-' },
      { measure: 'report latency p99', value: `${p99.toFixed(2)} ms`, target: `< ${TARGET.p99Ms} ms`, verdict: p99 < TARGET.p99Ms ? 'PASS' : 'MISS' },
      { measure: 'report latency max', value: `${all[all.length - 1]!.toFixed(2)} ms`, target: '-', verdict: '-' },
    ];
    printTable(table);
    const reported = rowsOfTable(table.map((r) => [r.measure, r.value, r.target === '-' ? '-' : `${r.target} ${r.verdict}`]), { figure: 0, value: 1, target: 2 });
    // The rebuild's bare reference is the store's read rate.
    reported[4] = { ...reported[4], figure: 'statistics rebuild against the bare readAll', value: `${int(rebuildRate)} ev/s`, baseline: `${int(readRate)} ev/s`, ratio };
    emitReport({
      name: 'stats',
      setup: `${YEARS} simulated years (${int(built.events)} events, seed ${SEED}) on ${backend}; the statistics rebuild against the store's bare read rate, report latency over ${timings.length} seeded periods`,
      rows: reported,
    });
    console.log(`\ntotal run ${seconds(runStarted).toFixed(1)} s`);
  } finally {
    process.removeListener('SIGINT', interrupted);
    await store.close();
    await db.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
