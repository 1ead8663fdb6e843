import { caseDecider } from '@referral/case';
import type { CaseDueForErasure } from '@referral/read-models';
import { EventSourcedStream, type AppendConflictObserver } from '../event-sourced-stream';
import { caseStream } from '../linked-case-opener';
import { closedBefore, type RetentionPolicy } from './retention-policy';
import { caseSubject, type SubjectKeyEraser } from './subject-keys';

export const RETENTION_ACTOR = 'system:retention';
const PAGE = 200;

/** The read side the sweep asks: closed cases past their retention, still holding personal data. */
export interface RetentionQueries {
  casesDueForErasure(org: string, closedBefore: Date, limit: number, after: CaseDueForErasure | null): Promise<CaseDueForErasure[]>;
}

export interface SweepReport {
  /** Cases whose personal data this sweep erased. */
  erased: number;
  /** Cases that could not be erased this time (tried again at the next sweep). */
  failed: number;
}

/**
 * Erases the personal data of every case closed longer ago than its org's retention. It judges
 * by the closing time against `now`, so a sweep after downtime catches up on all it missed.
 */
export class RetentionSweep {
  private readonly stream: EventSourcedStream;

  constructor(
    private readonly options: {
      store: ConstructorParameters<typeof EventSourcedStream>[0];
      queries: RetentionQueries;
      keys: SubjectKeyEraser;
      policy: RetentionPolicy;
      owners: readonly string[];
      onError?: (caseId: string, error: unknown) => void;
      /** Told of append conflicts (an erasure racing a command on the same case). */
      conflicts?: AppendConflictObserver;
    },
  ) {
    this.stream = new EventSourcedStream(options.store, options.conflicts ? { conflicts: options.conflicts } : {});
  }

  async sweep(now: Date): Promise<SweepReport> {
    const report: SweepReport = { erased: 0, failed: 0 };
    for (const org of this.options.owners) {
      const cutoff = closedBefore(this.options.policy, org, now);
      let after: CaseDueForErasure | null = null;
      for (;;) {
        const page = await this.options.queries.casesDueForErasure(org, cutoff, PAGE, after);
        for (const due of page) {
          try {
            if (await this.erase(due.caseId, now)) report.erased++;
          } catch (error) {
            report.failed++;
            this.options.onError?.(due.caseId, error);
          }
        }
        if (page.length < PAGE) break;
        after = page[page.length - 1];
      }
    }
    return report;
  }

  /** Answers whether this erased it (false: it was erased already, the case views had not shown it yet). */
  private async erase(caseId: string, now: Date): Promise<boolean> {
    const result = await this.stream.run(
      caseStream(caseId),
      caseDecider,
      () => ({ type: 'ErasePersonalData' as const, caseId, reason: 'retention', now: now.toISOString(), by: RETENTION_ACTOR }),
      (refused) => {
        throw new Error(`retention erasure refused: ${refused.ok ? '' : refused.error.code}`);
      },
      { metadata: { actor: RETENTION_ACTOR } },
    );
    await this.options.keys.erase(caseSubject(caseId), now);
    return result.events.length > 0;
  }
}
