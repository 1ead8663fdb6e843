import { randomUUID } from 'node:crypto';
import { WaitForPositionTimeoutError } from '@referral/projections';
import { sqlBackends } from '../../../test/support/databases';
import { openFixture, recordingLogger, type Fixture } from './support/fixture';
import { seededRandom } from '../../../test/support/seeded-random';
import { foldTally, readTally, tallyProjection } from './support/tally-projection';
import { appendWorkload, readEverything } from './support/workload';

describe.each(sqlBackends)('ProjectionRunner on %s', (_name, open) => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await openFixture(open);
  });
  afterEach(() => fx.dispose());

  it('applies every event once, in batches, and catches up with live appends', async () => {
    const random = seededRandom(1);
    await appendWorkload(fx.store, 120, random);
    const runner = await fx.runner({ projection: tallyProjection({ name: 'tally' }), batchSize: 50 });
    runner.start();
    const head = await appendWorkload(fx.store, 30, random);
    await runner.waitForPosition(head, 10_000);
    expect(await readTally(fx.db.client, 'tally')).toEqual(foldTally(await readEverything(fx.store)));
    const status = await runner.waitForStatus((s) => s.state === 'caught-up');
    expect(status).toMatchObject({ position: head, lag: 0, eventsApplied: 150, generation: 1, lastError: null });
  });

  it('resumes after a restart from its checkpoint, applying only what is new', async () => {
    const random = seededRandom(2);
    const projection = tallyProjection({ name: 'tally' });
    const first = await fx.runner({ projection });
    first.start();
    await first.waitForPosition(await appendWorkload(fx.store, 40, random), 10_000);
    await first.stop();
    expect(first.status.state).toBe('stopped');

    const head = await appendWorkload(fx.store, 25, random);
    const second = await fx.runner({ projection });
    second.start();
    await second.waitForPosition(head, 10_000);
    expect(second.status.eventsApplied).toBe(25);
    expect(await readTally(fx.db.client, 'tally')).toEqual(foldTally(await readEverything(fx.store)));
  });

  it('waitForPosition rejects with a clear error when the model does not get there in time', async () => {
    const runner = await fx.runner({ projection: tallyProjection({ name: 'tally' }) });
    runner.start();
    const head = await appendWorkload(fx.store, 3, seededRandom(3));
    await runner.waitForPosition(head, 10_000);
    const error = await runner.waitForPosition(head + 1000n, 30).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitForPositionTimeoutError);
    expect((error as Error).message).toBe(
      `Read model tally did not reach position ${head + 1000n} within 30 ms (it is at ${head})`,
    );
  });

  it('logs each applied batch at debug: its positions and the correlation ids of its events, no event data', async () => {
    const logger = recordingLogger();
    for (const [index, correlationId] of ['req-a', 'req-b', 'req-a', 'not a valid id'].entries()) {
      await fx.store.appendToStream(`tally-${index}`, [
        { id: randomUUID(), type: 'AmountRecorded', data: { amount: 7 }, metadata: { schemaVersion: 1, correlationId } },
      ]);
    }
    const head = await appendWorkload(fx.store, 1, seededRandom(9));
    const runner = await fx.runner({ projection: tallyProjection({ name: 'tally' }), logger });
    runner.start();
    await runner.waitForPosition(head, 10_000);
    const batches = logger.lines.filter((l) => l.level === 'debug' && l.message === 'Projection batch applied');
    expect(batches.map((l) => l.fields.after)).toEqual([null, ...batches.slice(0, -1).map((l) => l.fields.position)]);
    expect(batches.at(-1)?.fields).toMatchObject({ projection: 'tally', generation: 1, position: String(head) });
    expect(batches.reduce((n, l) => n + Number(l.fields.events), 0)).toBe(5);
    // Distinct, in store order; an id of another shape is left out.
    expect(batches.flatMap((l) => l.fields.correlationIds as string[])).toEqual(['req-a', 'req-b']);
    expect(JSON.stringify(batches)).not.toContain('amount');
  });

  it('reports a failing handler, logs it without event data, retries, and recovers', async () => {
    let broken = true;
    const logger = recordingLogger();
    const projection = tallyProjection({
      name: 'tally',
      afterWrite: (event) => {
        if (broken && Number(event.data.amount) > 50) throw new Error(`bad amount ${String(event.data.amount)}`);
      },
    });
    const runner = await fx.runner({ projection, logger, batchSize: 10 });
    runner.start();
    const head = await appendWorkload(fx.store, 60, seededRandom(4));
    const failing = await runner.waitForStatus((s) => s.state === 'failing');
    expect(failing.lastError).toMatch(/^Projection tally failed on event AmountRecorded at position \d+: bad amount/);
    await runner.waitForStatus(() => logger.lines.filter((l) => l.level === 'error').length >= 3);
    const line = logger.lines.find((l) => l.level === 'error');
    expect(line?.message).toBe('Projection batch failed; retrying');
    expect(line?.fields).toMatchObject({
      projection: 'tally', eventType: 'AmountRecorded', attempt: 1,
      error: { name: 'ProjectionHandlerError', message: expect.stringContaining('bad amount') },
      cause: { name: 'Error', message: expect.stringMatching(/^bad amount/) },
    });

    broken = false;
    await runner.waitForPosition(head, 10_000);
    expect(runner.status).toMatchObject({ lastError: null, failingSince: null });
    expect(await readTally(fx.db.client, 'tally')).toEqual(foldTally(await readEverything(fx.store)));
  });

  it('answers the active tables of a projection and serves reads through views', async () => {
    const runner = await fx.runner({ projection: tallyProjection({ name: 'tally' }) });
    runner.start();
    await runner.waitForPosition(await appendWorkload(fx.store, 10, seededRandom(5)), 10_000);
    const tables = await fx.registry.activeTables('tally');
    expect(tables).toEqual({ tally_tally: 'tally_tally__g1', tally_applied: 'tally_applied__g1' });
    expect(await readTally(fx.db.client, 'tally', tables)).toEqual(await readTally(fx.db.client, 'tally'));
  });
});
