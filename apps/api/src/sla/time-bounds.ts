import { addDays, instantOfLocal, parseCalendarDate, parseInstant } from '@referral/case';

/**
 * A query bound (validated as a date or an instant): a Stockholm date means its first (or, for
 * `to`, its last) millisecond.
 */
export function boundOf(value: string | undefined, edge: 'start' | 'end'): Date | undefined {
  if (value === undefined) return undefined;
  const date = parseCalendarDate(value);
  if (!date) return new Date(parseInstant(value) ?? Number.NaN);
  const start = instantOfLocal({ ...date, hour: 0, minute: 0, second: 0 });
  if (edge === 'start') return new Date(start);
  const next = addDays(date, 1);
  return new Date(instantOfLocal({ ...next, hour: 0, minute: 0, second: 0 }) - 1);
}
