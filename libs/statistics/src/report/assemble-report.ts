import type { OrgId } from '@referral/case';
import type { CountingPolicy } from '../counting/counting-policy';
import { compareGenderKeys } from '../gender-key';
import type { Figure } from '../projection/contributions';
import type { SlaFigure } from '../projection/sla-figures';
import {
  REPORT_FLAGS, REPORT_ORGS, SPLIT_FIGURES, type GenderSplit, type PartyReport, type PartySla, type PartyTrainings, type SplitFigure, type StatisticsReport,
} from './report';
import { satisfactionOf } from './satisfaction';

/** One summed row of `stats_counts` over the period. */
export interface CountRow {
  org: string;
  figure: Figure;
  key: string;
  n: number;
}

/** Volunteers of an org active at any time in the period, per gender key. */
export interface VolunteerRow {
  org: string;
  genderKey: string;
  n: number;
}

const SPLIT_OF: Partial<Record<Figure, SplitFigure>> = {
  'handled-cases': 'handledCases',
  'direct-contacts': 'directContacts',
  actions: 'actions',
  'links-received': 'linksReceived',
};

const SLA_OF: Record<SlaFigure, keyof PartySla> = {
  'first-contact-on-time': 'firstContactOnTime',
  'first-contact-late': 'firstContactLate',
  'first-contact-open': 'firstContactOpen',
  'reach-attempts-met': 'reachAttemptsMet',
  'reach-attempts-breached': 'reachAttemptsBreached',
};

function split(counts: Map<string, number>): GenderSplit {
  const keys = [...counts.keys()].filter((key) => counts.get(key)! > 0).sort(compareGenderKeys);
  const byGender = Object.fromEntries(keys.map((key) => [key, counts.get(key)!]));
  return { total: keys.reduce((sum, key) => sum + counts.get(key)!, 0), byGender };
}

/** A period's summed counts and active volunteers, as `StatisticsQueries` reads them. */
export interface PeriodCounts {
  period: { from: string; to: string };
  rows: readonly CountRow[];
  volunteers: readonly VolunteerRow[];
}

type PartyFigures = Omit<PartyReport, 'satisfaction' | 'previous'>;

function partyFigures(org: OrgId, rows: readonly CountRow[], volunteers: readonly VolunteerRow[], policy: CountingPolicy): PartyFigures {
  const splits = Object.fromEntries(SPLIT_FIGURES.map((figure) => [figure, new Map<string, number>()])) as Record<SplitFigure, Map<string, number>>;
  const categories = new Map<string, number>();
  const flags = Object.fromEntries(REPORT_FLAGS.map((flag) => [flag, 0])) as Record<string, number>;
  const sla: PartySla = { firstContactOnTime: 0, firstContactLate: 0, firstContactOpen: 0, reachAttemptsMet: 0, reachAttemptsBreached: 0 };
  const trainings: PartyTrainings = { basic: 0, further: 0 };
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);

  for (const row of rows) {
    if (row.org !== org) continue;
    const figure = SPLIT_OF[row.figure];
    if (figure) add(splits[figure], row.key, row.n);
    else if (row.figure === 'crime-type') add(categories, row.key, row.n);
    else if (row.figure === 'flag' && row.key in flags) flags[row.key] += row.n;
    else if (row.figure === 'sla' && row.key in SLA_OF) sla[SLA_OF[row.key as SlaFigure]] += row.n;
    else if (row.figure === 'trainings' && row.key in trainings) trainings[row.key as keyof PartyTrainings] += row.n;
  }
  if (policy.byOrg[org].supportPersons) {
    for (const row of volunteers) if (row.org === org) add(splits.supportPersons, row.genderKey, row.n);
  }

  const handled = split(splits.handledCases);
  const crimeTypes = [...categories.entries()]
    .filter(([, cases]) => cases > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([category, cases]) => ({ category, cases, share: handled.total === 0 ? 0 : cases / handled.total }));
  return {
    org,
    handledCases: handled,
    directContacts: split(splits.directContacts),
    actions: split(splits.actions),
    supportPersons: split(splits.supportPersons),
    linksReceived: split(splits.linksReceived),
    crimeTypes,
    flags,
    sla,
    trainings,
  };
}

const totalsOf = (party: PartyFigures) => Object.fromEntries(SPLIT_FIGURES.map((figure) => [figure, party[figure].total])) as Record<SplitFigure, number>;

/**
 * The report from the period's summed counts and active volunteers, with each party's totals of
 * the previous period beside (pure); `previous.period` is `previousPeriod(current.period)`.
 */
export function assembleReport(current: PeriodCounts, previous: PeriodCounts, policy: CountingPolicy): StatisticsReport {
  const parties = REPORT_ORGS.map((org): PartyReport => ({
    ...partyFigures(org, current.rows, current.volunteers, policy),
    satisfaction: satisfactionOf(current.rows.filter((row) => row.org === org)),
    previous: totalsOf(partyFigures(org, previous.rows, previous.volunteers, policy)),
  }));
  const total = Object.fromEntries(
    SPLIT_FIGURES.map((figure) => [figure, parties.reduce((sum, party) => sum + party[figure].total, 0)]),
  ) as Record<SplitFigure, number>;
  return { period: { ...current.period }, previousPeriod: { ...previous.period }, parties, total };
}
