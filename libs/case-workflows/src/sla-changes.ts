import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { LoggedSlaChange, SlaChangeLog } from './sla-change-log';

/** A change of a case's deadline state, as coordinators see it live. Ids and times only. */
export interface SlaChange {
  caseId: string;
  org: string;
  slaState: 'ok' | 'at-risk' | 'breached';
  /**
   * What changed: a deadline came within the at-risk window, was missed, or a breach was retracted;
   * `triage-waiting`: a triage case passed the city's line unrouted (org `triage`: the city sees it).
   */
  change:
    | 'at-risk' | 'first-contact-missed' | 'reach-attempts-missed' | 'breach-retracted' | 'contacted' | 'closed'
    | 'triage-waiting';
  dueAt?: string;
  at: string;
}

export const slaChangesChannel = (prefix: string) => `${prefix}:sla-changes`;
const SUBSCRIBE_WAIT_MS = 2000;

/** What goes over Redis: the change with its id in the change log. */
interface SlaChangeMessage {
  id: string;
  change: SlaChange;
}

/**
 * Logs each change (so a reconnecting client can replay it), then publishes it through Redis, so
 * every API process (and its SSE clients) hears every worker. `dedupeKey` names the announcement
 * (the event it reports, or the timer): announcing it again, after a failure, keeps its id.
 */
export class SlaChangePublisher {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly log: SlaChangeLog,
    private readonly clock: { now(): Date },
  ) {}

  async publish(change: SlaChange, dedupeKey: string): Promise<string> {
    const id = await this.log.append(change, dedupeKey, this.clock.now());
    const message: SlaChangeMessage = { id, change };
    await this.redis.publish(slaChangesChannel(this.prefix), JSON.stringify(message));
    return id;
  }
}

/**
 * One Redis subscription per process, fanned out to every listener in it. A subscriber connection
 * can do nothing else, so it is a duplicate of the shared one.
 */
export class SlaChangeFeed {
  private readonly emitter = new EventEmitter();
  private subscriber: Redis | null = null;

  constructor(private readonly redis: Redis, private readonly prefix: string) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel: string, message: string) => {
      const logged = parseMessage(message);
      if (logged) this.emitter.emit('change', logged);
    });
    this.subscriber = subscriber;
    // Wait for the subscription while Redis answers; without Redis the service still starts, and
    // the subscription is made when Redis comes back (ioredis queues it and re-subscribes).
    const subscribed = subscriber.subscribe(slaChangesChannel(this.prefix)).catch(() => undefined);
    await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref())]);
  }

  listen(listener: (logged: LoggedSlaChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  async stop(): Promise<void> {
    this.emitter.removeAllListeners();
    this.subscriber?.disconnect();
    this.subscriber = null;
  }
}

function parseMessage(message: string): LoggedSlaChange | null {
  try {
    const parsed = JSON.parse(message) as Partial<SlaChangeMessage>;
    if (typeof parsed.id !== 'string' || typeof parsed.change !== 'object' || parsed.change === null) return null;
    return { id: parsed.id, change: parsed.change };
  } catch {
    return null; // Not ours: ignore.
  }
}
