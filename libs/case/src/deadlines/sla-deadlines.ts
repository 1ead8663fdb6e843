import { SlaTerms } from '../config/sla-policy';
import { formatInstant, parseInstant } from '../time/instant';
import { addLocalCalendarDays } from '../time/zoned-time';

export interface SlaDeadlines {
  /** First contact due: the clock start plus `firstContactDays` calendar days, same local time. */
  readonly firstContactDueAt: string;
  /** The reach-attempt rule must hold by then (same local time, `reachAttemptsDeadlineDays` later). */
  readonly reachAttemptsDueAt: string;
  /** From this instant a case without contact is at risk: `atRiskHours` before first contact is due. */
  readonly atRiskFrom: string;
}

/**
 * The deadlines of a case under its terms, from the moment its holder's clock started
 * (`CaseRecord.slaClockStartedAt`: receipt, or triage resolution). `null` for an invalid start.
 */
export function slaDeadlines(terms: SlaTerms, clockStartedAt: string): SlaDeadlines | null {
  const start = parseInstant(clockStartedAt);
  if (start === null) return null;
  const firstContactDue = addLocalCalendarDays(start, terms.firstContactDays, terms.timeZone);
  return {
    firstContactDueAt: formatInstant(firstContactDue),
    reachAttemptsDueAt: formatInstant(addLocalCalendarDays(start, terms.reachAttemptsDeadlineDays, terms.timeZone)),
    atRiskFrom: formatInstant(firstContactDue - terms.atRiskHours * 3_600_000),
  };
}
