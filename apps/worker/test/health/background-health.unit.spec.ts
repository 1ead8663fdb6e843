import type { ReadAllOptions, RecordedEvent } from '@referral/event-store';
import type { Config } from '@referral/config';
import type { BackgroundComponents, Clock } from '@referral/platform';
import { BackgroundHealth } from '../../src/health/background-health';
import type { DeadlinesHost } from '../../src/deadlines/deadlines-host';
import type { ProjectionsHost } from '../../src/projections/projections-host';
import type { RetentionHost } from '../../src/retention/retention-host';

const start = new Date('2025-06-10T08:00:00Z');
const idle = { attempt: 0, lastError: null, failingSince: null };

/** Health of a worker with two projections behind the store's head (10 events), one held here and one on standby. */
function healthAt(clock: { at: Date }) {
  const store = {
    headPosition: async () => 10n,
    readAll: async ({ after }: ReadAllOptions = {}) => [{ position: (after ?? 0n) + 1n, recordedAt: start } as RecordedEvent],
    countAfter: async (position: bigint | null) => 10 - Number(position ?? 0n),
  };
  const projection = (name: string, lease: 'held' | 'standby') => ({
    projection: name, generation: 1, state: 'catching-up', position: 4n, lag: 6, eventsApplied: 4, lastError: null, failingSince: null, lease,
  });
  const projections = { statuses: { projections: [projection('case_views', 'held'), projection('sla', 'standby')], reactions: [] } };
  const deadlines = { status: { state: 'running', ...idle }, reactionStatuses: [] };
  const retention = { status: { lastSweep: null, ...idle } };
  return new BackgroundHealth(
    store as never,
    { now: () => clock.at } as Clock,
    { healthStuckAfterSeconds: 60 } as Config,
    {} as BackgroundComponents,
    projections as unknown as ProjectionsHost,
    deadlines as unknown as DeadlinesHost,
    retention as unknown as RetentionHost,
  );
}

describe('background health with leases', () => {
  it('reports the lag of a component held here, and a standby one neither stuck nor lagging', async () => {
    const clock = { at: start };
    const health = healthAt(clock);
    await health.report();
    clock.at = new Date(start.getTime() + 120_000); // both stalled for longer than the threshold
    const [held, standby] = await health.report();
    expect(held).toMatchObject({ name: 'case_views', lease: 'held', lagEvents: 6, stuck: true });
    expect(standby).toEqual({ kind: 'projection', name: 'sla', state: 'standby', lease: 'standby', stuck: false });
  });
});
