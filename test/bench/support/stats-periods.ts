/** Report periods for the statistics benchmark, seeded: the shapes people ask the report for. */
import { shiftDate } from '@referral/case';
import { daysInPeriod } from '@referral/statistics';
import { Random } from '../../../apps/cli/simulate/plan/random';

export type PeriodKind = 'year' | 'partnership year' | 'quarter' | 'month' | 'range <= 10 y';

export interface BenchPeriod {
  kind: PeriodKind;
  from: string;
  to: string;
}

const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'partnership year', 'quarter', 'month', 'range <= 10 y'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * `count` periods over the store's days `from`..`to`, as many of each kind, shuffled: whole
 * calendar years, partnership years (1 April - 31 March), quarters, single months, and ranges of
 * one day up to ten years starting anywhere in the store.
 */
export function benchPeriods(from: string, to: string, count: number, seed: number): BenchPeriod[] {
  const random = new Random(seed, 'stats-bench-periods');
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  const year = () => random.int(firstYear, lastYear);
  const periods: BenchPeriod[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = PERIOD_KINDS[i % PERIOD_KINDS.length]!;
    switch (kind) {
      case 'year': {
        const y = year();
        periods.push({ kind, from: `${y}-01-01`, to: `${y}-12-31` });
        break;
      }
      case 'partnership year': {
        const y = random.int(firstYear - 1, lastYear);
        periods.push({ kind, from: `${y}-04-01`, to: `${y + 1}-03-31` });
        break;
      }
      case 'quarter': {
        const y = year();
        const q = random.int(0, 3);
        periods.push({ kind, from: `${y}-${pad(q * 3 + 1)}-01`, to: `${y}-${pad(q * 3 + 3)}-${lastDayOfMonth(y, q * 3 + 3)}` });
        break;
      }
      case 'month': {
        const y = year();
        const m = random.int(1, 12);
        periods.push({ kind, from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${lastDayOfMonth(y, m)}` });
        break;
      }
      case 'range <= 10 y': {
        const start = shiftDate(from, random.int(0, daysInPeriod(from, to) - 1));
        periods.push({ kind, from: start, to: shiftDate(start, random.int(0, 3652)) });
        break;
      }
    }
  }
  for (let i = periods.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [periods[i], periods[j]] = [periods[j]!, periods[i]!];
  }
  return periods;
}

/** Nearest-rank percentile of ascending `sorted` (0 < p <= 1). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
