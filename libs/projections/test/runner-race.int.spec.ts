import { sqlBackends } from '../../../test/support/databases';
import { openFixture, recordingLogger, type Fixture } from './support/fixture';
import { seededRandom } from '../../../test/support/seeded-random';
import { foldTally, readTally, tallyProjection } from './support/tally-projection';
import { appendWorkload, readEverything } from './support/workload';

describe.each(sqlBackends)('two runners on one projection on %s', (_name, open) => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await openFixture(open);
  });
  afterEach(() => fx.dispose());

  it('the runner that loses the checkpoint race reloads instead of applying twice', async () => {
    const logger = recordingLogger();
    const projection = tallyProjection({ name: 'tally' });
    const random = seededRandom(21);
    const start = await appendWorkload(fx.store, 5, random);
    const [a, b] = [await fx.runner({ projection, logger }), await fx.runner({ projection, logger })];
    a.start();
    b.start();
    await a.waitForPosition(start, 10_000);
    await b.waitForStatus((s) => s.state === 'caught-up' && s.position === start);
    await a.waitForStatus((s) => s.state === 'caught-up' && s.position === start);

    // Both now hold the same checkpoint and both receive the next events: one must lose.
    const head = await appendWorkload(fx.store, 10, random);
    await a.waitForPosition(head, 10_000);
    await b.waitForPosition(head, 10_000);
    expect(logger.lines.some((l) => (l.fields.error as { name?: string } | undefined)?.name === 'CheckpointMovedError')).toBe(true);
    expect(await readTally(fx.db.client, 'tally')).toEqual(foldTally(await readEverything(fx.store)));
  });

  it('stays exact with both running while events pour in', async () => {
    const projection = tallyProjection({ name: 'tally' });
    const runners = [await fx.runner({ projection, batchSize: 13 }), await fx.runner({ projection, batchSize: 5 })];
    for (const runner of runners) runner.start();
    const random = seededRandom(22);
    let head = 0n;
    for (let round = 0; round < 20; round++) head = await appendWorkload(fx.store, 10, random);
    for (const runner of runners) await runner.waitForPosition(head, 20_000);
    expect(await readTally(fx.db.client, 'tally')).toEqual(foldTally(await readEverything(fx.store)));
  });
});
