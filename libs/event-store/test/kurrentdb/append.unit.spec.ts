import {
  WrongExpectedVersionError,
  type AppendResult as ClientAppendResult,
  type AppendToStreamOptions,
  type EventData,
} from '@kurrent/kurrentdb-client';
import { IdempotencyConflictError, WrongExpectedRevisionError, type NewEvent } from '@referral/event-store';
import { appendToStream } from '../../src/kurrentdb/append';
import { FakeLog, logEvent } from './fake-kurrentdb';

/** A stream `s` holding events id-1..id-3 at revisions 0..2 and positions 10..30. */
class FakeAppender extends FakeLog {
  readonly appends: { events: EventData[]; options?: AppendToStreamOptions }[] = [];
  answer: () => Promise<ClientAppendResult> = async () => {
    throw new Error('no append expected');
  };

  constructor() {
    super([logEvent(10, 's', 0), logEvent(20, 's', 1), logEvent(30, 's', 2)].map((e, i) => ({ ...e, id: `id-${i + 1}` })));
  }

  appendToStream(_stream: string, events: EventData | EventData[], options?: AppendToStreamOptions): Promise<ClientAppendResult> {
    this.appends.push({ events: [events].flat(), options });
    return this.answer();
  }
}

const event = (id: string): NewEvent => ({ id, type: 'ThingHappened', data: {}, metadata: { schemaVersion: 1 } });

describe('KurrentDB append', () => {
  it('answers the position of the batch’s last event, read back from the stream', async () => {
    const client = new FakeAppender();
    client.answer = async () => {
      client.events.push({ ...logEvent(40, 's', 3), id: 'id-4' });
      return { success: true, nextExpectedRevision: 3n };
    };
    expect(await appendToStream(client, 's', [event('id-4')], { expectedRevision: 2 }, 100)).toEqual({
      nextExpectedRevision: 3,
      position: 40n,
    });
    expect(client.appends[0]!.options).toEqual({ streamState: 2n });
  });

  it('answers the original result for a retried batch under any, without appending', async () => {
    const client = new FakeAppender();
    const result = await appendToStream(client, 's', [event('id-1'), event('id-2')], {}, 100);
    expect(result).toEqual({ nextExpectedRevision: 1, position: 20n });
    expect(client.appends).toHaveLength(0);
  });

  it('refuses a batch reusing only some ids of an earlier one', async () => {
    const client = new FakeAppender();
    await expect(appendToStream(client, 's', [event('id-2'), event('new')], {}, 100)).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
    expect(client.appends).toHaveLength(0);
  });

  it('leaves exact expectations to the server’s own idempotency', async () => {
    const client = new FakeAppender();
    client.answer = async () => ({ success: true, nextExpectedRevision: 1n });
    expect(await appendToStream(client, 's', [event('id-1'), event('id-2')], { expectedRevision: 'no-stream' }, 100)).toEqual({
      nextExpectedRevision: 1,
      position: 20n,
    });
    expect(client.appends[0]!.options).toEqual({ streamState: 'no_stream' });
  });

  it('maps a conflict to WrongExpectedRevisionError with the actual revision', async () => {
    const client = new FakeAppender();
    client.answer = async () => {
      throw new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 2n });
    };
    await expect(appendToStream(client, 's', [event('x')], { expectedRevision: 0 }, 100)).rejects.toEqual(
      new WrongExpectedRevisionError('s', 0, 2),
    );
  });

  it('refuses an empty batch', async () => {
    await expect(appendToStream(new FakeAppender(), 's', [], {}, 100)).rejects.toBeInstanceOf(RangeError);
  });
});
