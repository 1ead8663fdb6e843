import { Inject, Injectable } from '@nestjs/common';
import type { LoggedSlaChange, SlaChange } from '@referral/case-workflows';
import { CLOCK, Metrics, type Clock } from '@referral/platform';

const RULES: Partial<Record<SlaChange['change'], string>> = {
  'first-contact-missed': 'first-contact',
  'reach-attempts-missed': 'reach-attempts',
  'triage-waiting': 'triage-wait',
};

/**
 * `referral_deadline_announce_lateness_seconds{rule}`: when this API process first sends a breach
 * it heard live to the SLA stream's subscribers, minus the breach's due instant (`dueAt`; a
 * triage wait's `at`, its line). Each breach once per process, however many subscribers get it:
 * the feed hands changes on in id order, so an id at or below the last one counted was counted.
 * A change sent only in a replay (`Last-Event-ID`) was announced before, and is not counted; a
 * breach heard while nobody listens is never sent, and not counted either.
 */
@Injectable()
export class BreachAnnouncements {
  private lastCounted = -1n;

  constructor(
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Every rule's series exists from the start, so `increase()` sees the first breach of each.
    for (const rule of new Set(Object.values(RULES))) metrics.deadlineAnnounceLateness.zero({ rule });
  }

  sentLive({ id, change }: LoggedSlaChange): void {
    const changeId = BigInt(id);
    if (changeId <= this.lastCounted) return;
    this.lastCounted = changeId;
    const rule = RULES[change.change];
    const due = Date.parse(change.dueAt ?? change.at);
    if (!rule || Number.isNaN(due)) return;
    this.metrics.deadlineAnnounceLateness.observe({ rule }, Math.max(0, (this.clock.now().getTime() - due) / 1000));
  }
}
