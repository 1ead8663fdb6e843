import { isOrgId, type CaseEvent, type TrainingHeld } from '@referral/case';
import { countContact, countLinkMade } from '../counting/classify';
import type { CountingPolicy, CountsAs } from '../counting/counting-policy';
import { stockholmDay } from '../stockholm-day';
import { slaFigures } from './sla-figures';
import { evolveStatsCase, type StatsCase } from './stats-case';

/** The figures of `stats_counts`; `key` is a gender key, a crime category, a flag, an SLA figure, a training kind or a survey question. */
export type Figure =
  | 'handled-cases' | 'direct-contacts' | 'actions' | 'links-received' | 'crime-type' | 'flag' | 'sla' | 'trainings'
  /** Survey answers (key `all`), the scores given per question summed, and how many scored it. */
  | 'survey-responses' | 'survey-score-sum' | 'survey-scored';

/** One unit (or, with `n`, several) added to a figure of an org on a Stockholm day. */
export interface Count {
  readonly org: string;
  readonly day: string;
  readonly figure: Figure;
  readonly key: string;
  readonly n: number;
}

/**
 * What a case contributes by itself, in the org that holds it, on the day it was received: one
 * handled case, a link received if a link opened it, its crime type, its flags, its SLA figures.
 * A case in triage contributes nothing until it is resolved to an org.
 */
export function caseContributions(record: StatsCase | null): Count[] {
  if (!record || !isOrgId(record.org)) return [];
  const at = (figure: Figure, key: string): Count => ({ org: record.org, day: record.receivedDay, figure, key, n: 1 });
  return [
    at('handled-cases', record.genderKey),
    ...(record.viaLink ? [at('links-received', record.genderKey)] : []),
    at('crime-type', record.category),
    ...record.flags.map((flag) => at('flag', flag)),
    ...slaFigures(record).map((figure) => at('sla', figure)),
  ];
}

const FIGURE_OF: Record<CountsAs, Figure | null> = { 'direct-contact': 'direct-contacts', action: 'actions', none: null };

/** What an interaction or a link adds for the org that made it, on the day it happened, by the case's gender. */
export function interactionCounts(policy: CountingPolicy, record: StatsCase | null, event: CaseEvent): Count[] {
  if (!record || (event.type !== 'ContactRecorded' && event.type !== 'PersonLinked')) return [];
  const org = event.data.org;
  const figure = FIGURE_OF[event.type === 'ContactRecorded' ? countContact(policy, org, event.data) : countLinkMade(policy, org)];
  return figure ? [{ org, day: stockholmDay(event.data.at), figure, key: record.genderKey, n: 1 }] : [];
}

/** A training session, in the org that held it, on the day it was held; `key` is its kind. */
export function trainingCount(event: TrainingHeld): Count {
  return { org: event.data.org, day: event.data.on, figure: 'trainings', key: event.data.kind, n: 1 };
}

/**
 * One string per (org, day, figure, key). None of the four holds a NUL (org ids, ISO days, figure
 * names, gender keys, categories, flags), so joining on it keeps them apart; a JSON array would do
 * as well at several times the cost, and this runs for every count of every event of a rebuild.
 */
export function countId(count: Count): string {
  return `${count.org}\u0000${count.day}\u0000${count.figure}\u0000${count.key}`;
}

/** `after - before + added`, merged per (org, day, figure, key), zero changes left out. */
export function countChanges(before: readonly Count[], after: readonly Count[], added: readonly Count[]): Count[] {
  const merged = new Map<string, Count>();
  const add = (count: Count, sign: number) => {
    const id = countId(count);
    const n = (merged.get(id)?.n ?? 0) + sign * count.n;
    merged.set(id, { ...count, n });
  };
  for (const count of before) add(count, -1);
  for (const count of [...after, ...added]) add(count, 1);
  return [...merged.values()].filter((count) => count.n !== 0);
}

/** What one case event does: the case after it and the count changes it makes. */
export interface CaseStep {
  readonly after: StatsCase;
  readonly counts: Count[];
}

/** The case and count changes after `event` (pure); `null` for an event of a case never received. */
export function stepStatsCase(policy: CountingPolicy, before: StatsCase | null, event: CaseEvent): CaseStep | null {
  const after = evolveStatsCase(before, event);
  if (!after) return null;
  return { after, counts: countChanges(caseContributions(before), caseContributions(after), interactionCounts(policy, after, event)) };
}
