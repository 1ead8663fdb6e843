import type { RecordedEvent } from '@referral/event-store';
import { MAX_LOGGED_CORRELATION_IDS, batchLogFields } from '../src/batch-log-fields';

const event = (position: number, correlationId?: unknown): RecordedEvent => ({
  id: `e-${position}`,
  streamId: 'case-1',
  type: 'CaseReceived',
  revision: position,
  position: BigInt(position),
  data: { person: { givenName: 'Secret' } },
  metadata: { schemaVersion: 1, ...(correlationId === undefined ? {} : { correlationId: correlationId as string }) },
  recordedAt: new Date(0),
});

describe('batchLogFields', () => {
  it('names the batch by its positions and lists each correlation id once, in order', () => {
    const fields = batchLogFields('case_views', 2, 10n, [event(11, 'b'), event(12, 'a'), event(13, 'b'), event(14)]);
    expect(fields).toEqual({
      projection: 'case_views', generation: 2, after: '10', position: '14', events: 4, correlationIds: ['b', 'a'], moreCorrelationIds: 0,
    });
  });

  it('caps the ids and counts the rest; leaves out what is no correlation id', () => {
    const events = Array.from({ length: MAX_LOGGED_CORRELATION_IDS + 5 }, (_, i) => event(i + 1, `req-${i}`));
    events.push(event(100, 'Anna Svensson'), event(101, 42), event(102, 'x'.repeat(65)));
    const fields = batchLogFields('sla', 1, null, events);
    expect(fields.after).toBeNull();
    expect(fields.correlationIds).toHaveLength(MAX_LOGGED_CORRELATION_IDS);
    expect(fields.moreCorrelationIds).toBe(5);
    expect(JSON.stringify(fields)).not.toMatch(/Anna|Secret/);
  });
});
