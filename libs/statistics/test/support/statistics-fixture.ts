import type { TestDatabase } from '../../../../test/support/databases';
// The read models' fixture drives the real deciders into the real store and runs real runners.
import { openProjections, type ProjectionFixture } from '../../../read-models/test/support/read-model-fixture';
import { StatisticsQueries, statisticsProjections } from '../../src';

export interface StatisticsFixture extends ProjectionFixture {
  queries: StatisticsQueries;
}

/** The real event store and one real runner per statistics projection, in one database. */
export async function openStatistics(open: () => Promise<TestDatabase>): Promise<StatisticsFixture> {
  const fixture = await openProjections(open, statisticsProjections);
  return { ...fixture, queries: new StatisticsQueries(fixture.db.client) };
}
