import { randomUUID } from 'node:crypto';
import type { SqlClient } from '@referral/sql';
import { sqlBackends, type TestDatabase } from '../../../../test/support/databases';
import { migrateIdempotencySchema } from '../../src/idempotency/idempotency-schema';
import type { ClaimRequest } from '../../src/idempotency/idempotency-store';
import { SqlIdempotencyStore } from '../../src/idempotency/sql-idempotency-store';

const DAY = 24 * 60 * 60 * 1000;
const LEASE = 60_000;
const T0 = new Date('2025-06-10T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(sqlBackends)('SqlIdempotencyStore on %s', (_name, open) => {
  let database: TestDatabase;
  let db: SqlClient;
  let store: SqlIdempotencyStore;

  beforeEach(async () => {
    database = await open();
    db = database.client;
    await migrateIdempotencySchema(db);
    await migrateIdempotencySchema(db);
    store = new SqlIdempotencyStore(db);
  });
  afterEach(() => database.dispose());

  const request = (overrides: Partial<ClaimRequest> = {}): ClaimRequest => ({
    scope: 'scope-1', fingerprint: 'fp-1', claim: randomUUID(), now: T0, ttlMs: DAY, leaseMs: LEASE, ...overrides,
  });

  it('given 20 claims of one new key at once, exactly one wins and the others see it pending', async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => store.claim(request())));
    expect(outcomes.filter((o) => o.kind === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'held')).toEqual(
      Array.from({ length: 19 }, () => ({ kind: 'held', key: { state: 'pending', fingerprint: 'fp-1' } })),
    );
  });

  it('keeps the first answer for its holder only, and answers it to every later claim', async () => {
    const first = request();
    expect(await store.claim(first)).toEqual({ kind: 'claimed', since: T0.toISOString() });
    expect(await store.complete('scope-1', randomUUID(), { status: 500, answer: null })).toBe(false);
    expect(await store.complete('scope-1', first.claim, { status: 201, answer: { sealed: 'x' } })).toBe(true);
    expect(await store.complete('scope-1', first.claim, { status: 201, answer: { sealed: 'y' } })).toBe(false);

    const later = await store.claim(request({ fingerprint: 'fp-2', now: at(DAY - 1) }));
    expect(later).toEqual({ kind: 'held', key: { state: 'done', fingerprint: 'fp-1', status: 201, answer: { sealed: 'x' } } });
  });

  it('a released claim frees the key for the next try, in the same life (the same since)', async () => {
    const first = request();
    await store.claim(first);
    await store.release('scope-1', first.claim);
    expect(await store.find('scope-1', T0)).toBeNull();
    expect(await store.claim(request({ now: at(1_000) }))).toEqual({ kind: 'claimed', since: T0.toISOString() });
  });

  it('a released claim tried again with another body starts a new life', async () => {
    const first = request();
    await store.claim(first);
    await store.release('scope-1', first.claim);
    expect(await store.claim(request({ fingerprint: 'fp-2', now: at(1_000) }))).toEqual({ kind: 'claimed', since: at(1_000).toISOString() });
  });

  it('after 24 hours the key is new, and the purge removes only expired rows', async () => {
    const first = request();
    await store.claim(first);
    await store.complete('scope-1', first.claim, { status: 201, answer: {} });
    await store.claim(request({ scope: 'scope-2', now: at(DAY / 2) }));

    expect(await store.find('scope-1', at(DAY))).toBeNull();
    expect(await store.claim(request({ now: at(DAY) }))).toEqual({ kind: 'claimed', since: at(DAY).toISOString() });
    expect(await store.purgeExpired(at(DAY + DAY / 2 - 1))).toBe(0);
    expect(await store.purgeExpired(at(DAY + DAY / 2))).toBe(1);
    expect((await db.query('SELECT scope FROM idempotency_keys')).rows).toEqual([{ scope: 'scope-1' }]);
  });

  it('a pending claim whose holder died is taken over once its lease ran out, and the old holder cannot complete', async () => {
    const dead = request();
    await store.claim(dead);
    expect(await store.claim(request({ now: at(LEASE - 1) }))).toMatchObject({ kind: 'held', key: { state: 'pending' } });
    const next = request({ now: at(LEASE) });
    // The same life: a run again of the command derives the same event ids.
    expect(await store.claim(next)).toEqual({ kind: 'claimed', since: T0.toISOString() });
    expect(await store.complete('scope-1', dead.claim, { status: 201, answer: {} })).toBe(false);
    expect(await store.complete('scope-1', next.claim, { status: 200, answer: {} })).toBe(true);
  });
});
