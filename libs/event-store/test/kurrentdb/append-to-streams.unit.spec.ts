import {
  WrongExpectedVersionError,
  type AppendStreamRequest,
  type MultiAppendResult,
} from '@kurrent/kurrentdb-client';
import { IdempotencyConflictError, WrongExpectedRevisionError, type NewEvent } from '@referral/event-store';
import { appendToStreams } from '../../src/kurrentdb/append-to-streams';
import { METADATA_PROPERTY, toRecordedEvent } from '../../src/kurrentdb/recorded-event';
import { FakeLog, logEvent } from './fake-kurrentdb';

/** Stream `a` holds id-1, id-2 (revisions 0, 1; positions 10, 20); `b` holds id-3 (revision 0; position 30). */
class FakeMultiAppender extends FakeLog {
  readonly writes: AppendStreamRequest[][] = [];
  answer: () => Promise<MultiAppendResult> = async () => {
    throw new Error('no write expected');
  };

  constructor() {
    super([{ ...logEvent(10, 'a', 0), id: 'id-1' }, { ...logEvent(20, 'a', 1), id: 'id-2' }, { ...logEvent(30, 'b', 0), id: 'id-3' }]);
  }

  multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult> {
    this.writes.push(requests);
    return this.answer();
  }
}

const event = (id: string): NewEvent => ({ id, type: 'ThingHappened', data: { n: 1 }, metadata: { schemaVersion: 2, actor: 'x' } });

describe('KurrentDB append to several streams', () => {
  it('sends one multi-stream append and answers each stream’s last position, read back', async () => {
    const client = new FakeMultiAppender();
    client.answer = async () => {
      client.events.push({ ...logEvent(40, 'a', 2), id: 'new-a' }, { ...logEvent(50, 'c', 0), id: 'new-c' });
      return { position: 50n, responses: [{ streamName: 'a', revision: 2n }, { streamName: 'c', revision: 0n }] };
    };
    const results = await appendToStreams(
      client,
      [{ streamId: 'a', events: [event('new-a')], expectedRevision: 1 }, { streamId: 'c', events: [event('new-c')], expectedRevision: 'no-stream' }],
      100,
    );
    expect(results).toEqual([{ nextExpectedRevision: 2, position: 40n }, { nextExpectedRevision: 0, position: 50n }]);
    expect(client.writes).toHaveLength(1);
    expect(client.writes[0]!.map((r) => [r.streamName, r.expectedState])).toEqual([['a', 1n], ['c', 'no_stream']]);
  });

  it('carries the metadata as one string property, and reads it back as it was', async () => {
    const client = new FakeMultiAppender();
    client.answer = async () => {
      throw new WrongExpectedVersionError(undefined, { streamName: 'c', expected: 'no_stream', current: 0n });
    };
    await appendToStreams(client, [{ streamId: 'c', events: [event('e')], expectedRevision: 'no-stream' }], 100).catch(() => undefined);
    const sent = client.writes[0]![0]!.events[0]!;
    expect(sent.metadata).toEqual({ [METADATA_PROPERTY]: JSON.stringify({ schemaVersion: 2, actor: 'x' }) });
    const read = toRecordedEvent({ ...logEvent(60, 'c', 0), metadata: { ...(sent.metadata as object), '$schema.name': 'ThingHappened' } });
    expect(read.metadata).toEqual({ schemaVersion: 2, actor: 'x' });
  });

  it('maps a refused expectation to WrongExpectedRevisionError naming the stream that failed', async () => {
    const client = new FakeMultiAppender();
    client.answer = async () => {
      throw new WrongExpectedVersionError(undefined, { streamName: 'b', expected: 'no_stream', current: 0n });
    };
    await expect(
      appendToStreams(
        client,
        [{ streamId: 'c', events: [event('x')], expectedRevision: 'no-stream' }, { streamId: 'b', events: [event('y')], expectedRevision: 'no-stream' }],
        100,
      ),
    ).rejects.toEqual(new WrongExpectedRevisionError('b', 'no-stream', 0));
  });

  it('answers the original results when a refused write had been written before (a retry)', async () => {
    const client = new FakeMultiAppender();
    client.answer = async () => {
      throw new WrongExpectedVersionError(undefined, { streamName: 'a', expected: 'no_stream', current: 1n });
    };
    const retry = [{ streamId: 'a', events: [event('id-1'), event('id-2')], expectedRevision: 'no-stream' as const }, { streamId: 'b', events: [event('id-3')], expectedRevision: 'no-stream' as const }];
    expect(await appendToStreams(client, retry, 100)).toEqual([{ nextExpectedRevision: 1, position: 20n }, { nextExpectedRevision: 0, position: 30n }]);
  });

  it('looks for a retry before writing under any, and refuses a write found only in part', async () => {
    const client = new FakeMultiAppender();
    expect(await appendToStreams(client, [{ streamId: 'b', events: [event('id-3')] }], 100)).toEqual([{ nextExpectedRevision: 0, position: 30n }]);
    expect(client.writes).toHaveLength(0);
    await expect(
      appendToStreams(client, [{ streamId: 'b', events: [event('id-3')] }, { streamId: 'c', events: [event('new')] }], 100),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(client.writes).toHaveLength(0);
  });
});
