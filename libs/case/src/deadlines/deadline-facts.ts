import { SlaTerms } from '../config/sla-policy';
import { DeadlineEvent, DeadlineRule } from '../case/deadline-events';
import { CaseDeadlines, DeadlineFact } from '../case/case-state';
import { slaDeadlines } from './sla-deadlines';

export const NO_DEADLINES: CaseDeadlines = { firstContact: null, reachAttempts: null };

const KEY = { 'first-contact': 'firstContact', 'reach-attempts': 'reachAttempts' } as const;

/** The deadlines of a clock that starts at `clockStartedAt` under `terms` (none without terms). */
export function startDeadlines(terms: SlaTerms | null, clockStartedAt: string | null): CaseDeadlines {
  const due = terms && clockStartedAt !== null ? slaDeadlines(terms, clockStartedAt) : null;
  if (due === null) return NO_DEADLINES;
  const open = (dueAt: string): DeadlineFact => ({ dueAt, missedAt: null, detectedAt: null, retractedAt: null });
  return { firstContact: open(due.firstContactDueAt), reachAttempts: open(due.reachAttemptsDueAt) };
}

export const deadlineFact = (deadlines: CaseDeadlines, rule: DeadlineRule): DeadlineFact | null =>
  deadlines[KEY[rule]];

const ruleOf = (event: DeadlineEvent): DeadlineRule =>
  event.type === 'DeadlineBreachRetracted'
    ? event.data.rule
    : event.type === 'FirstContactDeadlineMissed'
      ? 'first-contact'
      : 'reach-attempts';

/**
 * Folds a breach or a retraction into the deadlines. It applies only to the fact of its rule with
 * the same `dueAt` (keyed by rule and due time); anything else changes nothing. The first breach
 * recorded counts; a retraction withdraws a standing breach.
 */
export function evolveDeadlines(deadlines: CaseDeadlines, event: DeadlineEvent): CaseDeadlines {
  const rule = ruleOf(event);
  const fact = deadlineFact(deadlines, rule);
  if (fact === null || Date.parse(fact.dueAt) !== Date.parse(event.data.dueAt)) return deadlines;
  let changed: DeadlineFact;
  if (event.type === 'DeadlineBreachRetracted') {
    if (fact.missedAt === null || fact.retractedAt !== null) return deadlines;
    changed = { ...fact, retractedAt: event.data.at };
  } else {
    if (fact.missedAt !== null) return deadlines;
    changed = { ...fact, missedAt: event.data.at, detectedAt: event.data.detectedAt };
  }
  return { ...deadlines, [KEY[rule]]: changed };
}
