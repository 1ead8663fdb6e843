import { LeasedComponent, LeaseDeadline, leaseTiming, type Lease, type LeaseStore } from '@referral/projections';
import { ManualClock, settle } from './support/manual-clock';

const timing = leaseTiming();

describe('lease timing', () => {
  it('defaults move a dead holder\'s lease within 10 s and stop a cut-off holder a margin before its expiry', () => {
    expect(timing).toEqual({ ttlMs: 6000, renewEveryMs: 2000, retryEveryMs: 1000, marginMs: 1000 });
    expect(timing.ttlMs + timing.retryEveryMs).toBeLessThanOrEqual(10_000);
    expect(() => leaseTiming({ ttlMs: 2500, renewEveryMs: 2000 })).toThrow(RangeError);
    expect(() => leaseTiming({ ttlMs: 0 })).toThrow(RangeError);
  });

  it('counts the deadline from when the last renewal that got through was sent', () => {
    const deadline = new LeaseDeadline(timing, 100);
    expect({ renewAt: deadline.renewAt, stopAt: deadline.stopAt }).toEqual({ renewAt: 2100, stopAt: 5100 });
    deadline.renewed(2100);
    expect({ renewAt: deadline.renewAt, stopAt: deadline.stopAt }).toEqual({ renewAt: 4100, stopAt: 7100 });
    deadline.failed(4100, 4400);
    expect(deadline.renewAt).toBe(5100);
    deadline.failed(6500, 7050);
    expect(deadline.renewAt).toBe(7100); // never past the stop
    expect([deadline.expired(7099), deadline.expired(7100)]).toEqual([false, true]);
  });
});

/** A lease store in memory whose answers the test decides. */
class ScriptedLeases implements LeaseStore {
  free = true;
  renewals: 'ok' | 'lost' | 'hang' | 'fail' = 'ok';
  readonly calls: string[] = [];
  private token = 0n;

  async acquire(name: string, holder: string): Promise<Lease | null> {
    this.calls.push('acquire');
    if (!this.free) return null;
    this.free = false;
    return { name, holder, token: ++this.token, ttlMs: 6000 };
  }

  renew(): Promise<boolean> {
    this.calls.push('renew');
    if (this.renewals === 'hang') return new Promise(() => {});
    if (this.renewals === 'fail') return Promise.reject(new Error('connection refused'));
    return Promise.resolve(this.renewals === 'ok');
  }

  async release(): Promise<void> {
    this.calls.push('release');
    this.free = true;
  }
}

describe('a leased component on an injected clock', () => {
  let clock: ManualClock;
  let leases: ScriptedLeases;
  let events: string[];
  let leased: LeasedComponent;
  beforeEach(() => {
    clock = new ManualClock();
    leases = new ScriptedLeases();
    events = [];
    leased = new LeasedComponent({
      leases,
      name: 'projection:tally',
      holder: 'a',
      clock,
      work: { start: (lease) => void events.push(`start ${lease.token}@${clock.now()}`), stop: async () => void events.push(`stop@${clock.now()}`) },
    });
  });

  it('waits while another holds the lease, trying every second, and starts once it is free', async () => {
    leases.free = false;
    leased.start();
    await clock.advance(2500);
    expect(leases.calls).toEqual(['acquire', 'acquire', 'acquire']);
    leases.free = true;
    await clock.advance(1000);
    expect(events).toEqual(['start 1@3000']);
    expect(leased.lease?.token).toBe(1n);
    await clock.advance(10_000);
    expect(events).toEqual(['start 1@3000']); // renewals keep it
    await leased.stop();
    expect(events).toEqual(['start 1@3000', 'stop@13500']);
    expect(leases.calls.at(-1)).toBe('release');
  });

  it('stops at once when a renewal says the lease went elsewhere, then waits again', async () => {
    leased.start();
    await settle();
    leases.renewals = 'lost';
    await clock.advance(2000);
    expect(events).toEqual(['start 1@0', 'stop@2000']);
    expect(leased.lease).toBeNull();
    await leased.stop();
  });

  it('a holder whose renewals hang stops at ttl - margin after its last renewal got through', async () => {
    leased.start();
    await clock.advance(2000); // renewed, sent at 2000: the database expires it no earlier than 8000
    leases.renewals = 'hang';
    await clock.advance(10_000);
    expect(events.slice(0, 2)).toEqual(['start 1@0', 'stop@7000']);
    await leased.stop();
  });

  it('a holder whose renewals fail retries each second and stops before the database lets the lease go', async () => {
    leased.start();
    await settle();
    leases.renewals = 'fail';
    await clock.advance(6000);
    expect(events).toEqual(['start 1@0', 'stop@5000']);
    expect(leases.calls.filter((c) => c === 'renew').length).toBe(3); // at 2000, 3000 and 4000; at 5000 it has stopped
    await leased.stop();
  });
});
