import { randomBytes } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';
import { sqlBackends, type TestDatabase } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';
import { SlaChangeFeed, SlaChangeLog, SlaChangePublisher, slaChangesChannel, type LoggedSlaChange, type SlaChange } from '../src';

const change = (caseId: string): SlaChange => ({
  caseId, org: 'boj-vasterort', slaState: 'breached', change: 'first-contact-missed', dueAt: '2025-06-05T08:00:00.000Z', at: '2025-06-05T08:00:00.000Z',
});
const now = () => new Date('2025-06-05T08:00:01Z');

describe.each(sqlBackends)('the live feed of deadline changes (real Redis) on %s', (_name, open) => {
  let db: TestDatabase;
  let redis: Redis;
  let feed: SlaChangeFeed;
  let log: SlaChangeLog;
  let prefix: string;
  const heard: LoggedSlaChange[] = [];
  const caseIds = () => heard.map((l) => l.change.caseId);

  beforeEach(async () => {
    db = await open();
    redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    prefix = `test-feed-${randomBytes(6).toString('hex')}`;
    log = new SlaChangeLog(db.client);
    await log.append(change('before-start'), 'k-before', now());
    feed = new SlaChangeFeed(redis, prefix, log);
    await feed.start();
    heard.length = 0;
    feed.listen((logged) => heard.push(logged));
  });
  afterEach(async () => {
    await feed.stop();
    await redis.quit();
    await db.dispose();
  });

  it('hands on every change after its start once, in id order, when a message overtakes one with a lower id', async () => {
    const a = await log.append(change('a'), 'k-a', now());
    const b = await log.append(change('b'), 'k-b', now());
    // Only b's message reaches Redis first (its publisher was faster); a's comes after.
    await redis.publish(slaChangesChannel(prefix), JSON.stringify({ id: b, change: change('b') }));
    await eventually(async () => (heard.length === 2 ? true : undefined));
    await redis.publish(slaChangesChannel(prefix), JSON.stringify({ id: a, change: change('a') }));
    const c = await new SlaChangePublisher(redis, prefix, log, { now }).publish(change('c'), 'k-c');
    await eventually(async () => (heard.length === 3 ? true : undefined));
    expect(caseIds()).toEqual(['a', 'b', 'c']);
    expect(heard.map((l) => l.id)).toEqual([a, b, c]);
  });

  it('publishes again what is logged under a key, which listeners do not get twice; nothing for an unknown key', async () => {
    const publisher = new SlaChangePublisher(redis, prefix, log, { now });
    await publisher.publish(change('once'), 'k-once');
    expect(await publisher.publishAgain('k-once')).toBe(true);
    expect(await publisher.publishAgain('k-never')).toBe(false);
    await publisher.publish(change('marker'), 'k-marker');
    await eventually(async () => (caseIds().includes('marker') ? true : undefined));
    expect(caseIds()).toEqual(['once', 'marker']);
  });

  it('ignores messages that are not changes', async () => {
    await redis.publish(slaChangesChannel(prefix), 'not json');
    await redis.publish(slaChangesChannel(prefix), JSON.stringify({ id: 'x' }));
    await new SlaChangePublisher(redis, prefix, log, { now }).publish(change('real'), 'k-real');
    await eventually(async () => (heard.length === 1 ? true : undefined));
    expect(caseIds()).toEqual(['real']);
  });
});
