/**
 * Valid-looking personal identity numbers for fictional people, with a correct check digit.
 * Computed here independently of the library's Luhn code, so specs do not grade it by itself.
 */
export interface SyntheticOptions {
  /** Three digits; the default 980 is from a range that no real person in the tests uses. */
  readonly serial?: string;
  readonly form?: 10 | 12;
  /** `-` (default), `+` (the 10-digit form of someone 100 or older), or `` for none. */
  readonly separator?: '-' | '+' | '';
  /** Samordningsnummer: the day plus 60. */
  readonly coordination?: boolean;
}

export function syntheticPersonnummer(birthDate: string, options: SyntheticOptions = {}): string {
  const [year, month, day] = birthDate.split('-');
  const dd = options.coordination ? String(Number(day) + 60) : day!;
  const serial = options.serial ?? '980';
  const nine = `${year!.slice(2)}${month}${dd}${serial}`;
  const digitSum = nine
    .split('')
    .map((digit, i) => String(Number(digit) * (i % 2 === 0 ? 2 : 1)))
    .join('')
    .split('')
    .reduce((sum, digit) => sum + Number(digit), 0);
  const check = String((10 - (digitSum % 10)) % 10);
  const prefix = options.form === 12 ? year!.slice(0, 2) : '';
  return `${prefix}${year!.slice(2)}${month}${dd}${options.separator ?? '-'}${serial}${check}`;
}

/** The same number with its check digit changed, so it must be refused. */
export function withWrongCheckDigit(number: string): string {
  const last = Number(number.slice(-1));
  return `${number.slice(0, -1)}${(last + 1) % 10}`;
}
