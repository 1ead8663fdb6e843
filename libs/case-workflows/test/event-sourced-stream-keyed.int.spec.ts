import { PostgresEventStore } from '@referral/event-store';
import { EventSourcedStream, deterministicUuid, type Decider } from '@referral/case-workflows';
import { freshPostgresSchema, type TestDatabase } from '../../../test/support/databases';

/** A call that, the first time, also withdraws an alarm: run again on a state that holds it, it decides one event, not two. */
type Call = { type: 'Call' };
type Recorded = { type: 'Called' } | { type: 'AlarmWithdrawn' };
type State = { calls: number; alarm: boolean };
type Decision = { ok: true; events: Array<{ type: string; data: object }> } | { ok: false; error: string };
const phone: Decider<Call, State, { type: string; data: object }, Decision> = {
  initialState: { calls: 0, alarm: true },
  evolve: (state, event) => (event.type === 'AlarmWithdrawn' ? { ...state, alarm: false } : { ...state, calls: state.calls + 1 }),
  decide: (_command, state) => ({
    ok: true,
    events: [{ type: 'Called', data: {} }, ...(state.alarm ? [{ type: 'AlarmWithdrawn', data: {} }] : [])] as Array<{ type: Recorded['type']; data: object }>,
  }),
};

describe('EventSourcedStream, a command with ids of its own (an Idempotency-Key) run again', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await freshPostgresSchema();
    store = await PostgresEventStore.create(db.client);
  });
  afterAll(async () => {
    await store.close();
    await db.dispose();
  });

  it('given its first run appended (and its answer was lost), takes effect once and answers the state that holds it', async () => {
    const stream = new EventSourcedStream(store);
    const options = { metadata: { actor: 'test', correlationId: 'c-1' }, eventIds: (i: number) => deterministicUuid('keyed', 'k-1', String(i)) };
    const first = await stream.run('phone-1', phone, () => ({ type: 'Call' as const }), () => { throw new Error('refused'); }, options);
    expect(first.events.map((e) => e.type)).toEqual(['Called', 'AlarmWithdrawn']);

    const again = await stream.run('phone-1', phone, () => ({ type: 'Call' as const }), () => { throw new Error('refused'); }, options);
    expect(again.events).toEqual([]);
    expect(again.state).toEqual({ calls: 1, alarm: false });
    expect(again.position).toBe(first.position);
    expect((await store.readStream('phone-1')).map((e) => e.type)).toEqual(['Called', 'AlarmWithdrawn']);
  });

  it('given another key, decides and appends again', async () => {
    const stream = new EventSourcedStream(store);
    const options = { metadata: { actor: 'test', correlationId: 'c-2' }, eventIds: (i: number) => deterministicUuid('keyed', 'k-2', String(i)) };
    const other = await stream.run('phone-1', phone, () => ({ type: 'Call' as const }), () => { throw new Error('refused'); }, options);
    expect(other.events.map((e) => e.type)).toEqual(['Called']);
    expect(other.state.calls).toBe(2);
  });
});
