/**
 * Deadline timer lateness: `node -r @swc-node/register test/bench/deadlines.bench.ts [--seconds N]`.
 * 10,000 timers over N seconds (default 60), 1,000 of them due in one second, through
 * DeadlineTimers and then through bare BullMQ delayed jobs (Queue.add with delay, a plain Worker)
 * on the same schedule and concurrency. Lateness = handler start minus due time; both fire at
 * due + 1 ms, as a missed deadline does.
 */
import IORedis, { type Redis } from 'ioredis';
import { Queue, Worker } from 'bullmq';
import { DeadlineTimers, DEFAULTS, type DeadlineTimer } from '@referral/deadline-timers';
import { emitReport, type ReportRow } from './support/report-rows';

const TIMERS = 10_000;
const BURST = 1_000;
const LEAD_IN_MS = 5_000; // arming finishes before the first due time
const CONCURRENCY = DEFAULTS.concurrency;
const TARGET = { p99: 250, max: 1_000 };
const SECONDS = secondsOption();

function secondsOption(): number {
  const at = process.argv.indexOf('--seconds');
  const value = at === -1 ? 60 : Number(process.argv[at + 1]);
  if (!(value >= 1)) throw new Error('--seconds takes a number of seconds, at least 1');
  return value;
}

/** Offsets (ms from the start) of every due time: a seeded spread plus a burst in the middle second. */
function schedule(): number[] {
  let seed = 20240611;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const burstStart = Math.floor(SECONDS / 2) * 1000;
  return Array.from({ length: TIMERS }, (_, i) =>
    Math.floor(i < BURST ? burstStart + random() * 1000 : random() * SECONDS * 1000),
  );
}

interface Run { lateness: number[]; armMs: number }

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const giveUp = Date.now() + timeoutMs;
  while (!done() && Date.now() < giveUp) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += 100) await Promise.all(items.slice(i, i + 100).map(work));
}

async function runTimers(connection: Redis, prefix: string, offsets: number[]): Promise<Run> {
  const timers = new DeadlineTimers({ connection, prefix, storeId: 'bench-store', clock: { now: () => new Date() } });
  const lateness: number[] = [];
  await timers.start(async (timer) => void lateness.push(Date.now() - Date.parse(timer.dueAt)), { concurrency: CONCURRENCY });
  const start = Date.now() + LEAD_IN_MS;
  const all: DeadlineTimer[] = offsets.map((offset, i) => ({
    caseId: `case-${i}`, kind: 'first-contact', dueAt: new Date(start + offset).toISOString(),
  }));
  const armStarted = Date.now();
  await inBatches(all, (timer) => timers.arm(timer));
  const armMs = Date.now() - armStarted;
  await until(() => lateness.length >= TIMERS, LEAD_IN_MS + SECONDS * 1000 + 30_000);
  await timers.stop();
  return { lateness, armMs };
}

async function runBare(connection: Redis, prefix: string, offsets: number[]): Promise<Run> {
  const queue = new Queue('bare-deadlines', { connection, prefix });
  const lateness: number[] = [];
  const worker = new Worker('bare-deadlines', async (job) => void lateness.push(Date.now() - job.data.dueMs), {
    connection, prefix, concurrency: CONCURRENCY,
  });
  await worker.waitUntilReady();
  const start = Date.now() + LEAD_IN_MS;
  const armStarted = Date.now();
  await inBatches(offsets, (offset) =>
    queue.add('deadline', { dueMs: start + offset }, { delay: start + offset + 1 - Date.now(), removeOnComplete: true }),
  );
  const armMs = Date.now() - armStarted;
  await until(() => lateness.length >= TIMERS, LEAD_IN_MS + SECONDS * 1000 + 30_000);
  await worker.close();
  await queue.close();
  return { lateness, armMs };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function stats(run: Run) {
  const sorted = [...run.lateness].sort((a, b) => a - b);
  return { fired: sorted.length, min: sorted[0] ?? NaN, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, armMs: run.armMs };
}

async function wipe(connection: Redis, prefix: string): Promise<void> {
  const keys = await connection.keys(`${prefix}:*`);
  for (let i = 0; i < keys.length; i += 500) await connection.del(...keys.slice(i, i + 500));
}

async function main(): Promise<void> {
  const connection = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const hz = ((await connection.config('GET', 'hz')) as string[])[1];
  const prefix = `bench-deadlines-${process.pid}`;
  const offsets = schedule();
  console.log(`${TIMERS} timers over ${SECONDS} s, ${BURST} due in one second; ${CONCURRENCY} handlers at once in both;`);
  console.log(`DeadlineTimers gets jobs ${DEFAULTS.earlyMs} ms early and waits in memory; Redis hz ${hz} (its blocking-wait tick)`);
  const ours = stats(await runTimers(connection, `${prefix}-timers`, offsets));
  const bare = stats(await runBare(connection, `${prefix}-bare`, offsets));
  await wipe(connection, `${prefix}-timers`);
  await wipe(connection, `${prefix}-bare`);
  await connection.quit();

  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const complete = ours.fired === TIMERS;
  console.log('\nMeasured: timer lateness = handler start - due time (timer level only; the service measure,');
  console.log('breach recorded - due time, adds the check-deadline command and its append).\n');
  console.log('| lateness (ms) | DeadlineTimers | bare BullMQ | ratio | target | verdict |');
  console.log('| --- | ---: | ---: | ---: | --- | --- |');
  const reported: ReportRow[] = [];
  const row = (name: string, a: number, b: number, target = '', ok?: boolean) => {
    console.log(`| ${name} | ${a} | ${b} | ${(a / Math.max(b, 1)).toFixed(2)} | ${target} | ${ok === undefined ? '-' : verdict(ok)} |`);
    reported.push({ figure: `timer lateness ${name}`, value: `${a} ms`, baseline: `${b} ms`, ratio: a / Math.max(b, 1), ...(target ? { target, met: ok } : {}) });
  };
  row('min (a fire before due + 1 is early)', ours.min, bare.min, '>= 1', ours.min >= 1);
  row('p50', ours.p50, bare.p50);
  row('p99', ours.p99, bare.p99, `< ${TARGET.p99}`, complete && ours.p99 < TARGET.p99);
  row('max', ours.max, bare.max, `< ${TARGET.max}`, complete && ours.max < TARGET.max);
  console.log(`| fired | ${ours.fired} | ${bare.fired} | | ${TIMERS} | ${verdict(complete)} |`);
  console.log(`| arming all (ms) | ${ours.armMs} | ${bare.armMs} | | | - |`);
  console.log('\nratio = DeadlineTimers / bare (bare floored at 1 ms).');
  reported.push({ figure: 'timers fired', value: String(ours.fired), baseline: String(bare.fired), target: String(TIMERS), met: complete });
  reported.push({ figure: 'arming all', value: `${ours.armMs} ms`, baseline: `${bare.armMs} ms` });
  emitReport({
    name: 'deadlines',
    setup: `${TIMERS} timers over ${SECONDS} s, ${BURST} due in one second, DeadlineTimers against bare BullMQ delayed jobs (handler start - due); ratio = ours / bare, bare floored at 1 ms`,
    rows: reported,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
