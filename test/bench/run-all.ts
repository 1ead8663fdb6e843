/**
 * `npm run bench`: every benchmark, one after another, each in a child process of its own exactly
 * as its `npm run bench:<name>` runs it (its output shown as it goes), then bench/report.md from
 * the rows each hands back (support/report-rows.ts): date, machine, command, and one table per
 * benchmark with its figures, bare references, ratios and targets.
 *
 * Run: node -r @swc-node/register test/bench/run-all.ts [--only store,load] [--load-seconds 60] [--out bench/report.md]
 * Exits non-zero when a benchmark could not run (its section then says so); missed targets do not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { REPORT_FILE_VARIABLE, type BenchReport } from './support/report-rows';
import { reportMarkdown, type BenchOutcome } from './support/report-markdown';
import { describeMachine } from './support/machine';

const REPO = join(__dirname, '..', '..');

/** The benchmarks in the order they run, each with the arguments its own npm script gives it. */
const BENCHMARKS: Array<{ name: string; file: string; args: string[] }> = [
  { name: 'store', file: 'store.bench.ts', args: [] },
  { name: 'projections', file: 'projections.bench.ts', args: [] },
  { name: 'intake', file: 'intake.bench.ts', args: [] },
  { name: 'deadlines', file: 'deadlines.bench.ts', args: [] },
  { name: 'deadlines-service', file: 'deadlines-service.bench.ts', args: [] },
  { name: 'stats', file: 'stats.bench.ts', args: [] },
  { name: 'load', file: 'load.bench.ts', args: [] },
  { name: 'demo', file: 'demo.bench.ts', args: [] },
];

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

let current: ChildProcess | undefined;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    // The child cleans up after itself on SIGINT / SIGTERM (its own processes, schemas, Redis keys).
    current?.kill(signal);
  });
}

function runOne(file: string, args: string[], reportFile: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join('test', 'bench', file), ...args], {
      cwd: REPO,
      env: { ...process.env, [REPORT_FILE_VARIABLE]: reportFile },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    current = child;
    child.once('exit', (code, signal) => resolve(signal ? null : code));
    child.once('error', () => resolve(null));
  });
}

async function main(): Promise<void> {
  const only = option('--only')?.split(',');
  const unknown = only?.filter((name) => !BENCHMARKS.some((b) => b.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`--only: no benchmark named ${unknown.join(', ')} (there are ${BENCHMARKS.map((b) => b.name).join(', ')})`);
  const loadSeconds = option('--load-seconds');
  if (loadSeconds) BENCHMARKS.find((b) => b.name === 'load')!.args.push('--seconds', loadSeconds);
  const out = resolvePath(REPO, option('--out') ?? join('bench', 'report.md'));
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const startedAt = new Date();
  const machine = await describeMachine(REPO);
  const scratch = mkdtempSync(join(tmpdir(), 'referral-bench-'));
  const outcomes: BenchOutcome[] = [];
  try {
    for (const bench of BENCHMARKS.filter((b) => !only || only.includes(b.name))) {
      if (interrupted) break;
      const reportFile = join(scratch, `${bench.name}.json`);
      console.log(`\n=== ${bench.name}: node -r @swc-node/register test/bench/${bench.file} ${bench.args.join(' ')}`.trimEnd());
      const loadBefore = loadavg()[0];
      const started = Date.now();
      const exitCode = await runOne(bench.file, bench.args, reportFile);
      let report: BenchReport | null = null;
      try {
        report = JSON.parse(readFileSync(reportFile, 'utf8')) as BenchReport;
      } catch {
        report = null;
      }
      outcomes.push({
        name: bench.name, command: `node -r @swc-node/register test/bench/${bench.file} ${bench.args.join(' ')}`.trimEnd(),
        seconds: (Date.now() - started) / 1000, exitCode, loadBefore, loadAfter: loadavg()[0], report,
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (interrupted) {
    console.error('interrupted: bench/report.md left as it was');
    process.exitCode = 130;
    return;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, reportMarkdown({ startedAt, command, machine, outcomes, totalSeconds: (Date.now() - startedAt.getTime()) / 1000 }));
  console.log(`\nwrote ${out}`);
  const failed = outcomes.filter((o) => o.report === null).map((o) => o.name);
  if (failed.length > 0) {
    console.error(`did not complete: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
