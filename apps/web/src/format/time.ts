import type { Language } from '@referral/labels';

const ZONE = 'Europe/Stockholm';
const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** "2 dec. 14:05" in Stockholm time, whatever the device's own zone. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: ZONE, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDate(isoOrDate: string, language: Language): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? new Date(`${isoOrDate}T12:00:00Z`) : new Date(isoOrDate);
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** "14:05" in Stockholm time. */
export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** The Stockholm calendar date of an instant, `YYYY-MM-DD`. */
export function stockholmDate(iso: string | number | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/**
 * The time left until `dueIso` as days, hours and minutes ("1 d 4 h", "35 min"), or how long ago
 * it passed, for a deadline shown beside its date.
 */
export function timeLeft(dueIso: string, nowMs: number, language: Language): { text: string; overdue: boolean } {
  const ms = new Date(dueIso).getTime() - nowMs;
  const overdue = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = language === 'sv' ? { d: 'd', h: 'tim', m: 'min' } : { d: 'd', h: 'h', m: 'min' };
  const parts = days > 0 ? [`${days} ${unit.d}`, `${hours} ${unit.h}`] : hours > 0 ? [`${hours} ${unit.h}`, `${mins} ${unit.m}`] : [`${mins} ${unit.m}`];
  const amount = parts.join(' ');
  if (language === 'sv') return { text: overdue ? `${amount} sedan` : `${amount} kvar`, overdue };
  return { text: overdue ? `${amount} ago` : `${amount} left`, overdue };
}

/** `<input type="datetime-local">` value in Stockholm time for an instant, and back. */
export function toLocalInputValue(ms: number): string {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

export function fromLocalInputValue(value: string): string {
  // The Stockholm offset at that wall time: try the two offsets Sweden uses and keep the one that round-trips.
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${value}:00${offset}`);
    if (!Number.isNaN(candidate.getTime()) && toLocalInputValue(candidate.getTime()) === value) return candidate.toISOString();
  }
  return new Date(`${value}:00+01:00`).toISOString();
}

/** "tis 10 juni" for a Stockholm calendar date `YYYY-MM-DD`: a day in a list of days. */
export function formatDay(date: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${date}T12:00:00Z`));
}
