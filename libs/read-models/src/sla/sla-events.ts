import type { DeadlineEvent, DeadlineRule } from '@referral/case';

/** The rule of a recorded breach or retraction (`first-contact` | `reach-attempts`). */
export type SlaRule = DeadlineRule;

export const DEADLINE_EVENT_TYPES: ReadonlySet<string> = new Set<DeadlineEvent['type']>([
  'FirstContactDeadlineMissed', 'ReachAttemptsDeadlineMissed', 'DeadlineBreachRetracted',
]);

export const isDeadlineEvent = (event: { type: string }): event is DeadlineEvent => DEADLINE_EVENT_TYPES.has(event.type);

/** The rule a breach or retraction is about. */
export const ruleOf = (event: DeadlineEvent): SlaRule =>
  event.type === 'DeadlineBreachRetracted'
    ? event.data.rule
    : event.type === 'FirstContactDeadlineMissed' ? 'first-contact' : 'reach-attempts';

/** A deadline event's history entry: when it happened, the due time, and what was counted or met. */
export function deadlineHistoryEntry(event: DeadlineEvent): { type: string; at: string; [fact: string]: unknown } {
  const { type } = event;
  const by = event.data.by === undefined ? {} : { by: event.data.by };
  switch (event.type) {
    case 'FirstContactDeadlineMissed':
      return { type, at: event.data.at, dueAt: event.data.dueAt, detectedAt: event.data.detectedAt, ...by };
    case 'ReachAttemptsDeadlineMissed': {
      const { data } = event;
      return {
        type, at: data.at, dueAt: data.dueAt, detectedAt: data.detectedAt,
        phoneAttempts: data.phoneAttempts, eveningAttempts: data.eveningAttempts, ...by,
      };
    }
    case 'DeadlineBreachRetracted': {
      const { data } = event;
      return { type, at: data.at, rule: data.rule, dueAt: data.dueAt, metAt: data.metAt, ...by };
    }
  }
}
