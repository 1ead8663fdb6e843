import { PostgresEventStore } from '@referral/event-store';
import {
  ProjectionRegistry,
  ProjectionRunner,
  rebuildProjection,
  type ProjectionDefinition,
  type RebuildResult,
} from '@referral/projections';
import type { TestDatabase } from '../../../../test/support/databases';
import { CaseQueries, readModelProjections } from '../../src';
import { DomainWriter } from './domain-writer';

/** Projections fed by the real store and runners, written to through the real deciders. */
export interface ProjectionFixture {
  db: TestDatabase;
  writer: DomainWriter;
  /** Resolves when every read model has applied what the writer appended. */
  caughtUp(): Promise<void>;
  /** Rebuilds one read model into a new generation while the live one serves, then swaps. */
  rebuild(name: string): Promise<RebuildResult>;
  dispose(): Promise<void>;
}

export interface ReadModelFixture extends ProjectionFixture {
  queries: CaseQueries;
}

/** The real event store, one real runner per read model, all in one database (embedded shape). */
export async function openReadModels(open: () => Promise<TestDatabase>): Promise<ReadModelFixture> {
  const fixture = await openProjections(open, readModelProjections);
  return { ...fixture, queries: new CaseQueries(fixture.db.client) };
}

/** The real event store and one real runner per given projection, all in one database. */
export async function openProjections(
  open: () => Promise<TestDatabase>,
  projections: readonly ProjectionDefinition[],
): Promise<ProjectionFixture> {
  const db = await open();
  const store = await PostgresEventStore.create(db.client, { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } });
  const registry = await ProjectionRegistry.open(db.client);
  const runners = projections.map(
    (projection) => new ProjectionRunner({ store, registry, projection, backoff: { initialMs: 1, maxMs: 20 } }),
  );
  for (const runner of runners) runner.start();
  const writer = new DomainWriter(store);
  return {
    db,
    writer,
    async caughtUp() {
      await Promise.all(runners.map((runner) => runner.waitForPosition(writer.lastPosition, 10_000)));
    },
    async rebuild(name) {
      const index = projections.findIndex((projection) => projection.name === name);
      return rebuildProjection(store, registry, projections[index]!, { liveRunner: runners[index] });
    },
    async dispose() {
      for (const runner of runners) await runner.stop();
      await store.close();
      await db.dispose();
    },
  };
}
