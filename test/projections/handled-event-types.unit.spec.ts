import { DOMAIN_EVENT_TYPES } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition } from '@referral/projections';
import { policeReportIndexProjection, readModelProjections } from '@referral/read-models';
import type { SqlExecutor } from '@referral/sql';
import { statisticsProjection } from '@referral/statistics';

// Event types the store holds besides the domain's: the API's record of an accepted handover, and
// one no projection knows yet (a newer writer's), which must pass untouched too.
const OTHER_TYPES = ['HandoverAccepted', 'SomethingRecordedLater'];

const unused = () => {
  throw new Error('not used by handle');
};
const projections: readonly ProjectionDefinition[] = [
  ...readModelProjections,
  policeReportIndexProjection({ digests: { digest: unused } as never, personalData: { open: unused } as never }),
  statisticsProjection,
];

/** Data that refuses to be read: a handler that so much as looks at an event's fields handles its type. */
const unreadable = new Proxy({} as Record<string, unknown>, {
  get: (_, field) => {
    throw new Error(`read the field ${String(field)}`);
  },
  has: (_, field) => {
    throw new Error(`asked for the field ${String(field)}`);
  },
  ownKeys: () => {
    throw new Error('listed the fields');
  },
});

function recorded(type: string): RecordedEvent {
  return { id: 'e1', type, data: unreadable, metadata: { schemaVersion: 1 }, streamId: 's-1', revision: 0, position: 1n, recordedAt: new Date(0) };
}

/** An executor that only counts: a handler that writes for an event calls it at least once. */
function countingExecutor(): { tx: SqlExecutor; statements: string[] } {
  const statements: string[] = [];
  const record = async (sql: string) => {
    statements.push(sql);
    return { rows: [], rowCount: 0 };
  };
  return { tx: { query: record, exec: record } as unknown as SqlExecutor, statements };
}

describe.each(projections.map((projection) => ({ name: projection.name, projection })))(
  'the $name projection and the event types it declares',
  ({ projection }) => {
    it('declares the types it handles', () => {
      expect(projection.handles?.size ?? 0).toBeGreaterThan(0);
    });

    const ignored = [...DOMAIN_EVENT_TYPES, ...OTHER_TYPES].filter((type) => !projection.handles?.has(type));
    it.each(ignored)('given a %s event, which it does not declare, when handled, then it neither reads its fields nor writes anything', async (type) => {
      const { tx, statements } = countingExecutor();
      const tables = Object.fromEntries(projection.tables.map((table) => [table, `${table}__g1`]));
      await projection.handle(recorded(type), tx, tables);
      if (projection.handleBatch) await projection.handleBatch([recorded(type)], tx, tables);
      expect(statements).toEqual([]);
    });
  },
);
