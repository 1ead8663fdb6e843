import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { parsePersonalIdentityNumber } from '@referral/case';

/**
 * A personnummer or samordningsnummer with a valid check digit and a real birth date. The message
 * says what is wrong and never repeats the number.
 */
export function IsPersonalIdentityNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPersonalIdentityNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && problemWith(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          typeof args?.value === 'string'
            ? `is not a valid personal identity number: ${problemWith(args.value)}`
            : 'must be a string',
      },
    });
}

function problemWith(value: string): string | null {
  const now = new Date();
  const today = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  const parsed = parsePersonalIdentityNumber(value, today);
  return parsed.ok ? null : parsed.error.message;
}
