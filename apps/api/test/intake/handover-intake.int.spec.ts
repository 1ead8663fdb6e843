import { randomBytes, randomUUID } from 'node:crypto';
import type { Handover } from '@referral/case';
import { PostgresEventStore, type EventStore, type RecordedEvent } from '@referral/event-store';
import { SealingEventStore, openVault, type PersonalDataVault } from '@referral/personal-data';
import { freshPglite, type TestDatabase } from '../../../../test/support/databases';
import { handoverBody } from '../../../../test/support/handovers';
import { commandContext } from '../../src/commands/command-context';
import { Policies } from '../../src/commands/policies';
import { handoverStream } from '../../src/intake/handover-claim';
import { handoverFingerprint } from '../../src/intake/handover-fingerprint';
import { HandoverIntake } from '../../src/intake/handover-intake';

const police = { sub: 'police-1', org: 'city' as const, roles: ['police-integration' as const] };
const context = () => commandContext(police, new Date('2025-06-10T08:00:00Z'));
const handover = () => JSON.parse(JSON.stringify(handoverBody())) as Handover;

/**
 * The store as a process sees it that dies right after the write that holds a handover's claim:
 * that write is durable, every write after it fails (the process is gone before it could make it).
 */
function dyingAfterClaim(inner: EventStore): EventStore {
  let dead = false;
  const died = () => Promise.reject(new Error('the process died'));
  const holdsClaim = (streamIds: string[]) => streamIds.some((id) => id.startsWith('handover-'));
  return {
    appendToStream: async (streamId, events, options) => {
      if (dead) return died();
      const result = await inner.appendToStream(streamId, events, options);
      dead = holdsClaim([streamId]);
      return result;
    },
    appendToStreams: async (appends) => {
      if (dead) return died();
      const results = await inner.appendToStreams(appends);
      dead = holdsClaim(appends.map((append) => append.streamId));
      return results;
    },
    readStream: (...args) => inner.readStream(...args),
    readAll: (...args) => inner.readAll(...args),
    subscribe: (options) => inner.subscribe(options),
    headPosition: () => inner.headPosition(),
    countAfter: (after, limit) => inner.countAfter(after, limit),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}

describe('handover intake on a real store (PGlite, sealing as in the service)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let vault: PersonalDataVault;

  beforeEach(async () => {
    db = await freshPglite();
    vault = (await openVault(db.client, { masterKey: randomBytes(32) })).vault;
    store = new SealingEventStore(await PostgresEventStore.create(db.client), vault);
  });
  afterEach(() => db.dispose());

  const intakeOn = (on: EventStore) => new HandoverIntake(on, new Policies(), vault);

  async function everyEvent(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for (let batch = await store.readAll(); batch.length > 0; batch = await store.readAll({ after: batch[batch.length - 1].position })) {
      events.push(...batch);
    }
    return events;
  }

  it('leaves no claim without its case when the process dies right after writing the claim', async () => {
    for (let i = 0; i < 5; i++) {
      await intakeOn(dyingAfterClaim(store)).receive(handover(), context()).catch(() => undefined);
    }
    const events = await everyEvent();
    const claims = events.filter((event) => event.type === 'HandoverAccepted');
    const cases = new Set(events.filter((event) => event.type === 'CaseReceived').map((event) => event.streamId));
    expect(claims).toHaveLength(5);
    expect(claims.filter((claim) => !cases.has(`case-${String(claim.data.caseId)}`)).map((claim) => claim.streamId)).toEqual([]);
  });

  it('finishes, on redelivery, a case whose claim an older version wrote alone', async () => {
    const body = handover();
    const caseId = randomUUID();
    const fingerprint = handoverFingerprint(body, await vault.systemSecret('handover-fingerprint'));
    const data = { handoverId: body.handoverId, caseId, routedTo: 'boj-vasterort', status: 'open', at: '2025-06-09T08:00:00.000Z' };
    await store.appendToStream(
      handoverStream(body.handoverId),
      [{ id: randomUUID(), type: 'HandoverAccepted', data, metadata: { schemaVersion: 1, fingerprint } }],
      { expectedRevision: 'no-stream' },
    );
    const result = await intakeOn(store).receive(body, context());
    expect(result).toMatchObject({ created: false, answer: { caseId, routedTo: 'boj-vasterort', status: 'open' } });
    const written = await store.readStream(`case-${caseId}`);
    expect(written[0]).toMatchObject({ type: 'CaseReceived' });
    expect(result.position).toBe(written[written.length - 1].position);
  });

  it('makes one case of 50 concurrent deliveries; the others answer from the claim', async () => {
    const body = handover();
    const intake = intakeOn(store);
    const results = await Promise.all(Array.from({ length: 50 }, () => intake.receive(body, context())));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.answer.caseId)).size).toBe(1);
    const received = (await everyEvent()).filter((event) => event.type === 'CaseReceived');
    expect(received.map((event) => event.streamId)).toEqual([`case-${results[0].answer.caseId}`]);
  });
});
