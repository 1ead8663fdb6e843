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

/** What goes over Redis: the change with its id in the change log. */
export interface SlaChangeMessage {
  id: string;
  change: SlaChange;
}

/**
 * Logs each change (so a reconnecting client can replay it), then publishes it through Redis, so
 * every API process (and its SSE clients) hears every worker. `dedupeKey` names the announcement
 * (the event it reports, or the timer): announcing it again, after a failure, keeps its id.
 * Several may publish at once (timer handlers, the reaction, other workers): a message can
 * overtake one with a lower id, so listeners read the log in id order (SlaChangeFeed).
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
    await this.send({ id, change });
    return id;
  }

  /**
   * When `dedupeKey` is logged already, publishes it again (its first publisher may have died
   * before it got to Redis) and answers true; listeners drop what they have had.
   */
  async publishAgain(dedupeKey: string): Promise<boolean> {
    const logged = await this.log.find(dedupeKey);
    if (logged) await this.send(logged);
    return logged !== null;
  }

  private async send(message: SlaChangeMessage): Promise<void> {
    await this.redis.publish(slaChangesChannel(this.prefix), JSON.stringify(message));
  }
}
