import { PostgresEventStore } from '@referral/event-store';
import { ProjectionRegistry, type ProjectionLogger, type ProjectionRunnerOptions, ProjectionRunner } from '@referral/projections';
import type { SqlClient } from '@referral/sql';
import type { TestDatabase } from '../../../../test/support/databases';

export interface Fixture {
  db: TestDatabase;
  store: PostgresEventStore;
  registry: ProjectionRegistry;
  runners: ProjectionRunner[];
  /** A runner with fast retries, stopped after the test. */
  runner(options: Omit<ProjectionRunnerOptions, 'store' | 'registry'> & { client?: SqlClient }): Promise<ProjectionRunner>;
  dispose(): Promise<void>;
}

/** The real event store and the read models in one database (the embedded shape). */
export async function openFixture(open: () => Promise<TestDatabase>): Promise<Fixture> {
  const db = await open();
  const store = await PostgresEventStore.create(db.client, { subscriptionTiming: { pollMinMs: 2, pollMaxMs: 20 } });
  const registry = await ProjectionRegistry.open(db.client);
  const runners: ProjectionRunner[] = [];
  return {
    db,
    store,
    registry,
    runners,
    async runner({ client, ...options }) {
      const runner = new ProjectionRunner({
        store,
        registry: client ? await ProjectionRegistry.open(client) : registry,
        backoff: { initialMs: 1, maxMs: 20 },
        ...options,
      });
      runners.push(runner);
      return runner;
    },
    async dispose() {
      for (const runner of runners) await runner.stop();
      await store.close();
      await db.dispose();
    },
  };
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

export function recordingLogger(): Required<ProjectionLogger> & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record = (level: LogLine['level']) => (message: string, fields: Record<string, unknown> = {}) => {
    lines.push({ level, message, fields });
  };
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}
