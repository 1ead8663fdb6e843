import { addDays } from '../time/calendar-date';
import { localDateOf } from '../time/zoned-time';
import { DailyHours, Span, overlap, spanOn } from './local-bands';

export interface WindowRules {
  /** No window starts before this instant (now, or the pause after the last call). */
  readonly earliest: number;
  /** Every attempt still required must be an evening one. */
  readonly evening: boolean;
  readonly eveningWindow: DailyHours;
  readonly safeHours: DailyHours | null;
  /** The first-contact deadline while nobody has been contacted, else `null`. */
  readonly firstContactDue: number | null;
  readonly timeZone: string;
}

const WHOLE_DAY = { from: '00:00', to: '23:59' };
/** Every band used below recurs daily, so the first fitting window starts within two days. */
const DAYS_LOOKED_AHEAD = 3;

/**
 * The next attempt's window, starting no sooner than `earliest`. An evening one is the first
 * evening window (inside the safe hours) that has not ended; when the safe hours leave no evening
 * time at all, safety wins and the window is planned as a daytime one (closing as unreachable then
 * needs a coordinator's override). A daytime one starts in the safe hours (any hour without) and
 * runs to the first-contact deadline while nobody was contacted, else to the end of the next
 * evening window, cut to the safe hours.
 */
export function nextAttemptWindow(rules: WindowRules): (Span & { evening: boolean }) | null {
  if (rules.evening) {
    const eveningBand = overlap(rules.eveningWindow, rules.safeHours);
    const window = eveningBand && firstSpan(rules, eveningBand, (_from, band) => band.end);
    if (window) return { ...window, evening: true };
  }
  const window = firstSpan(rules, rules.safeHours, (from, band) => {
    const target = rules.firstContactDue !== null && rules.firstContactDue > from ? rules.firstContactDue : eveningEndAfter(rules, from);
    return rules.safeHours === null ? target : Math.min(target, band.end);
  });
  return window && { ...window, evening: false };
}

/** The first day's band (from `earliest` on) that still has time, cut by `end`. */
function firstSpan(rules: WindowRules, hours: DailyHours | null, end: (from: number, band: Span) => number): Span | null {
  const firstDay = localDateOf(rules.earliest, rules.timeZone);
  for (let day = 0; day < DAYS_LOOKED_AHEAD; day++) {
    const band = spanOn(addDays(firstDay, day), hours ?? WHOLE_DAY, rules.timeZone);
    const start = Math.max(band.start, rules.earliest);
    // Without safe hours any moment of the day will do: the band only bounds where `from` falls.
    if (start >= (hours === null ? band.end + 60_000 : band.end)) continue;
    return { start, end: end(start, band) };
  }
  return null;
}

/** The end of the first evening window that ends after `from`. */
function eveningEndAfter(rules: WindowRules, from: number): number {
  const day = localDateOf(from, rules.timeZone);
  const today = spanOn(day, rules.eveningWindow, rules.timeZone).end;
  return today > from ? today : spanOn(addDays(day, 1), rules.eveningWindow, rules.timeZone).end;
}
