import type { Language } from '@referral/labels';
import type { NextAttempt } from '../api/types';
import { stockholmDate } from './time';

const ZONE = 'Europe/Stockholm';
const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };
/** A moment counts as "now" when it is at most this far ahead (the plan's `from` is often the API's now). */
const NOW_SLACK_MS = 60_000;

type DayRelation = 'today' | 'tomorrow' | 'this-week' | 'later';

/** The `YYYY-MM-DD` `days` after `date` (calendar days, so a daylight-saving change does not matter). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function dayRelation(iso: string, nowMs: number): DayRelation {
  const day = stockholmDate(iso);
  const today = stockholmDate(nowMs);
  if (day <= today) return 'today';
  if (day === addDays(today, 1)) return 'tomorrow';
  return day <= addDays(today, 6) ? 'this-week' : 'later';
}

const parts = (iso: string, language: Language, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(LOCALES[language], { timeZone: ZONE, ...options }).format(new Date(iso));

/** "14:00" */
const clock = (iso: string, language: Language) => parts(iso, language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** "18" for a whole hour, "19:30" otherwise: the short form of a window's ends ("18–21"). */
const shortClock = (iso: string, language: Language) => {
  const full = clock(iso, language);
  return full.endsWith(':00') ? String(Number(full.slice(0, 2))) : full;
};

/** "14:00 i dag", "i morgon 14:00", "tors 14:00", "12 juni 14:00". */
function when(iso: string, nowMs: number, language: Language): string {
  const time = clock(iso, language);
  const sv = language === 'sv';
  switch (dayRelation(iso, nowMs)) {
    case 'today': return sv ? `${time} i dag` : `${time} today`;
    case 'tomorrow': return sv ? `i morgon ${time}` : `tomorrow ${time}`;
    case 'this-week': return `${parts(iso, language, { weekday: 'short' })} ${time}`;
    case 'later': return `${parts(iso, language, { day: 'numeric', month: 'short' })} ${time}`;
  }
}

/** "ikväll", "i morgon kväll", "tors kväll", "kvällen 12 juni". */
function whichEvening(iso: string, nowMs: number, language: Language): string {
  const sv = language === 'sv';
  switch (dayRelation(iso, nowMs)) {
    case 'today': return sv ? 'ikväll' : 'tonight';
    case 'tomorrow': return sv ? 'i morgon kväll' : 'tomorrow evening';
    case 'this-week': return sv ? `${parts(iso, language, { weekday: 'short' })} kväll` : `${parts(iso, language, { weekday: 'short' })} evening`;
    case 'later': {
      const date = parts(iso, language, { day: 'numeric', month: 'short' });
      return sv ? `kvällen ${date}` : `the evening of ${date}`;
    }
  }
}

/**
 * The next phone attempt's window in words, for a volunteer with a phone in hand:
 * "Ring ikväll 18–21", "Ring före tors 14:00", "Ring tidigast 16:00 i dag, före i morgon 10:00".
 */
export function attemptWindowText(next: NextAttempt, nowMs: number, language: Language): string {
  const sv = language === 'sv';
  const fromMs = Date.parse(next.from);
  const toMs = Date.parse(next.to);
  if (toMs <= nowMs) return sv ? 'Ring så snart du kan' : 'Call as soon as you can';
  const started = fromMs <= nowMs + NOW_SLACK_MS;
  if (next.evening) {
    if (started) return sv ? `Ring nu ikväll, före ${clock(next.to, language)}` : `Call now this evening, before ${clock(next.to, language)}`;
    const range = `${shortClock(next.from, language)}–${shortClock(next.to, language)}`;
    return sv ? `Ring ${whichEvening(next.from, nowMs, language)} ${range}` : `Call ${whichEvening(next.from, nowMs, language)} ${range}`;
  }
  const before = when(next.to, nowMs, language);
  if (started) return sv ? `Ring före ${before}` : `Call before ${before}`;
  const from = when(next.from, nowMs, language);
  return sv ? `Ring tidigast ${from}, före ${before}` : `Call no earlier than ${from}, before ${before}`;
}
