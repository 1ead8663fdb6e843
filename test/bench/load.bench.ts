/**
 * Load on the scaled shape (issue 14, "Load"): 2 API processes and 2 worker processes on a
 * PostgreSQL schema of their own (EVENT_STORE=postgres) and a Redis prefix of their own, driven
 * with autocannon for N seconds at once by
 *   - handover intake: POST /handovers as the Police, a new fictional person each time,
 *   - contact recording: POST /cases/{id}/contacts on cases made before the load,
 *   - worklist reads: GET /cases as the org's coordinator,
 * beside the bare PostgreSQL append rate measured in the same run (one event per INSERT into a
 * plain table, sequential, a stored CaseReceived's data and metadata; see support/bare-events.ts).
 *
 * Run: node -r @swc-node/register test/bench/load.bench.ts [--seconds 60] [--rate 300]
 *        [--contacts-rate 50] [--worklist-rate 50] [--connections 64] [--log-level info]
 * Exits 0 with the table, targets met or missed; non-zero only when it could not run.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { NewEvent } from '@referral/event-store';
import { PgSqlClient } from '@referral/sql';
import { TEST_JWT_SECRET } from '../support/app';
import { freshPostgresSchema } from '../support/databases';
import { deleteKeysOf } from '../support/redis-keys';
import { serviceShapes } from '../support/service-shapes';
import { tokenFor } from '../support/tokens';
import { BARE_TABLE, bareInsert } from './support/bare-events';
import { contacts, handovers, loadHandover, worklist, type KindResult, type PooledCase } from './support/load-traffic';
import { emitReport, formatNumber as f, verdict, type ReportRow } from './support/report-rows';
import { machineCpu, ServicePart } from './support/scaled-processes';

const SECONDS = option('--seconds', 60);
const RATE = option('--rate', 300);
const CONTACTS_RATE = option('--contacts-rate', 50);
const WORKLIST_RATE = option('--worklist-rate', 50);
const CONNECTIONS = option('--connections', 64);
const LOG_LEVEL = textOption('--log-level', 'info');
const POOL = 200;
const BARE_WARMUP = 300;
const BARE_APPENDS = 2000;
const BARE_IN_FLIGHT = 16;
const TARGET = { handoversPerSecond: 300, handoverP99: 100, worklistP99: 50 };
/** autocannon paces in whole-second ticks per connection: an offered 300/s lands a little under. */
const PACING_SLACK = 0.97;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number, at least 1`);
  return value;
}

function textOption(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback);
}

/** What this run started, stopped in reverse order once, on success, failure or Ctrl-C. */
const cleanups: Array<() => Promise<unknown>> = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  })();
  return cleaning;
}

const stopLoad = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the load and every process this benchmark started...`);
    stopLoad.abort();
    void cleanUp().finally(() => process.exit(130));
  });
}

async function bareAppendRates(sample: { data: unknown; metadata: unknown }): Promise<{ sequential: number; concurrent: number }> {
  const db = await freshPostgresSchema(BARE_IN_FLIGHT);
  cleanups.push(() => db.dispose());
  await db.client.exec(BARE_TABLE);
  const event = (): NewEvent => ({ id: randomUUID(), type: 'CaseReceived', data: sample.data as NewEvent['data'], metadata: sample.metadata as NewEvent['metadata'] });
  let stream = 0;
  const appends = async (count: number, inFlight: number) => {
    const started = process.hrtime.bigint();
    let next = 0;
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (next++ < count) await bareInsert(db.client, `case-${stream++}`, 0, [event()]);
    }));
    return count / (Number(process.hrtime.bigint() - started) / 1e9);
  };
  await appends(BARE_WARMUP, 1);
  return { sequential: await appends(BARE_APPENDS, 1), concurrent: await appends(BARE_APPENDS, BARE_IN_FLIGHT) };
}

