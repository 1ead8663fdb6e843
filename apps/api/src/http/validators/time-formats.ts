import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parseCalendarDate, parseInstant } from '@referral/case';

/** `YYYY-MM-DD` that names a real day. */
export const isCalendarDate = (value: unknown): value is string => typeof value === 'string' && parseCalendarDate(value) !== null;

/** ISO-8601 date-time with an explicit offset (`Z` or `+01:00`), by the domain's one rule (`parseInstant`). */
export const isDateTimeWithOffset = (value: unknown): value is string => typeof value === 'string' && parseInstant(value) !== null;

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
