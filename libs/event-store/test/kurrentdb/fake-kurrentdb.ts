import { Readable } from 'node:stream';
import {
  START,
  StreamNotFoundError,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type KurrentDBClient,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';

/** An event as `$all` reports it from a gRPC append: commit and prepare at the record's position. */
export function logEvent(position: number, streamId: string, revision: number, type = 'ThingHappened'): AllStreamRecordedEvent {
  return {
    streamId,
    id: `id-${position}`,
    isJson: true,
    revision: BigInt(revision),
    type,
    created: new Date(0),
    data: { at: position },
    metadata: { schemaVersion: 1 },
    position: { commit: BigInt(position), prepare: BigInt(position) },
  };
}

/** `$all` and stream reads over an in-memory log, with the server's inclusive start and type filter. */
export class FakeLog implements Pick<KurrentDBClient, 'readAll' | 'readStream'> {
  readonly reads: ReadAllOptions[] = [];

  constructor(readonly events: AllStreamRecordedEvent[]) {}

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    this.reads.push(options);
    return toAsync(this.from(options).map((event) => ({ event })));
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterableIterator<ResolvedEvent> {
    const stream = this.events.filter((event) => event.streamId === streamId);
    if (stream.length === 0) return failing(new StreamNotFoundError(undefined, streamId));
    const ordered = options.direction === 'backwards' ? [...stream].reverse() : stream;
    const from = options.fromRevision;
    const started =
      typeof from === 'bigint'
        ? ordered.filter((event) => (options.direction === 'backwards' ? event.revision <= from : event.revision >= from))
        : ordered;
    return toAsync(started.slice(0, Number(options.maxCount ?? Infinity)).map((event) => ({ event }) as ResolvedEvent));
  }

  /** Forwards from a position includes the event there; backwards from one leaves it out (the adapter copes with either). */
  from({ fromPosition = START, maxCount, filter, ...rest }: ReadAllOptions | SubscribeToAllOptions & { maxCount?: number }): AllStreamRecordedEvent[] {
    const regex = filter && 'regex' in filter ? new RegExp(filter.regex) : null;
    const backwards = 'direction' in rest && rest.direction === 'backwards';
    const started = backwards
      ? [...this.events].reverse().filter((event) => fromPosition === 'end' || (fromPosition !== START && event.position.commit < fromPosition.commit))
      : this.events.filter((event) => fromPosition === START || fromPosition === 'end' || event.position.commit >= fromPosition.commit);
    return started.filter((event) => !regex || regex.test(event.type)).slice(0, Number(maxCount ?? Infinity));
  }
}

/**
 * Subscriptions over a `FakeLog` that drop after `dropAfter[i]` events on the i-th attempt (with
 * the given error, or by ending), then stay open waiting, as a live subscription does.
 */
export class FakeSubscriptions implements Pick<KurrentDBClient, 'subscribeToAll'> {
  readonly opened: SubscribeToAllOptions[] = [];
  unsubscribed = 0;

  constructor(
    private readonly log: FakeLog,
    private readonly drops: { after: number; error?: Error }[] = [],
  ) {}

  subscribeToAll(options: SubscribeToAllOptions = {}): AllStreamSubscription {
    const drop = this.drops[this.opened.length];
    this.opened.push(options);
    const events = this.log.from(options).map((event): AllStreamResolvedEvent => ({ event }));
    async function* deliver() {
      for (const [index, event] of events.entries()) {
        if (drop && index === drop.after) {
          if (drop.error) throw drop.error;
          return;
        }
        yield event;
      }
      if (!drop) await new Promise(() => undefined);
    }
    const readable = Readable.from(deliver(), { objectMode: true, highWaterMark: 1 });
    return Object.assign(readable, {
      unsubscribe: async () => {
        this.unsubscribed++;
        readable.destroy();
      },
    }) as unknown as AllStreamSubscription;
  }
}

async function* toAsync<T>(items: T[]): AsyncIterableIterator<T> {
  yield* items;
}

async function* failing<T>(error: Error): AsyncIterableIterator<T> {
  throw error;
}
