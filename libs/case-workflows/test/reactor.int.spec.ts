import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type RecordedEvent } from '@referral/event-store';
import { freshPglite, type TestDatabase } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';
import { Reactor, type Reaction } from '../src/reactor';

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
});
