/**
 * A zone's UTC offset at an instant, from a bounded cache of whole UTC hours: Intl is asked
 * once per hour of the timeline and per zone, not once per call. An hour whose start and end
 * have different offsets holds a change (never more than one per hour in the tz database) and is
 * not cached: each instant in it is asked of Intl, so the answer is always Intl's own.
 */
const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 200_000; // ~23 years of hours per zone; cleared, not grown, beyond

const formatters = new Map<string, Intl.DateTimeFormat>();
const hourOffsets = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Intl's answer: the wall time at the whole second of `instantMs`, minus that second, in ms. */
export function intlOffsetMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

export function offsetMsAt(instantMs: number, timeZone: string): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  let zone = hourOffsets.get(timeZone);
  if (!zone) hourOffsets.set(timeZone, (zone = new Map()));
  const cached = zone.get(hour);
  if (cached !== undefined) return cached;
  const atStart = intlOffsetMs(hour * HOUR_MS, timeZone);
  const atEnd = intlOffsetMs((hour + 1) * HOUR_MS - 1000, timeZone);
  if (atStart !== atEnd) return intlOffsetMs(instantMs, timeZone);
  if (zone.size >= MAX_CACHED_HOURS) zone.clear();
  zone.set(hour, atStart);
  return atStart;
}
