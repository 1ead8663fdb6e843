/** The command line of `npm run simulate`. */
export interface SimulateArgs {
  from: string;
  to: string;
  seed: number;
  scale: number;
  url: string;
  concurrency: number;
  config?: string;
}

export const USAGE = `usage: npm run simulate -- --from YYYY-MM-DD --to YYYY-MM-DD [--seed N] [--scale X] [--url http://localhost:3000] [--concurrency K] [--config file.json]
  Drives the running service through its HTTP API as the Police and the parties' users would.
  --scale 1 is a year of the real partnership's volume (config/simulation/default.json); --to must be before today.`;

export class UsageError extends Error {}

export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument: ${arg}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${match[1]} needs a value`);
    values.set(match[1]!, value);
  }
  const known = ['from', 'to', 'seed', 'scale', 'url', 'concurrency', 'config'];
  for (const key of values.keys()) if (!known.includes(key)) throw new UsageError(`unknown option --${key}`);
  const from = values.get('from');
  const to = values.get('to');
  if (!from || !to) throw new UsageError('--from and --to are required');
  return {
    from,
    to,
    seed: integer(values.get('seed') ?? '1', 'seed', 0),
    scale: positive(values.get('scale') ?? '1', 'scale'),
    url: values.get('url') ?? `http://localhost:${process.env.PORT ?? 3000}`,
    concurrency: integer(values.get('concurrency') ?? '4', 'concurrency', 1),
    config: values.get('config'),
  };
}

function integer(text: string, name: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not ${text}`);
  return n;
}

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a number above 0, not ${text}`);
  return n;
}
