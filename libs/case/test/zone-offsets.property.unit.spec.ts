import fc from 'fast-check';
import { localDateTimeOf } from '../src/time/zoned-time';

/** What Intl itself says the wall clock shows, the reference the cached offsets must match. */
function intlWallClock(instantMs: number, timeZone: string) {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instantMs))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

// Stockholm, and zones whose offsets or changes are not whole hours (the cache must not assume so).
const ZONES = ['Europe/Stockholm', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns', 'Asia/Kathmandu'];
const from = Date.UTC(1970, 0, 1);
const to = Date.UTC(2060, 0, 1);

describe('wall-clock time from cached zone offsets', () => {
  it('given any instant in any zone, shows what Intl shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...ZONES), (instant, zone) => {
        expect(localDateTimeOf(instant, zone)).toEqual(intlWallClock(instant, zone));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('given every minute around the Stockholm changes of 2026 (and asked twice, so the cache answers), shows what Intl shows', () => {
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let ms = change - 2 * 3_600_000; ms <= change + 2 * 3_600_000; ms += 60_000 - 1) {
        for (let pass = 0; pass < 2; pass += 1) expect(localDateTimeOf(ms)).toEqual(intlWallClock(ms, 'Europe/Stockholm'));
      }
    }
  });

  it('given the Lord Howe half-hour change, every minute of its hour is right', () => {
    // 2026-04-05 02:00 local (+11) falls back to 01:30 (+10:30): 2026-04-04T15:00Z.
    const change = Date.UTC(2026, 3, 4, 15);
    for (let ms = change - 3_600_000; ms <= change + 3_600_000; ms += 60_000) {
      expect(localDateTimeOf(ms, 'Australia/Lord_Howe')).toEqual(intlWallClock(ms, 'Australia/Lord_Howe'));
    }
  });
});
