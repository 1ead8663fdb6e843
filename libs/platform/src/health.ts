import type { Backends } from './backends';

export type ComponentStatus = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { eventStore: ComponentStatus; readModels: ComponentStatus; redis: ComponentStatus };
}

const CHECK_TIMEOUT_MS = 2000;

/** Asks each backend to answer, in parallel, each within a bounded time. */
export async function checkHealth(backends: Backends): Promise<HealthReport> {
  const [eventStore, readModels, redis] = await Promise.all([
    probe(() => backends.eventStore.ping()),
    probe(() => backends.readModels.query('SELECT 1')),
    probe(() => backends.redis.ping()),
  ]);
  const checks = { eventStore, readModels, redis };
  const allUp = Object.values(checks).every((s) => s === 'up');
  return { status: allUp ? 'ok' : 'unavailable', checks };
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
