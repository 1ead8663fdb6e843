import { ORG_IDS } from '@referral/case';
import type { DomainEvent } from '@referral/case-workflows';

export type BreachRule = 'first-contact' | 'reach-attempts' | 'triage-wait';

const RULES: Readonly<Record<string, BreachRule>> = {
  FirstContactDeadlineMissed: 'first-contact',
  ReachAttemptsDeadlineMissed: 'reach-attempts',
  TriageWaitExceeded: 'triage-wait',
};

/**
 * The labels of a recorded breach for `referral_deadline_breaches_total`: the org code the event
 * names (`triage` for a triage wait) and the rule; `null` for any other event. Nothing else of
 * the event (no case id) reaches a label.
 */
export function breachLabels(event: DomainEvent): { org: string; rule: BreachRule } | null {
  const rule = RULES[event.type];
  if (!rule) return null;
  const org = (event.data as { org?: unknown }).org;
  return { org: typeof org === 'string' ? org : 'unknown', rule };
}

/**
 * Every org and rule a breach can carry, so each series exists at 0 from the start: Prometheus'
 * `increase()` cannot see the first breach of a series that appears with it.
 */
export function knownBreachLabels(): Array<{ org: string; rule: BreachRule }> {
  return [
    ...ORG_IDS.flatMap((org) => (['first-contact', 'reach-attempts'] as const).map((rule) => ({ org, rule }))),
    { org: 'triage', rule: 'triage-wait' },
  ];
}

/**
 * How late a breach was recorded: the check's `detectedAt` minus the due instant `at`, for
 * `referral_deadline_lateness_seconds` (0 and up; `null` for any other event or without both).
 */
export function breachLateness(event: DomainEvent): { rule: BreachRule; seconds: number } | null {
  const rule = RULES[event.type];
  if (!rule) return null;
  const { at, detectedAt } = event.data as { at?: unknown; detectedAt?: unknown };
  const due = typeof at === 'string' ? Date.parse(at) : NaN;
  const recorded = typeof detectedAt === 'string' ? Date.parse(detectedAt) : NaN;
  if (Number.isNaN(due) || Number.isNaN(recorded)) return null;
  return { rule, seconds: Math.max(0, (recorded - due) / 1000) };
}
