import { PostgresEventStore } from '@referral/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@referral/projections';
import type { TestDatabase } from '../../../../test/support/databases';
// The read models' writer drives the real deciders into the real store, as the app does.
import { DomainWriter } from '../../../read-models/test/support/domain-writer';
import { StatisticsQueries, statisticsProjections } from '../../src';

export interface StatisticsFixture {
  db: TestDatabase;
  writer: DomainWriter;
  queries: StatisticsQueries;
  caughtUp(): Promise<void>;
  dispose(): Promise<void>;
}

/** The real event store and one real runner per statistics projection, in one database. */
export async function openStatistics(open: () => Promise<TestDatabase>): Promise<StatisticsFixture> {
  const db = await open();
  const store = await PostgresEventStore.create(db.client, { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } });
  const registry = await ProjectionRegistry.open(db.client);
  const runners = statisticsProjections.map(
    (projection) => new ProjectionRunner({ store, registry, projection, backoff: { initialMs: 1, maxMs: 20 } }),
  );
  for (const runner of runners) runner.start();
  const writer = new DomainWriter(store);
  return {
    db,
    writer,
    queries: new StatisticsQueries(db.client),
    async caughtUp() {
      await Promise.all(runners.map((runner) => runner.waitForPosition(writer.lastPosition, 10_000)));
    },
    async dispose() {
      for (const runner of runners) await runner.stop();
      await store.close();
      await db.dispose();
    },
  };
}
