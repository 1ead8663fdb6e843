import type { RecordedEvent } from '@referral/event-store';
import { CHECKPOINT_CHANNEL, type ProjectionDefinition, type TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import { freshPostgresSchema } from '../../../test/support/databases';
import { eventually } from '../../../test/support/eventually';
import { seededRandom } from '../../../test/support/seeded-random';
import { openFixture, type Fixture } from './support/fixture';
import { appendWorkload } from './support/workload';

describe('checkpoint notices (PostgreSQL server)', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await openFixture(() => freshPostgresSchema());
  });
  afterEach(() => fx.dispose());

  it('each batch that commits notifies its projection once, and a batch rolled back does not', async () => {
    const head = await appendWorkload(fx.store, 45, seededRandom(5));
    let failedOnce = false;
    const projection: ProjectionDefinition = {
      name: 'noticed',
      version: 1,
      tables: ['noticed_rows'],
      async setup(tx: SqlExecutor, tables: TableNames) {
        await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.noticed_rows} (id text PRIMARY KEY)`);
      },
      async handle(event: RecordedEvent, tx: SqlExecutor, tables: TableNames) {
        await tx.query(`INSERT INTO ${tables.noticed_rows} (id) VALUES ($1)`, [event.id]);
        // The second batch fails once after writing: rolled back, then applied again.
        if (!failedOnce && event.position === head - 30n) {
          failedOnce = true;
          throw new Error('fails once');
        }
      },
    };
    const notices: string[] = [];
    // The channel is the database's: suites running beside this one on other schemas notify on it too.
    const listening = await fx.db.client.listen!(CHECKPOINT_CHANNEL, (payload) => payload === 'noticed' && notices.push(payload));
    try {
      const runner = await fx.runner({ projection, batchSize: 10 });
      runner.start();
      await runner.waitForPosition(head, 10_000);
      await eventually(() => notices.length >= 5, { what: 'a notice for each of the 5 batches' });
      await runner.stop();
      expect(failedOnce).toBe(true);
      expect(notices).toEqual(Array.from({ length: 5 }, () => 'noticed'));
    } finally {
      await listening.close();
    }
  });
});
