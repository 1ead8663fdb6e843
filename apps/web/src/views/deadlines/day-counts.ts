import { stockholmDate } from '../../format/time';

/** One day of the deadlines table; `null` where the figure does not apply (deadlines of past days, breaches of coming days). */
export interface DayCount {
  date: string;
  isToday: boolean;
  deadlines: number | null;
  breaches: number | null;
}

/** `YYYY-MM-DD` plus `days` calendar days (dates only, so no daylight-saving trap). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * First-contact deadlines falling due on each of today and the `comingDays` after it, and breaches
 * on each of the `pastDays` before today and today, by Stockholm calendar day, oldest day first.
 */
export function countsPerDay(input: {
  today: string;
  pastDays: number;
  comingDays: number;
  deadlines: readonly string[];
  breaches: readonly string[];
}): DayCount[] {
  const tally = (instants: readonly string[]) => {
    const byDay = new Map<string, number>();
    for (const instant of instants) {
      const day = stockholmDate(instant);
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
    return byDay;
  };
  const deadlines = tally(input.deadlines);
  const breaches = tally(input.breaches);
  const rows: DayCount[] = [];
  for (let offset = -input.pastDays; offset <= input.comingDays; offset += 1) {
    const date = addDays(input.today, offset);
    rows.push({
      date,
      isToday: offset === 0,
      deadlines: offset < 0 ? null : deadlines.get(date) ?? 0,
      breaches: offset > 0 ? null : breaches.get(date) ?? 0,
    });
  }
  return rows;
}
