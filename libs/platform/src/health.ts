import type { Backends } from './backends';
import type { BackgroundComponents, ComponentReport } from './background-components';

export type ComponentStatus = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { eventStore: ComponentStatus; readModels: ComponentStatus; redis: ComponentStatus };
  /** The background components of this process; absent where none run (an API-only process). */
  components?: ComponentReport[];
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * Asks each backend to answer, in parallel, each within a bounded time, and the background
 * components where they run: unavailable when a backend is down or a component is stuck.
 */
export async function checkHealth(backends: Backends, background?: BackgroundComponents): Promise<HealthReport> {
  const [eventStore, readModels, redis, components] = await Promise.all([
    probe(() => backends.eventStore.ping()),
    probe(() => backends.readModels.query('SELECT 1')),
    probe(() => backends.redis.ping()),
    componentsOf(background),
  ]);
  const checks = { eventStore, readModels, redis };
  const allUp = Object.values(checks).every((s) => s === 'up');
  const noneStuck = (components ?? []).every((component) => !component.stuck);
  return { status: allUp && noneStuck ? 'ok' : 'unavailable', checks, ...(components ? { components } : {}) };
}

async function componentsOf(background: BackgroundComponents | undefined): Promise<ComponentReport[] | null> {
  const reports = background?.report();
  if (!reports) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), CHECK_TIMEOUT_MS)));
  try {
    // A store that does not answer leaves the lags unknown; the backend checks already say why.
    return (await Promise.race([reports.catch(() => null), timeout])) ?? [];
  } finally {
    clearTimeout(timer);
  }
}

async function probe(call: () => Promise<unknown>): Promise<ComponentStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([call(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
