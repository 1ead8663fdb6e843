import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type RecordedEvent } from '@referral/event-store';
import { PostgresLeaseStore } from '@referral/projections';
import { freshPostgresSchema, type TestDatabase } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';
import { Reactor, type Reaction } from '../src/reactor';

describe('a reactor under a lease (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let leases: PostgresLeaseStore;
  beforeAll(async () => {
    db = await freshPostgresSchema(4);
    store = await PostgresEventStore.create(db.client, { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } });
    leases = await PostgresLeaseStore.open(db.client);
  });
  afterAll(async () => {
    await store.close();
    await db.dispose();
  });

  const append = (n: number) =>
    store.appendToStream(`s-${randomUUID()}`, Array.from({ length: n }, () => ({ id: randomUUID(), type: 'Wanted', data: {}, metadata: { schemaVersion: 1 } })));
  const checkpoint = async () =>
    (await db.client.query<{ position: string | null }>(`SELECT position::text AS position FROM reaction_checkpoints WHERE name = 'probe'`)).rows[0]?.position ?? null;
  const probe = (seen: RecordedEvent[]): Reaction => ({ name: 'probe', react: async (event) => void seen.push(event) });
  const errors: string[] = [];
  const logger = { error: (message: string) => void errors.push(message) };

  it('with a stale token it runs no effect and saves no checkpoint, and stops; the holder carries on', async () => {
    const stale = (await leases.acquire('reaction:probe', 'a', 60_000))!;
    await db.client.query(`UPDATE component_leases SET expires_at = now() WHERE name = 'reaction:probe'`);
    const current = (await leases.acquire('reaction:probe', 'b', 60_000))!;
    const last = await append(3);

    const seenByStale: RecordedEvent[] = [];
    const old = new Reactor(store, db.client, probe(seenByStale), logger);
    await old.start(stale);
    await eventually(() => old.status.state === 'stopped');
    expect({ seen: seenByStale.length, checkpoint: await checkpoint(), errors }).toEqual({
      seen: 0,
      checkpoint: null,
      errors: ['Reaction lease is gone; it stops here'],
    });

    const seen: RecordedEvent[] = [];
    const holder = new Reactor(store, db.client, probe(seen), logger);
    await holder.start(current);
    await eventually(async () => (await checkpoint()) === String(last.position));
    expect(seen).toHaveLength(3);
    await holder.stop();
  });
});
