import { createHash, randomBytes } from 'node:crypto';
import { PostgresEventStore } from '@referral/event-store';
import { KeyedDigest, SealingEventStore, openVault, type PersonalDataVault } from '@referral/personal-data';
import { ProjectionRegistry, ProjectionRunner, rebuildProjection } from '@referral/projections';
import { defaultSlaPolicy } from '@referral/case';
import { sqlBackends, type TestDatabase } from '../../../test/support/databases';
import { CaseQueries, POLICE_REPORT_INDEX_SECRET, caseViewsProjection, policeReportIndexProjection } from '../src';
import { DomainWriter } from './support/domain-writer';
import { NOW, handoverOf } from './support/scenario';

const NUMBER = '5000-K424242-25';

describe.each(sqlBackends)('the Police report index on %s (sealed store, real vault)', (_name, open) => {
  let db: TestDatabase;
  let vault: PersonalDataVault;
  let writer: DomainWriter;
  let store: SealingEventStore;
  let registry: ProjectionRegistry;
  let digests: KeyedDigest;
  let runners: ProjectionRunner[];
  let queries: CaseQueries;
  const index = () => policeReportIndexProjection({ digests, personalData: { open: (value) => vault.openIfSealed(value) } });

  beforeEach(async () => {
    db = await open();
    vault = (await openVault(db.client, { masterKey: randomBytes(32) })).vault;
    store = new SealingEventStore(await PostgresEventStore.create(db.client, { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } }), vault);
    registry = await ProjectionRegistry.open(db.client);
    digests = new KeyedDigest(vault, POLICE_REPORT_INDEX_SECRET);
    runners = [caseViewsProjection, index()].map((projection) => new ProjectionRunner({ store, registry, projection, backoff: { initialMs: 1, maxMs: 20 } }));
    for (const runner of runners) runner.start();
    writer = new DomainWriter(store);
    queries = new CaseQueries(db.client, { open: (value) => vault.openIfSealed(value) });
  });
  afterEach(async () => {
    for (const runner of runners) await runner.stop();
    await store.close();
    await db.dispose();
  });

  const caughtUp = () => Promise.all(runners.map((runner) => runner.waitForPosition(writer.lastPosition, 10_000)));
  const withNumber = (caseId: string, placement: Parameters<typeof handoverOf>[2], number = NUMBER) => {
    const command = handoverOf(caseId, '2025-06-09T10:00:00.000Z', placement);
    return { ...command, handover: { ...command.handover, handoverId: `ho-${caseId}`, policeReportNumber: number } };
  };
  const find = (org: string, number: string) => queries.caseIdsByPoliceReportNumber(digests, org, number);

  it('finds the org\'s cases by the number trimmed and upper-cased, and none of another org', async () => {
    await writer.case(withNumber('p-1', 'vasterort'));
    await writer.case(withNumber('p-2', 'vasterort', '5000-K000007-25'));
    await writer.case(withNumber('p-3', 'sodra'));
    await caughtUp();
    expect(await find('boj-vasterort', ` ${NUMBER.toLowerCase()} `)).toEqual(['p-1']);
    expect(await find('boj-sodra-stockholm', NUMBER)).toEqual(['p-3']);
    expect(await find('stodcentrum', NUMBER)).toEqual([]);
    expect(await find('boj-vasterort', '5000-K424242-2')).toEqual([]);
  });

  it('keeps no plaintext: the digest is keyed (not a plain hash), and no table or event holds the number', async () => {
    await writer.case(withNumber('p-1', 'vasterort'));
    await caughtUp();
    const { rows } = await db.client.query<{ number_digest: string }>('SELECT * FROM police_report_index');
    expect(rows).toHaveLength(1);
    const plainHashes = ['hex', 'base64', 'base64url'].map((encoding) => createHash('sha256').update(NUMBER).digest(encoding as 'hex'));
    expect(plainHashes).not.toContain(rows[0]!.number_digest);
    const everything = await db.client.query('SELECT to_jsonb(i) AS row FROM police_report_index i UNION ALL SELECT to_jsonb(e) FROM es_events e');
    expect(JSON.stringify(everything.rows)).not.toContain('K424242');
  });

  it('moves the row to the org a triage case is routed to', async () => {
    await writer.case(withNumber('p-t', 'triage'));
    await caughtUp();
    expect(await find('triage', NUMBER)).toEqual(['p-t']);
    await writer.case({ type: 'ResolveTriage', caseId: 'p-t', routeTo: 'boj-vasterort', at: NOW, sla: defaultSlaPolicy });
    await caughtUp();
    expect(await find('triage', NUMBER)).toEqual([]);
    expect(await find('boj-vasterort', NUMBER)).toEqual(['p-t']);
  });

  it('forgets the case on erasure, and a rebuild after the key is erased does not bring it back', async () => {
    await writer.case(withNumber('p-1', 'vasterort'));
    await writer.case(withNumber('p-2', 'vasterort'));
    await caughtUp();
    await writer.case({ type: 'ErasePersonalData', caseId: 'p-1', reason: 'asked', now: NOW });
    await vault.erase('case-p-1', new Date(NOW));
    await caughtUp();
    expect(await find('boj-vasterort', NUMBER)).toEqual(['p-2']);
    await rebuildProjection(store, registry, index(), { liveRunner: runners[1] });
    expect(await find('boj-vasterort', NUMBER)).toEqual(['p-2']);
  });
});
