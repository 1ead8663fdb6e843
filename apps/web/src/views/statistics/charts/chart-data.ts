import type { StatisticsReport } from '../../../api/types';
import { onTimeShare, satisfactionApplies } from '../report-figures';

/** The report of one month of the period (the API has no monthly breakdown: one report per month). */
export interface MonthReport {
  /** `YYYY-MM` */
  month: string;
  report: StatisticsReport;
}

export interface Series<V> {
  /** The party's org id, or a category or question code. */
  key: string;
  values: V[];
}

export interface MonthlySeries<V> {
  months: string[];
  series: Series<V>[];
}

const orgsOf = (months: MonthReport[]) => months[0]?.report.parties.map((party) => party.org) ?? [];

/** Cases received per month, one series per party in the contract's order. */
export function casesPerMonth(months: MonthReport[]): MonthlySeries<number> {
  return {
    months: months.map((m) => m.month),
    series: orgsOf(months).map((org, i) => ({ key: org, values: months.map((m) => m.report.parties[i]?.handledCases.total ?? 0) })),
  };
}

/** Share of decided first contacts made on time, per month and party; a party with none decided in any month is left out. */
export function onTimePerMonth(months: MonthReport[]): MonthlySeries<number | null> {
  const series = orgsOf(months).map((org, i) => ({ key: org, values: months.map((m) => onTimeShare(m.report.parties[i]!.sla)) }));
  return { months: months.map((m) => m.month), series: series.filter((s) => s.values.some((v) => v !== null)) };
}

export interface CrimeMix {
  /** Parties with cases in the period. */
  parties: string[];
  /** Every category any of them had, most cases overall first. */
  categories: string[];
  /** Per category (same order), the share of each party's cases (same order as `parties`). */
  series: Series<number>[];
}

export function crimeMix(report: StatisticsReport): CrimeMix {
  const parties = report.parties.filter((party) => party.handledCases.total > 0);
  const totals = new Map<string, number>();
  for (const party of parties) for (const type of party.crimeTypes) totals.set(type.category, (totals.get(type.category) ?? 0) + type.cases);
  const categories = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([category]) => category);
  return {
    parties: parties.map((party) => party.org),
    categories,
    series: categories.map((category) => ({
      key: category,
      values: parties.map((party) => party.crimeTypes.find((type) => type.category === category)?.share ?? 0),
    })),
  };
}

export interface Satisfaction {
  /** Parties with answers in the period. */
  parties: string[];
  responses: number[];
  averages: (number | null)[];
  /** Per question, each party's average (null where nobody scored it). */
  series: Series<number | null>[];
}

export function satisfactionOf(report: StatisticsReport, questions: readonly string[]): Satisfaction {
  const parties = report.parties.filter((party) => satisfactionApplies(party) && party.satisfaction.responses > 0);
  return {
    parties: parties.map((party) => party.org),
    responses: parties.map((party) => party.satisfaction.responses),
    averages: parties.map((party) => party.satisfaction.average),
    series: questions.map((question) => ({ key: question, values: parties.map((party) => party.satisfaction.byQuestion[question] ?? null) })),
  };
}

/** The index of the largest value (the first of equals), -1 when there is none. */
export function indexOfMax(values: readonly (number | null)[]): number {
  let best = -1;
  values.forEach((value, i) => {
    if (value !== null && (best < 0 || value > values[best]!)) best = i;
  });
  return best;
}

/** Element-wise sum of several series (months × parties → months). */
export function sumSeries(series: readonly Series<number>[]): number[] {
  const length = series[0]?.values.length ?? 0;
  return Array.from({ length }, (_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
}
