import type { AllStreamRecordedEvent } from '@kurrent/kurrentdb-client';
import { toEventData, toRecordedEvent } from '../../src/kurrentdb/recorded-event';
import { logEvent } from './fake-kurrentdb';

describe('KurrentDB event conversion', () => {
  it('writes JSON data and metadata under the caller id', () => {
    const metadata = { schemaVersion: 2, correlationId: 'c', extra: { a: [1] } };
    expect(toEventData({ id: 'e-1', type: 'CaseReceived', data: { ärende: '👩‍👧' }, metadata })).toEqual({
      id: 'e-1',
      contentType: 'application/json',
      type: 'CaseReceived',
      data: { ärende: '👩‍👧' },
      metadata,
    });
  });

  it('reads back the envelope with a number revision and a bigint position', () => {
    const event = { ...logEvent(77, 'case-1', 3, 'CaseReceived'), created: new Date('2025-01-02T03:04:05Z') };
    expect(toRecordedEvent(event)).toEqual({
      id: 'id-77',
      type: 'CaseReceived',
      data: { at: 77 },
      metadata: { schemaVersion: 1 },
      streamId: 'case-1',
      revision: 3,
      position: 77n,
      recordedAt: new Date('2025-01-02T03:04:05Z'),
    });
  });

  it('decodes JSON carried as bytes, and gives metadata-less events schema version 1', () => {
    const event = {
      ...logEvent(1, 's', 0),
      isJson: false as const,
      data: new TextEncoder().encode('{"name":"Åsa"}'),
      metadata: undefined,
    };
    expect(toRecordedEvent(event)).toMatchObject({ data: { name: 'Åsa' }, metadata: { schemaVersion: 1 } });
  });

  it('refuses data that is not a JSON object, and events without a position', () => {
    // The client hands over the raw string when an event's JSON is malformed.
    const malformed = { ...logEvent(1, 's', 0), data: '{"broken' } as unknown as AllStreamRecordedEvent;
    expect(() => toRecordedEvent(malformed)).toThrow(/JSON object/);
    expect(() => toRecordedEvent({ ...logEvent(1, 's', 0), position: undefined })).toThrow(/position/);
  });
});
