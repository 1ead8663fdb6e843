import type { Language } from '@referral/labels';

/** Shown where a figure does not apply or there is nothing to compute it from. */
export const DASH = '–';
const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n);
}

/** A share 0..1 as whole percent: "27 %" in Swedish, "27%" in English. */
export function formatShare(share: number | null, language: Language): string {
  if (share === null) return DASH;
  const percent = Math.round(share * 100);
  return language === 'sv' ? `${percent} %` : `${percent}%`;
}

/** A change as the yearly report writes it: "+34 %", "-12 %", "±0 %"; a dash with nothing before. */
export function formatChange(percent: number | null, language: Language): string {
  if (percent === null) return DASH;
  const unit = language === 'sv' ? ' %' : '%';
  if (percent === 0) return `±0${unit}`;
  return `${percent > 0 ? '+' : '-'}${Math.abs(percent)}${unit}`;
}

/** A survey average on the 1-5 scale with one decimal ("4,3"); a dash with no answers. */
export function formatAverage(average: number | null, language: Language): string {
  if (average === null) return DASH;
  return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average);
}

/** "apr. 2025" / "Apr 2025" for a `YYYY-MM` month. */
export function formatMonth(month: string, language: Language): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  return new Intl.DateTimeFormat(LOCALES[language], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** `referral-statistik-2025-04-01--2026-03-31.csv` */
export function csvFileName(period: { from: string; to: string }): string {
  return `referral-statistik-${period.from}--${period.to}.csv`;
}
