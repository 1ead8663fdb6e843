import { CaseDeadlines, CaseState, DeadlineFact } from '../case/case-state';
import { parseInstant } from '../time/instant';
import { slaDeadlines } from './sla-deadlines';

export type SlaStatus = 'ok' | 'at-risk' | 'breached';

const standingBreach = (fact: DeadlineFact | null): boolean =>
  fact !== null && fact.missedAt !== null && fact.retractedAt === null;

export const hasStandingBreach = (deadlines: CaseDeadlines): boolean =>
  standingBreach(deadlines.firstContact) || standingBreach(deadlines.reachAttempts);

/**
 * A case's SLA state at `now` (ISO instant): `breached` while a recorded breach stands (not
 * retracted), whatever the case's status; `at-risk` for an open case with no contact towards the
 * person at or before `now`, from `atRiskFrom` on (also past the due time, until the breach is
 * recorded); otherwise `ok` (also for no case, a triage case, or an unreadable `now`).
 */
export function slaStatus(state: CaseState, now: string): SlaStatus {
  if (state.status === 'none') return 'ok';
  if (hasStandingBreach(state.deadlines)) return 'breached';
  const nowMs = parseInstant(now);
  if (state.status !== 'open' || state.sla === null || state.slaClockStartedAt === null || nowMs === null) return 'ok';
  const due = slaDeadlines(state.sla, state.slaClockStartedAt);
  if (due === null || nowMs < Date.parse(due.atRiskFrom)) return 'ok';
  const contacted = state.contacts.some((contact) => contact.towardsPerson && Date.parse(contact.at) <= nowMs);
  return contacted ? 'ok' : 'at-risk';
}
