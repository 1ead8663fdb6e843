/**
 * `npm run test:faults [-- --runs N] [--seed S]`: the fault suite (issue 14). Each run starts its
 * own PostgreSQL and Redis servers and the scaled shape (2 API, 2 worker processes), puts it
 * under load while it kills, flushes, restarts and cuts (see fault-run.ts), and then an oracle
 * replays the store from zero. Exits 1 on the first run with a finding, naming the case ids.
 */
import 'reflect-metadata';
import { runFaults, type RunResult } from './fault-run';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

async function main(): Promise<void> {
  const runs = option('--runs', 1);
  const firstSeed = option('--seed', 20261203);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const results: RunResult[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const seed = firstSeed + run - 1;
    say(`\n== fault run ${run} of ${runs} (seed ${seed}) ==`);
    const result = await runFaults(seed, say);
    results.push(result);
    const f = result.figures;
    say(`figures: ${JSON.stringify(f)}`);
    if (result.findings.length > 0) {
      say(`\nFAILED: ${result.findings.length} findings (seed ${seed}):`);
      for (const finding of result.findings.slice(0, 100)) say(`  ${finding.check}  ${finding.id}  ${finding.detail}`);
      process.exit(1);
    }
    say(`run ${run} passed in ${f.seconds} s: ${f.handoversAnswered} of ${f.handoversSent} handovers answered, ${f.contactsSent} calls, ${f.deadlinesPassed} deadlines passed (${f.breaches} breaches, ${f.retractions} retracted), ${f.leaseTakeovers} lease takeovers, longest lease gap ${(f.longestLeaseGapMs / 1000).toFixed(1)} s, breach lateness of the run's deadlines p50 ${f.lateness?.p50 ?? '-'} ms, p99 ${f.lateness?.p99 ?? '-'} ms, max ${f.lateness?.max ?? '-'} ms`);
  }
  say(`\nfault suite: ${runs} of ${runs} runs passed`);
}

main().catch((error: unknown) => {
  process.stderr.write(`test:faults: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
