import { CalendarDate, addDays } from './calendar-date';
import { offsetMsAt } from './zone-offsets';

/** Every local time the service reasons about is in this zone. */
export const STOCKHOLM = 'Europe/Stockholm';

export interface LocalDateTime extends CalendarDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The wall-clock date and time of an instant in a zone (default Europe/Stockholm). */
export function localDateTimeOf(instantMs: number, timeZone: string = STOCKHOLM): LocalDateTime {
  const wall = new Date(instantMs + offsetMsAt(instantMs, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

export function localDateOf(instantMs: number, timeZone: string = STOCKHOLM): CalendarDate {
  const { year, month, day } = localDateTimeOf(instantMs, timeZone);
  return { year, month, day };
}

/** Seconds since local midnight: compare against a window like 18:00-21:00. */
export function localSecondOfDay(instantMs: number, timeZone: string = STOCKHOLM): number {
  const { hour, minute, second } = localDateTimeOf(instantMs, timeZone);
  return hour * 3600 + minute * 60 + second;
}

/**
 * The instant at which the zone's clocks show `local`. A wall time skipped by a spring-forward
 * change (02:30 on the last Sunday of March) resolves to the instant one hour later in wall
 * time (03:30); a time shown twice in autumn resolves to the first (summer-time) occurrence.
 */
export function instantOfLocal(local: LocalDateTime, timeZone: string = STOCKHOLM): number {
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const offsetBefore = offsetMsAt(wallAsUtc - 86_400_000, timeZone);
  const offsetAfter = offsetMsAt(wallAsUtc + 86_400_000, timeZone);
  const candidates = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter]
    .filter((ms) => offsetMsAt(ms, timeZone) === wallAsUtc - ms)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;
  // Skipped wall time: the clocks jumped over it, so read it with the offset from before the jump.
  return wallAsUtc - offsetBefore;
}

/**
 * The same wall-clock time `days` calendar days later, in the zone: across a daylight-saving
 * change this is 23 or 25 hours per day crossed, not 24.
 */
export function addLocalCalendarDays(instantMs: number, days: number, timeZone: string = STOCKHOLM): number {
  const local = localDateTimeOf(instantMs, timeZone);
  const date = addDays(local, days);
  const millis = ((instantMs % 1000) + 1000) % 1000;
  return instantOfLocal({ ...local, ...date }, timeZone) + millis;
}

const wallMs = (local: LocalDateTime): number =>
  Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);

/** The first instant in `(low, high]` for which `after` holds, given it holds at `high` and not at `low`. */
function firstWhere(low: number, high: number, after: (ms: number) => boolean): number {
  while (high - low > 1000) {
    const mid = Math.floor((low + high) / 2000) * 1000;
    if (mid <= low || mid >= high) break;
    if (after(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * The instants of one local day whose wall-clock time lies in `[from, to)`, as the first
 * unbroken stretch: a wall time skipped by a spring-forward change starts (or ends) the stretch
 * at the moment of the change, and a fall-back change that would show earlier times again ends it.
 */
export function wallClockSpan(from: LocalDateTime, to: LocalDateTime, timeZone: string = STOCKHOLM): { start: number; end: number } {
  const start = firstInstantShowing(from, timeZone);
  let end = firstInstantShowing(to, timeZone);
  if (end > start && offsetMsAt(end, timeZone) < offsetMsAt(start, timeZone)) {
    const offsetAtStart = offsetMsAt(start, timeZone);
    const fallBack = firstWhere(start, end, (ms) => offsetMsAt(ms, timeZone) < offsetAtStart);
    if (wallMs(localDateTimeOf(fallBack, timeZone)) < wallMs(from)) end = fallBack;
  }
  return { start, end: Math.max(start, end) };
}

/** The first instant whose wall-clock time is `local` or, where `local` was skipped, the change itself. */
function firstInstantShowing(local: LocalDateTime, timeZone: string): number {
  const instant = instantOfLocal(local, timeZone);
  if (wallMs(localDateTimeOf(instant, timeZone)) === wallMs(local)) return instant;
  return firstWhere(instant - 3 * 3_600_000, instant, (ms) => wallMs(localDateTimeOf(ms, timeZone)) >= wallMs(local));
}
