import { registerDecorator, type ValidationOptions } from 'class-validator';

const DATE_TIME_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` that names a real day. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO-8601 date-time with an explicit offset (`Z` or `+01:00`), on a real day. */
export function isDateTimeWithOffset(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME_WITH_OFFSET.exec(value);
  return match !== null && isCalendarDate(match[1]) && !Number.isNaN(Date.parse(value));
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a date as YYYY-MM-DD', ...options },
      validator: { validate: isCalendarDate },
    });
}

export function IsDateTimeWithOffset(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateTimeWithOffset',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be an ISO-8601 date-time with offset, e.g. 2025-03-01T14:30:00+01:00', ...options },
      validator: { validate: isDateTimeWithOffset },
    });
}

/** A Stockholm date `YYYY-MM-DD` or an instant with offset (query bounds). */
export function IsDateOrInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateOrInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a date YYYY-MM-DD or an ISO-8601 instant with offset', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) || isDateTimeWithOffset(value) },
    });
}
