import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@referral/event-store';
import {
  ConcurrentUpdateError,
  EventSourcedStream,
  streamCategory,
  type AppendConflictObserver,
  type Decider,
  type RetriedCommandOutcome,
} from '@referral/case-workflows';
import { freshPglite, type TestDatabase } from '../../../test/support/databases';

/** A counter that refuses to go past `limit`: enough of a decider to make two writers collide. */
type Add = { type: 'Add'; limit: number };
type Added = { type: 'Added'; data: { by: string } };
type Decision = { ok: true; events: Added[] } | { ok: false; error: string };
const counter: Decider<Add, number, Added, Decision> = {
  initialState: 0,
  evolve: (count) => count + 1,
  decide: (command, count) => (count >= command.limit ? { ok: false, error: 'full' } : { ok: true, events: [{ type: 'Added', data: { by: 'test' } }] }),
};

function recordingObserver(): AppendConflictObserver & { conflicts: Array<[string, number]>; ended: Array<[string, RetriedCommandOutcome, number]> } {
  const conflicts: Array<[string, number]> = [];
  const ended: Array<[string, RetriedCommandOutcome, number]> = [];
  return {
    conflicts,
    ended,
    conflict: (category, attempt) => void conflicts.push([category, attempt]),
    retriedCommandEnded: (category, outcome, attempts) => void ended.push([category, outcome, attempts]),
  };
}

describe('EventSourcedStream tells its observer of append conflicts (two writers on a real in-memory store)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await freshPglite();
    store = await PostgresEventStore.create(db.client);
  });
  afterAll(async () => {
    await store.close();
    await db.dispose();
  });

  const noWait = { initialMs: 1, maxMs: 1, jitter: 0 };
  const refuse = (decision: { ok: false; error: string }): never => {
    throw new Error(decision.error);
  };
  /** The other writer appends while `times` attempts of the observed one sit between their read and their append. */
  function collidingCommand(streamId: string, times: number, limit = 100): (count: number) => Promise<Add> {
    let collided = 0;
    const intruder = new EventSourcedStream(store);
    return async () => {
      if (collided++ < times) await intruder.run(streamId, counter, () => ({ type: 'Add', limit: 100 }), refuse, { metadata: {} });
      return { type: 'Add', limit };
    };
  }

  it('counts the conflict and the retried command that then succeeded', async () => {
    const streamId = `case-${randomUUID()}`;
    const observer = recordingObserver();
    const stream = new EventSourcedStream(store, { conflictBackoff: noWait, conflicts: observer });
    const appended = await stream.run(streamId, counter, collidingCommand(streamId, 1), refuse, { metadata: {} });
    expect(appended.state).toBe(2);
    expect(observer.conflicts).toEqual([['case', 1]]);
    expect(observer.ended).toEqual([['case', 'succeeded', 2]]);
    expect((await store.readStream(streamId)).length).toBe(2);
  });

  it('tells nothing when no other writer came in between', async () => {
    const observer = recordingObserver();
    const stream = new EventSourcedStream(store, { conflictBackoff: noWait, conflicts: observer });
    await stream.run(`case-${randomUUID()}`, counter, () => ({ type: 'Add', limit: 1 }), refuse, { metadata: {} });
    expect(observer.conflicts).toEqual([]);
    expect(observer.ended).toEqual([]);
  });

  it('counts a command decided again and refused on the state the other writer left', async () => {
    const streamId = `volunteer-${randomUUID()}`;
    const observer = recordingObserver();
    const stream = new EventSourcedStream(store, { conflictBackoff: noWait, conflicts: observer });
    await expect(stream.run(streamId, counter, collidingCommand(streamId, 1, 1), refuse, { metadata: {} })).rejects.toThrow('full');
    expect(observer.conflicts).toEqual([['volunteer', 1]]);
    expect(observer.ended).toEqual([['volunteer', 'refused', 2]]);
  });

  it('counts every conflict of a command that gives up after 5 attempts', async () => {
    const streamId = `case-${randomUUID()}`;
    const observer = recordingObserver();
    const stream = new EventSourcedStream(store, { conflictBackoff: noWait, conflicts: observer });
    await expect(stream.run(streamId, counter, collidingCommand(streamId, 5), refuse, { metadata: {} })).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(observer.conflicts).toEqual([1, 2, 3, 4, 5].map((attempt) => ['case', attempt]));
    expect(observer.ended).toEqual([['case', 'gave-up', 5]]);
  });

  it('counts a command that failed otherwise on its later attempt', async () => {
    const streamId = `case-${randomUUID()}`;
    const observer = recordingObserver();
    const stream = new EventSourcedStream(store, { conflictBackoff: noWait, conflicts: observer });
    const collide = collidingCommand(streamId, 1);
    let calls = 0;
    const failSecond = async (count: number) => {
      if (++calls === 2) throw new Error('store away');
      return collide(count);
    };
    await expect(stream.run(streamId, counter, failSecond, refuse, { metadata: {} })).rejects.toThrow('store away');
    expect(observer.ended).toEqual([['case', 'failed', 2]]);
  });

  it('names a stream by its category only, never by its id', () => {
    expect(streamCategory('case-0b6f3c1e-5d1a-4c8e-9a7e-2f0a1b2c3d4e')).toBe('case');
    expect(streamCategory('survey-abc')).toBe('survey');
    expect(streamCategory('store-identity')).toBe('store');
    expect(streamCategory('0b6f3c1e')).toBe('other');
  });
});
