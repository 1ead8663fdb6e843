import type { EventStore, RecordedEvent } from '@referral/event-store';
import { Upcasters, UpcastingEventStore } from '../src/upcasting';

function recorded(type: string, schemaVersion: number, data: Record<string, unknown>, position = 1n): RecordedEvent {
  return {
    id: `id-${position}`, type, data, metadata: { schemaVersion, correlationId: 'c-1' },
    streamId: 'case-1', revision: Number(position) - 1, position, recordedAt: new Date(0),
  };
}

/** CaseReceived v1 had `name`; v2 split it; v3 added `language` with a default. */
const caseUpcasters = () =>
  new Upcasters()
    .register('CaseReceived', 1, ({ name, ...rest }) => {
      const [first, ...last] = String(name).split(' ');
      return { ...rest, firstName: first, lastName: last.join(' ') };
    })
    .register('CaseReceived', 2, (data) => ({ ...data, language: 'sv' }));

describe('Upcasters', () => {
  it('lifts an event step by step to the latest version, keeping the other metadata', () => {
    const lifted = caseUpcasters().upcast(recorded('CaseReceived', 1, { name: 'Åsa von Öberg', area: 'Söder' }));
    expect(lifted.data).toEqual({ firstName: 'Åsa', lastName: 'von Öberg', area: 'Söder', language: 'sv' });
    expect(lifted.metadata).toEqual({ schemaVersion: 3, correlationId: 'c-1' });
  });

  it('starts from the version the event has', () => {
    const lifted = caseUpcasters().upcast(recorded('CaseReceived', 2, { firstName: 'Ali', lastName: 'Y' }));
    expect(lifted.data).toEqual({ firstName: 'Ali', lastName: 'Y', language: 'sv' });
  });

  it('answers current events and other types unchanged', () => {
    const current = recorded('CaseReceived', 3, { firstName: 'A' });
    const other = recorded('CaseClosed', 1, { reason: 'done' });
    expect(caseUpcasters().upcast(current)).toBe(current);
    expect(caseUpcasters().upcast(other)).toBe(other);
  });

  it('refuses a second upcaster for the same type and version', () => {
    expect(() => caseUpcasters().register('CaseReceived', 1, (d) => d)).toThrow(/CaseReceived v1/);
  });

  it('names the event when a step fails', () => {
    const failing = new Upcasters().register('X', 1, () => {
      throw new Error('bad shape');
    });
    expect(() => failing.upcast(recorded('X', 1, {}, 7n))).toThrow('Upcasting X v1 failed for event id-7');
  });
});

describe('UpcastingEventStore', () => {
  const stored = [recorded('CaseReceived', 1, { name: 'Per Ek' }, 1n), recorded('CaseClosed', 1, {}, 2n)];
  const inner: EventStore = {
    appendToStream: jest.fn(async () => ({ nextExpectedRevision: 0, position: 1n })),
    appendToStreams: jest.fn(async () => [{ nextExpectedRevision: 0, position: 1n }]),
    readStream: async () => stored,
    readAll: async () => stored,
    async *subscribe() {
      yield* stored;
    },
    headPosition: jest.fn(async () => 2n),
    countAfter: jest.fn(async () => 1),
    ping: jest.fn(async () => undefined),
    close: jest.fn(async () => undefined),
  };
  const store = new UpcastingEventStore(inner, caseUpcasters());
  const expected = [{ firstName: 'Per', lastName: 'Ek', language: 'sv' }, {}];

  it('upcasts what readStream, readAll and subscribe hand out', async () => {
    expect((await store.readStream('case-1')).map((e) => e.data)).toEqual(expected);
    expect((await store.readAll()).map((e) => e.data)).toEqual(expected);
    const delivered = [];
    for await (const event of store.subscribe({ after: null })) delivered.push(event.data);
    expect(delivered).toEqual(expected);
  });

  it('passes appends, the head, counts, ping and close through untouched', async () => {
    const events = [{ id: 'e', type: 'T', data: {}, metadata: { schemaVersion: 1 } }];
    await store.appendToStream('s', events, { expectedRevision: 3 });
    expect(inner.appendToStream).toHaveBeenCalledWith('s', events, { expectedRevision: 3 });
    await store.appendToStreams([{ streamId: 's', events, expectedRevision: 'no-stream' }]);
    expect(inner.appendToStreams).toHaveBeenCalledWith([{ streamId: 's', events, expectedRevision: 'no-stream' }]);
    expect(await store.headPosition()).toBe(2n);
    expect(await store.countAfter(1n, 10)).toBe(1);
    expect(inner.countAfter).toHaveBeenCalledWith(1n, 10);
    await store.ping();
    await store.close();
    expect(inner.ping).toHaveBeenCalled();
    expect(inner.close).toHaveBeenCalled();
  });
});
