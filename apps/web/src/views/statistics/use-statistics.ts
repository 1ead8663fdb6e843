import { useQueries, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { StatisticsReport } from '../../api/types';
import type { MonthReport } from './charts/chart-data';
import { monthsOf, type Period } from './period';

/** Longer periods are not broken down by month (one report per month would be too many requests). */
export const MAX_MONTHS = 36;

export const reportPath = (period: Period, format?: 'csv') =>
  `/statistics/report?from=${period.from}&to=${period.to}${format ? `&format=${format}` : ''}`;

export function useReport(period: Period | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['statistics', period?.from, period?.to],
    queryFn: () => api.get<StatisticsReport>(reportPath(period!)),
    enabled: period !== null,
  });
}

export type MonthReports = { status: 'loading' } | { status: 'error'; retry(): void } | { status: 'too-long' } | { status: 'done'; months: MonthReport[] };

/**
 * The report for each month of the period, asked for in parallel: the API has no monthly
 * breakdown, and a month's report is the same rules applied to that month.
 */
export function useMonthReports(period: Period): MonthReports {
  const api = useApi();
  const slices = monthsOf(period);
  const tooLong = slices.length > MAX_MONTHS;
  return useQueries({
    queries: (tooLong ? [] : slices).map((slice) => ({
      queryKey: ['statistics', slice.from, slice.to],
      queryFn: () => api.get<StatisticsReport>(reportPath(slice)),
    })),
    combine: (results): MonthReports => {
      if (tooLong) return { status: 'too-long' };
      if (results.some((r) => r.isError)) return { status: 'error', retry: () => results.forEach((r) => r.isError && void r.refetch()) };
      if (results.some((r) => r.data === undefined)) return { status: 'loading' };
      return { status: 'done', months: results.map((r, i) => ({ month: slices[i]!.month, report: r.data! })) };
    },
  });
}
