import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type RecordedEvent } from '@referral/event-store';
import type { SqlClient } from '@referral/sql';
import { freshPglite, type TestDatabase } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';
import { Reactor, type Reaction } from '../src/reactor';

/** Counts the checkpoint writes that reach the database. */
function countingCheckpointWrites(client: SqlClient): { client: SqlClient; writes: () => number } {
  let writes = 0;
  const counting = new Proxy(client, {
    get(target, key, receiver) {
      if (key !== 'query') return Reflect.get(target, key, receiver);
      return (sql: string, params?: unknown[]) => {
        if (sql.startsWith('UPDATE reaction_checkpoints')) writes += 1;
        return target.query(sql, params);
      };
    },
  });
  return { client: counting, writes: () => writes };
}

describe('a reactor with the event types it handles (PGlite)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeEach(async () => {
    db = await freshPglite();
    store = await PostgresEventStore.create(db.client);
  });
  afterEach(() => db.dispose());

  const append = (type: string, n: number) =>
    store.appendToStream(`s-${randomUUID()}`, Array.from({ length: n }, () => ({ id: randomUUID(), type, data: {}, metadata: { schemaVersion: 1 } })));
  const checkpoint = async () =>
    (await db.client.query<{ position: string | null }>(`SELECT position::text AS position FROM reaction_checkpoints WHERE name = 'probe'`)).rows[0]?.position;

  function probe(seen: RecordedEvent[]): Reaction {
    return { name: 'probe', handles: new Set(['Wanted']), react: async (event) => void seen.push(event) };
  }
  const quiet = { error: () => undefined };

  it('reacts to its types only, and saves the checkpoint at each one and past those it passed over', async () => {
    const seen: RecordedEvent[] = [];
    const reactor = new Reactor(store, db.client, probe(seen), quiet);
    await reactor.start();
    const wanted = await append('Wanted', 1);
    const others = await append('Other', 3);
    await eventually(async () => (seen.length === 1 ? true : undefined));
    await eventually(async () => (await checkpoint()) === String(others.position) ? true : undefined);
    const many = await append('Other', 300);
    await eventually(async () => ((await checkpoint()) === String(many.position) ? true : undefined));
    const second = await append('Wanted', 1);
    await eventually(async () => (seen.length === 2 ? true : undefined));
    await eventually(async () => ((await checkpoint()) === String(second.position) ? true : undefined));
    await reactor.stop();

    // A restart resumes after the saved checkpoint: nothing handled is seen twice.
    const again = new Reactor(store, db.client, probe(seen), quiet);
    await again.start();
    const third = await append('Wanted', 1);
    await eventually(async () => (seen.length === 3 ? true : undefined));
    expect(seen.map((e) => e.position)).toEqual([wanted.position, second.position, third.position]);
    await again.stop();
  });

  it('given a caught-up reaction that passed over events, when the store goes quiet, then its checkpoint is at the head, in few writes', async () => {
    const seen: RecordedEvent[] = [];
    const { client, writes } = countingCheckpointWrites(db.client);
    const reactor = new Reactor(store, client, { name: 'probe', handles: new Set(['Wanted']), react: async (e) => void seen.push(e) }, quiet);
    await reactor.start();
    await append('Wanted', 1);
    const passedOver = await append('Other', 10);
    await eventually(async () => ((await checkpoint()) === String(passedOver.position) ? true : undefined));
    const many = await append('Other', 400);
    await eventually(async () => ((await checkpoint()) === String(many.position) ? true : undefined));
    expect(seen).toHaveLength(1);
    // Not one write per passed-over event: one per handled event and about one per batch.
    expect(writes()).toBeLessThan(20);
    expect(reactor.status).toMatchObject({ reaction: 'probe', state: 'running', position: many.position, attempt: 0 });
    await reactor.stop();
  });

  it('given events it passes over, when it stops before their save is due, then the stop saves them', async () => {
    const reactor = new Reactor(store, db.client, probe([]), quiet);
    await reactor.start();
    const wanted = await append('Wanted', 1);
    await eventually(async () => ((await checkpoint()) === String(wanted.position) ? true : undefined));
    const passedOver = await append('Other', 5);
    await eventually(() => reactor.status.position === passedOver.position);
    await reactor.stop();
    expect(await checkpoint()).toBe(String(passedOver.position));
  });

  it('given a reaction that fails in the middle of a batch, when it is retried, then it starts at the failed event', async () => {
    const seen: bigint[] = [];
    let failed = false;
    const reactor = new Reactor(store, db.client, {
      name: 'probe',
      react: async (event) => {
        seen.push(event.position);
        if (seen.length === 2 && !failed) {
          failed = true;
          throw new Error('the effect failed once');
        }
      },
    }, quiet, { backoff: { initialMs: 1, maxMs: 1 } });
    await reactor.start();
    const events = await append('Any', 3);
    await eventually(async () => ((await checkpoint()) === String(events.position) ? true : undefined));
    const [first, second, third] = [events.position - 2n, events.position - 1n, events.position];
    expect(seen).toEqual([first, second, second, third]);
    await reactor.stop();
  });

  it('given two reactors on one checkpoint, when the slower one saves an earlier position, then the checkpoint does not move back', async () => {
    const fastSeen: bigint[] = [];
    const fast = new Reactor(store, db.client, { name: 'probe', react: async (e) => void fastSeen.push(e.position) }, quiet);
    let releaseFirst!: () => void;
    const firstReleased = new Promise<void>((resolve) => (releaseFirst = resolve));
    let releaseSecond!: () => void;
    const secondReleased = new Promise<void>((resolve) => (releaseSecond = resolve));
    const slowSeen: bigint[] = [];
    const slow = new Reactor(store, db.client, {
      name: 'probe',
      react: async (event) => {
        slowSeen.push(event.position);
        // Held at its first event until the fast one is done, then held again at its second.
        if (slowSeen.length === 1) await firstReleased;
        if (slowSeen.length === 2) await secondReleased;
      },
    }, quiet);
    await slow.start();
    const events = await append('Any', 3);
    await eventually(async () => (slowSeen.length === 1 ? true : undefined));
    await fast.start();
    await eventually(async () => ((await checkpoint()) === String(events.position) ? true : undefined));
    await fast.stop();

    releaseFirst();
    // The slow reactor is at its second event; nothing it saves moves the checkpoint back.
    await eventually(async () => (slowSeen.length === 2 ? true : undefined));
    expect(fastSeen).toHaveLength(3);
    expect(await checkpoint()).toBe(String(events.position));
    releaseSecond();
    await eventually(async () => (slowSeen.length === 3 ? true : undefined));
    await slow.stop();
    expect(await checkpoint()).toBe(String(events.position));
  });
});
