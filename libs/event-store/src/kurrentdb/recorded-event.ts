import { jsonEvent, type EventData, type RecordedEvent as ClientRecordedEvent } from '@kurrent/kurrentdb-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import { toPortPosition } from './positions';

export function toEventData(event: NewEvent): EventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
}

/**
 * The property that carries the port's metadata as JSON in a multi-stream append, whose records
 * take only string properties (the port's metadata has numbers and nested values).
 */
export const METADATA_PROPERTY = 'referral.metadata';

export function toMultiAppendEventData(event: NewEvent): EventData {
  const metadata = { [METADATA_PROPERTY]: JSON.stringify(event.metadata) };
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata });
}

/** Converts an event read from KurrentDB; its position is required (servers from 22.6 send it). */
export function toRecordedEvent(event: ClientRecordedEvent): RecordedEvent {
  if (!event.position) {
    throw new Error(`KurrentDB sent event ${event.id} without its $all position (server older than 22.6?)`);
  }
  return {
    id: event.id,
    type: event.type,
    data: decodeData(event.id, event.data),
    metadata: decodeMetadata(event.metadata),
    streamId: event.streamId,
    revision: Number(event.revision),
    position: toPortPosition(event.position),
    recordedAt: event.created,
  };
}

function decodeData(id: string, data: unknown): Record<string, unknown> {
  // The client hands back the raw bytes for binary events and the string when JSON is malformed.
  const value = data instanceof Uint8Array ? parseJson(Buffer.from(data).toString('utf8')) : data;
  if (!isPlainObject(value)) throw new Error(`Event ${id} does not carry a JSON object as its data`);
  return value;
}

function decodeMetadata(metadata: unknown): EventMetadata {
  const value = metadata instanceof Uint8Array ? parseJson(Buffer.from(metadata).toString('utf8')) : metadata;
  // Events written outside this port may lack metadata; they are treated as schema version 1.
  if (!isPlainObject(value)) return { schemaVersion: 1 };
  const carried = value[METADATA_PROPERTY];
  if (typeof carried === 'string') return decodeMetadata(parseJson(carried));
  return { schemaVersion: 1, ...value } as EventMetadata;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
