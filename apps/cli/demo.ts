import 'reflect-metadata';
import { addDays, formatCalendarDate, localDateOf } from '@referral/case';
import { createLogger, exitWith, loadConfigOrExit, resolveAuthSecret } from '@referral/platform';
import { createApiApp } from '../api/src/create-api-app';
import { WorkerModule } from '../worker/src/worker.module';
import { operatorToken } from './admin-token';
import { duration } from './simulate/run/progress';
import { simulateInChild } from './simulate-in-child';

const PARTIES = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'] as const;
const DEFAULT_SCALE = 0.25;
/**
 * Cases the demo's year works side by side. The service is the bottleneck, and with many requests
 * in flight each projection applies them in fewer, larger batches (measured: 4 in flight 89 s,
 * 12 in flight 65 s, 32 in flight 52 s for the default year; test/bench/demo.bench.ts).
 */
const DEMO_CONCURRENCY = 32;

/**
 * `npm run demo [-- --scale X --seed N]`: the service with its embedded defaults, filled with the
 * last twelve months of simulated work when its store is empty, until Ctrl-C.
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  // The simulated year types in its survey answers from one address; the demo's own service lets it
  // (the simulation would otherwise wait out every 429, minutes in all). Set the variable to keep a limit.
  process.env.RATE_LIMIT_SURVEY_PER_MINUTE ??= '100000';
  const options = demoOptions(process.argv.slice(2));
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const app = await createApiApp({ config, logger }, [WorkerModule], { demo: true });
  await app.listen(config.port);
  const base = `http://localhost:${config.port}`;
  const { secret } = resolveAuthSecret(config);
  const token = (org: string, roles: string[], sub: string) => operatorToken(org, roles, sub, '8h', secret);

  process.on('SIGINT', () => {
    process.stderr.write('\ndemo: stopping\n');
    app.close().then(() => process.exit(0), exitWith);
  });

  const to = stockholmDate(-1);
  const from = shiftMonths(stockholmDate(0), -12);
  if (await storeIsEmpty(base, token)) {
    process.stderr.write(`demo: the store is empty; simulating ${from} to ${to} at scale ${options.scale} (seed ${options.seed})\n`);
    const started = Date.now();
    const outcome = await simulateInChild({ from, to, seed: options.seed, scale: options.scale, url: base, concurrency: DEMO_CONCURRENCY });
    process.stdout.write(`${outcome.tally}demo: the simulated year took ${duration((Date.now() - started) / 1000)}\n`);
    if (outcome.exitCode !== 0) {
      process.stderr.write(`demo: the simulation ended with exit code ${outcome.exitCode} (its messages are above); the service keeps running with what it took in\n`);
    }
  } else {
    process.stderr.write('demo: the store already holds cases; no simulation\n');
  }
  process.stdout.write(await guide(base, token, { from, to }));
}

async function storeIsEmpty(base: string, token: (org: string, roles: string[], sub: string) => Promise<string>): Promise<boolean> {
  for (const org of PARTIES) {
    const response = await fetch(`${base}/api/v1/cases?limit=1`, { headers: { authorization: `Bearer ${await token(org, ['coordinator'], `demo@${org}`)}` } });
    if (!response.ok) throw new Error(`GET /api/v1/cases as ${org} answered ${response.status}`);
    if (((await response.json()) as { items: unknown[] }).items.length > 0) return false;
  }
  return true;
}

async function guide(
  base: string,
  token: (org: string, roles: string[], sub: string) => Promise<string>,
  year: { from: string; to: string },
): Promise<string> {
  const roles: [string, string, string][] = [
    ['boj-vasterort', 'coordinator', 'coordinator of Brottsofferjouren Västerort'],
    ['boj-stockholm-gotland', 'coordinator', 'coordinator of Brottsofferjouren Stockholm-Gotland'],
    ['boj-sodra-stockholm', 'coordinator', 'coordinator of Brottsofferjouren Södra Stockholm'],
    ['stodcentrum', 'staff', 'staff at Stödcentrum'],
    ['city', 'coordinator', 'city coordinator (the triage queue)'],
    ['city', 'analyst', 'city analyst (statistics only)'],
    ['city', 'police-integration', 'the Police integration (handovers)'],
  ];
  const lines = [
    '',
    `Referral demo running: open ${base}/ in a browser and pick an organisation and a role to sign in as`,
    `  health:   ${base}/api/v1/health`,
    `  OpenAPI:  ${base}/api/docs`,
    `  metrics:  ${base}/api/v1/metrics`,
    '',
    'Tokens (npm run token -- <org> <role>[,<role>] [sub]; these are valid for 8 hours):',
  ];
  for (const [org, role, who] of roles) {
    lines.push(`  ${who}: npm run -s token -- ${org} ${role}`, `    ${await token(org, [role], `${role}@${org}`)}`);
  }
  lines.push(
    '',
    'Try:',
    `  B=${base}/api/v1; COORD=$(npm run -s token -- boj-vasterort coordinator); ANALYST=$(npm run -s token -- city analyst)`,
    '  curl -s "$B/cases?status=open&limit=5" -H "Authorization: Bearer $COORD"',
    '  curl -s "$B/sla/breaches" -H "Authorization: Bearer $COORD"',
    `  curl -s "$B/statistics/report?from=${year.from}&to=${year.to}" -H "Authorization: Bearer $ANALYST"`,
    '',
    'Ctrl-C stops the service.',
    '',
  );
  return lines.join('\n');
}

function demoOptions(argv: readonly string[]): { scale: number; seed: number } {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const scale = value('scale') ?? DEFAULT_SCALE;
  const seed = value('seed') ?? 1;
  if (!(scale > 0) || !Number.isInteger(seed)) throw new Error('usage: npm run demo [-- --scale X (above 0) --seed N]');
  return { scale, seed };
}

/** Today (plus `days`) as a Stockholm date. */
function stockholmDate(days: number): string {
  return formatCalendarDate(addDays(localDateOf(Date.now()), days));
}

function shiftMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(day, lastDay));
  return shifted.toISOString().slice(0, 10);
}

main().catch(exitWith);
