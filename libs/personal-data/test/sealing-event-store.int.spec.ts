import { randomBytes, randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@referral/event-store';
import { sqlBackends, type TestDatabase } from '../../../test/support/databases';
import { SealingEventStore, isSealedValue, openVault, type PersonalDataVault } from '../src';

describe.each(sqlBackends)('the sealing event store on %s', (_name, open) => {
  let db: TestDatabase;
  let inner: PostgresEventStore;
  let vault: PersonalDataVault;
  let store: SealingEventStore;

  beforeEach(async () => {
    db = await open();
    inner = await PostgresEventStore.create(db.client);
    vault = (await openVault(db.client, { masterKey: randomBytes(32) })).vault;
    store = new SealingEventStore(inner, vault);
  });
  afterEach(() => db.dispose());

  const event = (data: Record<string, unknown>, id = randomUUID()) => ({ id, type: 'ContactRecorded', data, metadata: { schemaVersion: 1 } });

  it('seals personal data under the stream’s key before the backend sees it; other facts stay in clear', async () => {
    await store.appendToStream('case-1', [event({ caseId: '1', channel: 'phone', personalData: { note: 'Ringer efter jobbet' } })]);
    const { rows } = await db.client.query<{ data: unknown }>('SELECT data FROM es_events');
    expect(JSON.stringify(rows)).not.toContain('Ringer');
    expect(JSON.stringify(rows)).toContain('"channel":"phone"');
    const [recorded] = await store.readStream('case-1');
    expect(isSealedValue(recorded.data.personalData)).toBe(true);
    expect((recorded.data.personalData as { subject: string }).subject).toBe('case-1');
    expect(await vault.open(recorded.data.personalData as never)).toEqual({ note: 'Ringer efter jobbet' });
    const [fromAll] = (await store.readAll()).filter((e) => e.streamId === 'case-1');
    expect(isSealedValue(fromAll.data.personalData)).toBe(true);
  });

  it('seals each stream of an atomic multi-stream append under that stream’s own key', async () => {
    await store.appendToStreams([
      { streamId: 'handover-9', events: [event({ caseId: '9' })], expectedRevision: 'no-stream' },
      { streamId: 'case-9', events: [event({ caseId: '9', personalData: { note: 'Nio' } })], expectedRevision: 'no-stream' },
      { streamId: 'case-10', events: [event({ caseId: '10', personalData: { note: 'Tio' } })] },
    ]);
    const { rows } = await db.client.query<{ data: unknown }>('SELECT data FROM es_events');
    expect(JSON.stringify(rows)).not.toMatch(/Nio|Tio/);
    const [nine] = await store.readStream('case-9');
    const [ten] = await store.readStream('case-10');
    expect([nine, ten].map((e) => (e.data.personalData as { subject: string }).subject)).toEqual(['case-9', 'case-10']);
    expect(await vault.open(ten.data.personalData as never)).toEqual({ note: 'Tio' });
    expect((await store.readStream('handover-9'))[0].data).toEqual({ caseId: '9' });
  });

  it('leaves events without personal data, or already sealed, as they are, and re-appends idempotently', async () => {
    const sealed = await vault.seal('case-2', { note: 'x' });
    const first = event({ caseId: '2', personalData: null });
    const second = event({ caseId: '2', personalData: sealed });
    const result = await store.appendToStream('case-2', [first, second], { expectedRevision: 'no-stream' });
    const again = await store.appendToStream('case-2', [first, second], { expectedRevision: 'no-stream' });
    expect(again).toEqual(result);
    const recorded = await store.readStream('case-2');
    expect(recorded.map((e) => e.data.personalData)).toEqual([null, sealed]);
  });

  it('refuses personal data for a stream whose key was erased, and appends nothing', async () => {
    await store.appendToStream('case-3', [event({ caseId: '3', personalData: { note: 'a' } })]);
    await vault.erase('case-3', new Date());
    await expect(store.appendToStream('case-3', [event({ caseId: '3', personalData: { note: 'b' } })])).rejects.toThrow(/erased/);
    expect(await store.readStream('case-3')).toHaveLength(1);
  });
});
