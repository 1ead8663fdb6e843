import { DEADLINE_RULES, DeadlineRule } from '../case/deadline-events';
import { CaseRecord, CaseState } from '../case/case-state';
import { deadlineFact } from './deadline-facts';
import { closedBy, ruleMetBy } from './deadline-rules';

export interface PendingDeadline {
  readonly rule: DeadlineRule;
  readonly dueAt: string;
}

/**
 * The deadlines that could still be breached, i.e. those a timer must be armed for: the clock
 * runs (not in triage), the facts do not meet the rule (counting contacts at or before `dueAt`),
 * no breach is recorded for it yet, and the case was not closed at or before `dueAt`. Includes
 * deadlines already past (a check records them at once) and a closed case's deadline that fell due
 * before the closure but was never recorded (the service was down). First contact comes first.
 */
export function pendingDeadlines(state: CaseState): PendingDeadline[] {
  if (state.status === 'none' || state.sla === null) return [];
  const record: CaseRecord = state;
  const terms = state.sla;
  const pending: PendingDeadline[] = [];
  for (const rule of DEADLINE_RULES) {
    const fact = deadlineFact(record.deadlines, rule);
    if (fact === null || fact.missedAt !== null) continue;
    if (closedBy(record, fact.dueAt) || ruleMetBy(rule, record.contacts, terms, fact.dueAt)) continue;
    pending.push({ rule, dueAt: fact.dueAt });
  }
  return pending;
}
