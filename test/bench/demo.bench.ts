/**
 * `npm run demo` as a newcomer meets it, in one run:
 *   1. the demo on an empty temp DATA_DIR (its own Redis prefix and port): seconds until it
 *      prints its address (the simulated year is in by then), and the demo process's resident
 *      memory at that moment, 20 s later while it serves idle, and its peak;
 *   2. the bare references (test/bench/demo-baseline.ts, a process of its own): the events the
 *      year left in the store, the time single bare appends of as many events take on PGlite,
 *      and the resident memory of node + PGlite holding the same store;
 *   3. the ratios: bare append time / demo time, demo memory / bare memory.
 * Run: node -r @swc-node/register test/bench/demo.bench.ts [--scale 0.25]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { processMemoryMiB } from './support/process-memory';
import { emitReport } from './support/report-rows';

const REPO = join(__dirname, '..', '..');
const TARGET_SECONDS = 45;
const TARGET_RSS_MIB = 350;
/** The demo serving with nothing to do: how long after its address its memory is read again. */
const SETTLE_MS = 20_000;
const scaleFlag = process.argv.indexOf('--scale');
const scale = scaleFlag >= 0 ? process.argv[scaleFlag + 1]! : '0.25';

/**
 * Starts the demo and resolves once it printed its address, with the time and its memory then and
 * SETTLE_MS later, idle (what it holds while someone looks around; the year's garbage collected).
 */
async function runDemo(dataDir: string): Promise<{ seconds: number; rss: number; peak: number; settledRss: number }> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(REPO, 'apps', 'cli', 'demo.ts'), '--scale', scale], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), REDIS_PREFIX: `demo-bench-${process.pid}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => child.kill('SIGKILL');
  process.once('exit', stop);
  try {
    const printed = await new Promise<{ seconds: number; rss: number; peak: number }>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        err = (err + chunk.toString()).slice(-4_000);
        const progress = /simulate: day (\d+)\/(\d+)/.exec(chunk.toString());
        if (progress) process.stderr.write(`\rdemo: day ${progress[1]}/${progress[2]}   `);
      });
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Referral demo running')) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          resolve({ seconds, ...processMemoryMiB(child.pid!) });
        }
      });
      child.once('exit', (code) => reject(new Error(`the demo exited (${code}) before it printed its address:\n${err}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = processMemoryMiB(child.pid!);
    return { ...printed, peak: settled.peak, settledRss: settled.rss };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
    process.off('exit', stop);
    process.stderr.write('\n');
  }
}

function runBaseline(dataDir: string, scratchDir: string): Promise<{ events: number; rssMiB: number; appendsPerSecond: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'demo-baseline.ts'), dataDir, scratchDir, '2000'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`demo-baseline exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'referral-demo-bench-'));
  const load = loadavg()[0]!.toFixed(2);
  try {
    const demo = await runDemo(join(scratch, 'demo'));
    const bare = await runBaseline(join(scratch, 'demo'), scratch);
    const bareSeconds = bare.events / bare.appendsPerSecond;
    const rows: [string, string, string][] = [
      ['demo: until it prints its address (the year is in)', `${demo.seconds.toFixed(1)} s`, `< ${TARGET_SECONDS} s ${demo.seconds < TARGET_SECONDS ? 'MET' : 'MISS'}`],
      ['events the year left in the store', bare.events.toLocaleString('en-US'), '-'],
      ['(bare) as many single appends on PGlite', `${bareSeconds.toFixed(1)} s (${Math.round(bare.appendsPerSecond)}/s)`, '-'],
      ['ratio bare appends / demo', (bareSeconds / demo.seconds).toFixed(2), '-'],
      ['demo process resident memory as it prints its address (peak)', `${Math.round(demo.rss)} MiB (${Math.round(demo.peak)})`, '-'],
      [`demo process resident memory after its year, serving idle ${SETTLE_MS / 1000} s`, `${Math.round(demo.settledRss)} MiB`, `< ${TARGET_RSS_MIB} MiB ${demo.settledRss < TARGET_RSS_MIB ? 'MET' : 'MISS'}`],
      ['(bare) node + PGlite holding the same store, read once', `${Math.round(bare.rssMiB)} MiB`, '-'],
      ['ratio demo memory (idle) / bare', (demo.settledRss / bare.rssMiB).toFixed(2), '-'],
    ];
    emitReport({
      name: 'demo',
      setup: `npm run demo --scale ${scale} on an empty DATA_DIR (embedded PGlite, real Redis); bare: single PGlite appends of as many events, node + PGlite holding the same store`,
      rows: [
        { figure: 'until the demo prints its address (the year is in)', value: `${demo.seconds.toFixed(1)} s`, baseline: `${bareSeconds.toFixed(1)} s of bare appends`, ratio: bareSeconds / demo.seconds, target: `< ${TARGET_SECONDS} s`, met: demo.seconds < TARGET_SECONDS },
        { figure: 'events the year left in the store', value: bare.events.toLocaleString('en-US') },
        { figure: 'demo process resident memory as it prints its address (peak)', value: `${Math.round(demo.rss)} MiB (${Math.round(demo.peak)})` },
        { figure: `demo process resident memory after its year, serving idle ${SETTLE_MS / 1000} s`, value: `${Math.round(demo.settledRss)} MiB`, baseline: `${Math.round(bare.rssMiB)} MiB`, ratio: demo.settledRss / bare.rssMiB, target: `< ${TARGET_RSS_MIB} MiB`, met: demo.settledRss < TARGET_RSS_MIB },
      ],
      notes: [`load average ${load} at start`],
    });
    const width = Math.max(...rows.map((r) => r[0].length));
    const valueWidth = Math.max(...rows.map((r) => r[1].length));
    process.stdout.write(
      `\nDemo benchmark (npm run demo --scale ${scale}, embedded PGlite, real Redis), Node ${process.version}, ${availableParallelism()} CPUs, load average ${load} at start / ${loadavg()[0]!.toFixed(2)} at end\n` +
        `${'measure'.padEnd(width)} | ${'result'.padStart(valueWidth)} | target\n${'-'.repeat(width)} | ${'-'.repeat(valueWidth)} | ------\n` +
        rows.map(([m, v, t]) => `${m.padEnd(width)} | ${v.padStart(valueWidth)} | ${t}`).join('\n') +
        '\n',
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
