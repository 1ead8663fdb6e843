import { randomUUID } from 'node:crypto';
import { caseDecider, slaStatus, type CaseDecision, type CaseEvent, type CaseState } from '@referral/case';
import type { EventStore } from '@referral/event-store';
import type { DeadlineTimer } from '@referral/deadline-timers';
import { EventSourcedStream, type AppendConflictObserver, type Appended, type DomainEvent } from '../event-sourced-stream';
import { caseStream } from '../linked-case-opener';
import type { SlaChangePublisher } from '../sla-changes';
import { loadCase } from './case-history';
import { eventAnnouncementKey, slaChangeOf } from './sla-change-of';

export interface Clock {
  now(): Date;
}

/**
 * What a fired timer does. A deadline timer sends CheckDeadlines, which records a breach at its
 * true due time, once, or nothing (met, closed, already recorded): so a timer that fires twice,
 * early or late changes nothing wrong. The triage-wait timer sends CheckTriageWait, alike. The
 * at-risk timer records nothing; it tells coordinators. What a check records is announced at once,
 * without waiting for the sla-changes reaction to come by it (under the same key, so once).
 */
export class DeadlineChecker {
  private readonly stream: EventSourcedStream;

  constructor(
    private readonly store: EventStore,
    private readonly publisher: SlaChangePublisher,
    private readonly clock: Clock,
    /** Told of a timer whose case this store does not have; the timer is then done. */
    private readonly onUnknownCase: (timer: DeadlineTimer) => void = () => undefined,
    /** Told of the events a check appended (none when it changed nothing), e.g. to count breaches. */
    private readonly onRecorded: (events: readonly DomainEvent[]) => void = () => undefined,
    /** Told of append conflicts (a check racing a command on the same case), e.g. to count them. */
    conflicts?: AppendConflictObserver,
  ) {
    this.stream = new EventSourcedStream(store, conflicts ? { conflicts } : {});
  }

  async fire(timer: DeadlineTimer): Promise<void> {
    if (timer.kind === 'at-risk') return this.announceAtRisk(timer);
    const now = this.clock.now().toISOString();
    const type = timer.kind === 'triage-wait' ? 'CheckTriageWait' as const : 'CheckDeadlines' as const;
    await this.stream.run(
      caseStream(timer.caseId),
      caseDecider,
      () => ({ type, caseId: timer.caseId, now }),
      (refused: Extract<CaseDecision, { ok: false }>) => {
        // A timer for a case that is not there (a store wiped, a foreign job) has nothing to check.
        if (refused.error.status === 404) return Promise.reject(new CaseGoneError(timer.caseId));
        throw new Error(`${type} refused: ${refused.error.code}`);
      },
      { metadata: checkMetadata(timer) },
    ).then(
      async (appended) => {
        this.onRecorded(appended.events);
        await this.announce(appended, now);
      },
      (error: unknown) => {
        if (!(error instanceof CaseGoneError)) throw error;
        this.onUnknownCase(timer);
      },
    );
  }

  private async announce({ events, eventIds, state }: Appended<CaseState, CaseEvent>, now: string): Promise<void> {
    for (const [i, event] of events.entries()) {
      const change = slaChangeOf(event, state, now);
      if (change) await this.publisher.publish(change, eventAnnouncementKey(eventIds[i]));
    }
  }

  private async announceAtRisk(timer: DeadlineTimer): Promise<void> {
    const state = await loadCase(this.store, timer.caseId);
    const now = this.clock.now().toISOString();
    if (state.status === 'none' || slaStatus(state, now) !== 'at-risk') return;
    await this.publisher.publish(
      { caseId: state.caseId, org: state.org, slaState: 'at-risk', change: 'at-risk', dueAt: timer.dueAt, at: now },
      `at-risk:${state.caseId}:${timer.dueAt}`,
    );
  }
}

/**
 * The metadata of what a check appends: `correlationId` is the one of the event that armed the
 * timer (so a breach can be traced to the request that received its case), `causationId` that
 * event's id; a timer armed by reconciliation carries neither, and the check gets a fresh
 * correlation id of its own. These wire names are kept as they are.
 */
function checkMetadata(timer: DeadlineTimer): { actor: string; correlationId: string; causationId?: string } {
  return {
    actor: 'deadline-timer',
    correlationId: timer.correlationId ?? randomUUID(),
    ...(timer.causationId ? { causationId: timer.causationId } : {}),
  };
}

class CaseGoneError extends Error {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} does not exist`);
  }
}
