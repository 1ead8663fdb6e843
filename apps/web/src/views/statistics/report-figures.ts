import type { GenderSplit, PartyReport, ReportFigure, StatisticsReport } from '../../api/types';

/** The report's figures in the yearly report's order. */
export const FIGURES: readonly ReportFigure[] = ['handledCases', 'directContacts', 'actions', 'supportPersons', 'linksReceived'];
export const STODCENTRUM = 'stodcentrum';
export const TOTAL = 'total';

/** Stödcentrum is staffed by social workers: it has no support persons, so the figure does not apply (not 0). */
export function figureApplies(org: string, figure: ReportFigure): boolean {
  return !(org === STODCENTRUM && figure === 'supportPersons');
}

/** Trainings and the survey are the jours'; Stödcentrum shows them only where it has some. */
export function trainingsApply(party: PartyReport): boolean {
  return party.org !== STODCENTRUM || party.trainings.basic + party.trainings.further > 0;
}

export function satisfactionApplies(party: PartyReport): boolean {
  return party.org !== STODCENTRUM || party.satisfaction.responses > 0;
}

const rank = (key: string) => (key === 'K' ? 0 : key === 'M' ? 1 : key === 'unknown' ? 3 : 2);

/** The gender keys in these splits: K, M, the persons' own labels alphabetically, unknown last. */
export function genderKeysOf(splits: readonly GenderSplit[]): string[] {
  const keys = new Set(splits.flatMap((split) => Object.keys(split.byGender)));
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'sv'));
}

function sumSplits(splits: GenderSplit[]): GenderSplit {
  const byGender: Record<string, number> = {};
  for (const split of splits) for (const [key, n] of Object.entries(split.byGender)) byGender[key] = (byGender[key] ?? 0) + n;
  return { total: splits.reduce((sum, split) => sum + split.total, 0), byGender };
}

/** All parties summed as one more column of the table ("Totalt"); averages are not summed (null). */
export function totalOf(report: StatisticsReport): PartyReport {
  const { parties } = report;
  const sum = (value: (party: PartyReport) => number) => parties.reduce((total, party) => total + value(party), 0);
  const figure = (f: ReportFigure) => sumSplits(parties.map((party) => party[f]));
  const categories = new Map<string, number>();
  for (const party of parties) for (const type of party.crimeTypes) categories.set(type.category, (categories.get(type.category) ?? 0) + type.cases);
  const handled = sum((party) => party.handledCases.total);
  return {
    org: TOTAL,
    handledCases: figure('handledCases'),
    directContacts: figure('directContacts'),
    actions: figure('actions'),
    supportPersons: figure('supportPersons'),
    linksReceived: figure('linksReceived'),
    crimeTypes: [...categories].map(([category, cases]) => ({ category, cases, share: handled ? cases / handled : 0 }))
      .sort((a, b) => b.cases - a.cases || a.category.localeCompare(b.category)),
    flags: Object.fromEntries(Object.keys(parties[0]?.flags ?? {}).map((flag) => [flag, sum((party) => party.flags[flag] ?? 0)])),
    sla: {
      firstContactOnTime: sum((p) => p.sla.firstContactOnTime), firstContactLate: sum((p) => p.sla.firstContactLate),
      firstContactOpen: sum((p) => p.sla.firstContactOpen), reachAttemptsMet: sum((p) => p.sla.reachAttemptsMet),
      reachAttemptsBreached: sum((p) => p.sla.reachAttemptsBreached),
    },
    trainings: { basic: sum((p) => p.trainings.basic), further: sum((p) => p.trainings.further) },
    satisfaction: { responses: sum((p) => p.satisfaction.responses), average: null, byQuestion: {} },
    previous: Object.fromEntries(FIGURES.map((f) => [f, sum((party) => party.previous[f])])) as Record<ReportFigure, number>,
  };
}

/** The change in whole percent against the previous period; `null` where there was nothing before to compare with. */
export function changePercent(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return Math.round(((current - previous) / previous) * 100);
}

/** The share of first contacts made on time among those decided (on time or late); `null` with none decided. */
export function onTimeShare(sla: PartyReport['sla']): number | null {
  const decided = sla.firstContactOnTime + sla.firstContactLate;
  return decided === 0 ? null : sla.firstContactOnTime / decided;
}