async function main(): Promise<void> {
  const startedAll = Date.now();
  const loadAtStart = loadavg();
  const runId = randomBytes(4).toString('hex');
  const redisPrefix = `bench-load-${runId}`;
  const logDir = mkdtempSync(join(tmpdir(), 'referral-bench-load-'));
  const [, postgresShape] = serviceShapes.find(([name]) => name === 'postgres')!;
  const shape = await postgresShape();
  cleanups.push(async () => rmSync(logDir, { recursive: true, force: true }));
  cleanups.push(() => shape.drop());
  cleanups.push(async () => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await deleteKeysOf(redis, redisPrefix);
    redis.disconnect();
  });
  const env = (part: string): Record<string, string> => ({
    ...shape.env,
    DATA_DIR: join(logDir, part),
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL,
    // One Police client sends them all: the per-client intake limit (default 6,000/min) is raised above the offered rate.
    RATE_LIMIT_INTAKE_PER_MINUTE: String(Math.max(6000, RATE * 60 * 4)),
  });
  const parts: ServicePart[] = [];
  cleanups.push(() => Promise.all(parts.map((p) => p.stop())));
  const start = async (name: string, main: string, port: 'PORT' | 'WORKER_HEALTH_PORT') => {
    const part = await ServicePart.start(name, main, port, env(name), logDir);
    parts.push(part);
    await part.healthy(180_000);
    return part;
  };

  console.log(`load bench: starting 2 workers and 2 APIs (scaled shape, PostgreSQL schema of their own, Redis prefix ${redisPrefix})...`);
  const startedParts = Date.now();
  // The first worker migrates the schema alone; the rest start side by side.
  await start('worker-1', 'apps/worker/src/main.ts', 'WORKER_HEALTH_PORT');
  const [, api1, api2] = await Promise.all([
    start('worker-2', 'apps/worker/src/main.ts', 'WORKER_HEALTH_PORT'),
    start('api-1', 'apps/api/src/main.ts', 'PORT'),
    start('api-2', 'apps/api/src/main.ts', 'PORT'),
  ]);
  const apis = [api1.url, api2.url];
  console.log(`load bench: all healthy in ${f((Date.now() - startedParts) / 1000, 1)} s; making ${POOL} cases for contacts...`);

  const police = `Bearer ${await tokenFor('police-load', 'city', ['police-integration'])}`;
  const coordinators = new Map<string, string>();
  const coordinatorOf = async (org: string) => {
    if (!coordinators.has(org)) coordinators.set(org, `Bearer ${await tokenFor(`coordinator-${org}`, org, ['coordinator'])}`);
    return coordinators.get(org)!;
  };
  const pool: PooledCase[] = [];
  const poolStarted = performance.now();
  for (let i = 0; i < POOL; i++) {
    const response = await fetch(`${apis[i % 2]}/api/v1/handovers`, {
      method: 'POST', headers: { authorization: police, 'content-type': 'application/json' }, body: loadHandover(`${runId}-pool`, i),
    });
    const answer = (await response.json()) as { caseId: string; routedTo: string };
    if (response.status !== 201) throw new Error(`pool handover: HTTP ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
    pool.push({ caseId: answer.caseId, authorization: await coordinatorOf(answer.routedTo) });
  }
  const poolMs = (performance.now() - poolStarted) / POOL;
  const org = [...coordinators.keys()][0];

  // The bare reference, with the service idle, on the same server: a stored CaseReceived's payload.
  const reader = new PgSqlClient({ connectionString: shape.env.DATABASE_URL, maxConnections: 1 });
  const { rows } = await reader.query<{ data: unknown; metadata: unknown }>(
    `SELECT data, metadata FROM es_events WHERE type = 'CaseReceived' LIMIT 1`);
  await reader.close();
  if (!rows[0]) throw new Error('no CaseReceived in the store to size the bare appends by');
  const payloadBytes = Buffer.byteLength(JSON.stringify(rows[0].data)) + Buffer.byteLength(JSON.stringify(rows[0].metadata));
  const bare = await bareAppendRates(rows[0]);
  console.log(`bare PostgreSQL append: ${f(bare.sequential)}/s sequential, ${f(bare.concurrent)}/s with ${BARE_IN_FLIGHT} in flight (${f(payloadBytes)} B events)`);

  console.log(`load bench: ${SECONDS} s of ${RATE} handovers/s, ${CONTACTS_RATE} contacts/s and ${WORKLIST_RATE} worklist reads/s, against ${apis.length} APIs...`);
  const loadAtLoad = loadavg();
  const cpuBefore = parts.map((p) => p.cpuSeconds());
  const ownCpuBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const split = (rate: number) => ({ apis, seconds: SECONDS, rate, connections: Math.max(2, Math.min(CONNECTIONS, Math.ceil(rate / 4) * 2)) });
  const results = await Promise.all([
    handovers({ ...split(RATE), connections: CONNECTIONS }, police, runId, stopLoad.signal),
    contacts(split(CONTACTS_RATE), pool, 14, stopLoad.signal),
    worklist(split(WORKLIST_RATE), await coordinatorOf(org), stopLoad.signal),
  ]);
  if (stopLoad.signal.aborted) return;
  const loadAtEnd = loadavg();
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const machineAfter = machineCpu();
  const machineBusy = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
  const cpu = parts.map((p, i) => `${p.name} ${f(p.cpuSeconds() - cpuBefore[i], 1)}`)
    .concat(`load generator ${f((ownCpu.user + ownCpu.system) / 1e6, 1)}`).join(', ') +
    `; the whole machine (PostgreSQL, Redis and others' work included) was ${f(machineBusy * 100)} % busy`;
  const exited = parts.filter((p) => !p.running).map((p) => p.name);
  if (exited.length > 0) throw new Error(`${exited.join(', ')} exited during the load:\n${parts.map((p) => p.logTail(1500)).join('\n')}`);

  const checkpointConflicts = parts.filter((p) => p.name.startsWith('worker'))
    .map((p) => `${p.name} ${p.countInLog('CheckpointMovedError')}`).join(', ');
  report(results, bare, {
    payloadBytes, org, poolMs, cpu, checkpointConflicts, loads: [loadAtStart[0], loadAtLoad[0], loadAtEnd[0]], totalSeconds: (Date.now() - startedAll) / 1000,
  });
}

function report(
  results: KindResult[],
  bare: { sequential: number; concurrent: number },
  run: { payloadBytes: number; org: string; poolMs: number; cpu: string; checkpointConflicts: string; loads: number[]; totalSeconds: number },
): void {
  const [intake, , reads] = results;
  const perSecond = (r: KindResult) => r.ok / r.seconds;
  const failures = (r: KindResult) => r.non2xx + r.errors + r.timeouts;
  const codes = (r: KindResult) => Object.entries(r.statusCodes).map(([code, n]) => `${code}: ${f(n)}`).join(', ');
  const intakeRate = perSecond(intake);
  const zeroErrors = results.every((r) => failures(r) === 0);
  const rows: ReportRow[] = [];
  for (const r of results) {
    rows.push({ figure: `${r.kind}: throughput (2xx/s; offered ${f(r.rate)}/s, ${r.connections} connections)`, value: `${f(perSecond(r), 1)}/s` });
    rows.push({ figure: `${r.kind}: latency p50 / p99 / max`, value: `${f(r.p50)} / ${f(r.p99)} / ${f(r.max)} ms` });
    rows.push({ figure: `${r.kind}: errors (non-2xx + socket errors + timeouts)`, value: `${f(failures(r))} (answers ${codes(r) || 'none'})` });
  }
  const handoverRateMet = intakeRate >= TARGET.handoversPerSecond * PACING_SLACK;
  rows[0] = { ...rows[0], baseline: `${f(bare.sequential)}/s bare append`, ratio: intakeRate / bare.sequential,
    target: `>= ${TARGET.handoversPerSecond}/s`, met: handoverRateMet };
  rows[1] = { ...rows[1], target: `p99 < ${TARGET.handoverP99} ms`, met: intake.p99 < TARGET.handoverP99 };
  rows[7] = { ...rows[7], target: `p99 < ${TARGET.worklistP99} ms`, met: reads.p99 < TARGET.worklistP99 };
  rows.push({ figure: 'errors over all kinds', value: f(results.reduce((n, r) => n + failures(r), 0)), target: '0', met: zeroErrors });
  rows.push({ figure: `(diag) one handover at a time before the load, mean of ${POOL}`, value: `${f(run.poolMs, 1)} ms` });
  rows.push({ figure: 'bare PostgreSQL append, 1 event per INSERT, sequential', value: `${f(bare.sequential)}/s` });
  rows.push({ figure: `bare PostgreSQL append, ${BARE_IN_FLIGHT} in flight (ref)`, value: `${f(bare.concurrent)}/s` });

  const setup =
    `scaled shape: 2 API + 2 worker processes (node -r @swc-node/register, LOG_LEVEL ${LOG_LEVEL}), EVENT_STORE=postgres on a schema of their own, ` +
    `real Redis; autocannon ${SECONDS} s with handovers, contacts (on ${POOL} cases of ${run.org}) and worklist reads (${run.org} coordinator) at once; ` +
    `bare reference measured in the same run with the service idle (${f(run.payloadBytes)} B CaseReceived payload); ` +
    `${availableParallelism()} CPUs shared by the service, PostgreSQL, Redis and the load generator`;
  const notes = [
    `CPU seconds used during the load: ${run.cpu}`,
    `projection checkpoint moved under a worker (the other worker applied the batch first; logged as CheckpointMovedError), whole run: ${run.checkpointConflicts}`,
    `load average ${run.loads.map((l) => l.toFixed(2)).join(' / ')} (start / load start / end); total ${f(run.totalSeconds, 1)} s`,
    `handover throughput target met when within ${Math.round((1 - PACING_SLACK) * 100)} % of ${TARGET.handoversPerSecond}/s (autocannon paces each connection per second); ` +
      `latencies are autocannon's, corrected for coordinated omission at the offered rate`,
    'a contact answers the case view (history included) once the read model has caught up, a handover once the case views have; the worklist is the first 50 open cases',
  ];
  const header = ['figure', 'value', 'baseline', 'ratio', 'target'];
  const cells = rows.map((r) => [r.figure, r.value, r.baseline ?? '', r.ratio === undefined ? '' : f(r.ratio, 2),
    r.target === undefined ? '-' : `${r.target} ${verdict(r.met === true)}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  console.log(`\nLoad benchmark: ${setup}`);
  for (const line of [header, widths.map((w) => '-'.repeat(w)), ...cells]) {
    console.log(line.map((cell, i) => (i >= 1 && i <= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ').trimEnd());
  }
  for (const note of notes) console.log(note);
  emitReport({ name: 'load', setup, rows, notes });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    process.exit();
  });
