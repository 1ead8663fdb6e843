import { plan } from './plan/plan';
import type { SimulationPlan } from './plan/plan-types';
import { findAlreadyPresent } from './run/already-present';
import { executePlan } from './run/execute-plan';
import { silentProgress, type ProgressSink } from './run/progress';
import { ServiceClient } from './run/service-client';
import type { Tally } from './run/tally';
import { TokenMint } from './run/tokens';
import { DEFAULT_SIMULATION_CONFIG, type SimulationConfig } from './simulation-config';

export interface SimulateOptions {
  /** First and last simulated day, `YYYY-MM-DD` (Stockholm); the last must be before today. */
  readonly from: string;
  readonly to: string;
  readonly seed?: number;
  readonly scale?: number;
  /** The running service, e.g. `http://localhost:3000`. */
  readonly baseUrl: string;
  /** The service's HS256 token secret: the simulation mints its users' tokens with it. */
  readonly secret: string;
  readonly concurrency?: number;
  readonly config?: SimulationConfig;
  readonly progress?: ProgressSink;
  /** The real clock, for refusing a period that is not yet over. */
  readonly now?: () => Date;
}

export interface SimulationResult {
  readonly plan: SimulationPlan;
  readonly tally: Tally;
  readonly seconds: number;
}

export class InvalidSimulationError extends Error {}

/** Plans the period and plays it against the running service through its HTTP API. */
export async function simulate(options: SimulateOptions): Promise<SimulationResult> {
  const startedAt = Date.now();
  checkPeriod(options.from, options.to, (options.now ?? (() => new Date()))());
  const client = new ServiceClient(options.baseUrl.replace(/\/+$/, ''), new TokenMint(options.secret));
  await client.checkHealth();
  const planned = plan({
    from: options.from, to: options.to, seed: options.seed ?? 1, scale: options.scale ?? 1, config: options.config ?? DEFAULT_SIMULATION_CONFIG,
  });
  const alreadyPresent = await findAlreadyPresent(client, planned.runTag);
  const tally = await executePlan(planned, {
    client, concurrency: options.concurrency ?? 4, progress: options.progress ?? silentProgress, alreadyPresent,
  });
  tally.requests = client.requests;
  return { plan: planned, tally, seconds: (Date.now() - startedAt) / 1000 };
}

/** The service refuses times in the future, so the whole period must be over: it ends yesterday at the latest. */
export function checkPeriod(from: string, to: string, now: Date): void {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(from) || Number.isNaN(Date.parse(from))) throw new InvalidSimulationError(`--from ${from} is not a date (YYYY-MM-DD)`);
  if (!date.test(to) || Number.isNaN(Date.parse(to))) throw new InvalidSimulationError(`--to ${to} is not a date (YYYY-MM-DD)`);
  if (from > to) throw new InvalidSimulationError(`--from ${from} is after --to ${to}`);
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
  if (to >= today) {
    throw new InvalidSimulationError(
      `--to ${to} is not in the past: the service refuses times in the future, so the simulated period must end yesterday (Stockholm) or earlier; today is ${today}`,
    );
  }
}
