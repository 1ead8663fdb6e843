import fc from 'fast-check';
import { decideCase } from '../src/case/decide-case';
import { initialCaseState } from '../src/case/case-state';
import { defaultCoveragePolicy } from '../src/config/default-policies';
import { parsePersonalIdentityNumber } from '../src/identity/personal-identity-number';
import { routeCase } from '../src/routing/route-case';
import { ORG_IDS } from '../src/shared/org';
import { receiveHandover } from '../testing/case-fixtures';
import { syntheticPersonnummer } from '../testing/synthetic-personnummer';

const SEED = { seed: 42 };
const OWNERS = [...ORG_IDS, 'triage'];
const KNOWN_PLACES = [
  ...Object.values(defaultCoveragePolicy.districtByKey),
  ...Object.keys(defaultCoveragePolicy.districtByKey),
  ...Object.values(defaultCoveragePolicy.municipalityByKey),
  'Uppsala',
  'Nacka',
];

const stockholmDate = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
const stockholmTime = (ms: number) => new Date(ms).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm' });

/** The oracle, written apart from the library: the day someone turns 21 (29 Feb → 1 Mar). */
function twentyFirstBirthday(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4)) + 21;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return birthDate.slice(5) === '02-29' && !leap ? `${year}-03-01` : `${year}${birthDate.slice(4)}`;
}
const under21 = (birthDate: string, instantMs: number) => stockholmDate(instantMs) < twentyFirstBirthday(birthDate);

/** The instant a Stockholm date begins: midnight at UTC+1 or UTC+2, whichever it is that day. */
const stockholmMidnight = (date: string) =>
  [1, 2].map((h) => Date.parse(`${date}T00:00:00+0${h}:00`)).find((ms) => stockholmTime(ms) === '00:00:00')!;

/** `+` for someone 100 or older on the Stockholm date of `receivedMs`, as the number would be written. */
function separatorFor(birthDate: string, receivedMs: number): '+' | '-' {
  const today = stockholmDate(receivedMs);
  return `${Number(today.slice(0, 4)) - 100}${today.slice(4)}` >= birthDate ? '+' : '-';
}

const instant = fc.date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true });
/** A birth date on or before the receipt's Stockholm date, up to 110 years earlier. */
const birthBefore = (receivedMs: number) =>
  fc
    .date({ min: new Date(receivedMs - 110 * 365.25 * 86_400_000), max: new Date(receivedMs), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10))
    .filter((date) => date <= stockholmDate(receivedMs));

const spelling = fc.oneof(
  fc.constantFrom(...KNOWN_PLACES),
  fc.constantFrom(...KNOWN_PLACES).map((name) => name.toUpperCase()),
  fc.constantFrom(...KNOWN_PLACES).map((name) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()),
  fc.string({ maxLength: 60 }),
);
const area = fc.record({ municipality: spelling, district: fc.option(spelling, { nil: undefined }) });

describe('routing properties', () => {
  it('routeCase is total: any age and any area text give an org or triage', () =>
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 130 }), { nil: null }), fc.option(area, { nil: undefined }), (age, where) => {
        expect(OWNERS).toContain(routeCase(age, where, defaultCoveragePolicy).routedTo);
      }),
      { ...SEED, numRuns: 2000 },
    ));

  it('every valid handover is received by an org or triage, never thrown or dropped', () =>
    fc.assert(
      fc.property(
        instant.chain((received) =>
          fc.record({
            receivedMs: fc.constant(received.getTime()),
            birthDate: fc.option(birthBefore(received.getTime()), { nil: undefined }),
            victimBirthDate: fc.option(birthBefore(received.getTime()), { nil: undefined }),
            useNumber: fc.boolean(),
            role: fc.constantFrom('victim' as const, 'witness' as const, 'relative' as const),
            area,
          }),
        ),
        ({ receivedMs, birthDate, victimBirthDate, useNumber, role, area: where }) => {
          const at = new Date(receivedMs).toISOString();
          const number =
            birthDate && useNumber ? syntheticPersonnummer(birthDate, { separator: separatorFor(birthDate, receivedMs) }) : undefined;
          const command = receiveHandover(
            {
              handedOverAt: at,
              person: { role, birthDate, personalIdentityNumber: number },
              victimBirthDate,
              area: where,
              consent: { subject: true, guardian: true },
            },
            { now: at },
          );
          const answer = decideCase(command, initialCaseState);
          if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
          expect(OWNERS).toContain(answer.events[0]!.data.org);
        },
      ),
      { ...SEED, numRuns: 1000 },
    ));

  it('the age boundary holds: Stödcentrum if and only if under 21 on the Stockholm date of receipt', () =>
    fc.assert(
      fc.property(
        instant.chain((received) => fc.tuple(fc.constant(received.getTime()), birthBefore(received.getTime()))),
        ([receivedMs, birthDate]) => {
          const at = new Date(receivedMs).toISOString();
          const command = receiveHandover({ handedOverAt: at, person: { birthDate }, consent: { subject: true, guardian: true } }, { now: at });
          const answer = decideCase(command, initialCaseState);
          if (!answer.ok) throw new Error(answer.error.message);
          expect(answer.events[0]!.data.org === 'stodcentrum').toBe(under21(birthDate, receivedMs));
        },
      ),
      { ...SEED, numRuns: 3000 },
    ));

  it('the age boundary holds right at the 21st birthday, to the Stockholm midnight', () =>
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1980-01-01'), max: new Date('2009-12-31'), noInvalidDate: true }),
        fc.constantFrom(-1000, -1, 0, 1, 1000),
        (born, offsetMs) => {
          const birthDate = born.toISOString().slice(0, 10);
          const receivedMs = stockholmMidnight(twentyFirstBirthday(birthDate)) + offsetMs;
          const at = new Date(receivedMs).toISOString();
          const command = receiveHandover({ handedOverAt: at, person: { birthDate } }, { now: at });
          const answer = decideCase(command, initialCaseState);
          if (!answer.ok) throw new Error(answer.error.message);
          expect(answer.events[0]!.data.org === 'stodcentrum').toBe(offsetMs < 0);
        },
      ),
      { ...SEED, numRuns: 1000 },
    ));

  it('a synthetic number of any birth date within 100 years reads back that date', () =>
    fc.assert(
      fc.property(
        instant.chain((received) => fc.tuple(fc.constant(received.getTime()), birthBefore(received.getTime()), fc.boolean())),
        ([receivedMs, birthDate, coordination]) => {
          const [y, m, d] = stockholmDate(receivedMs).split('-').map(Number) as [number, number, number];
          const number = syntheticPersonnummer(birthDate, { coordination, separator: separatorFor(birthDate, receivedMs) });
          const parsed = parsePersonalIdentityNumber(number, { year: y, month: m, day: d });
          expect(parsed).toMatchObject({ ok: true, value: { birthDate } });
        },
      ),
      { ...SEED, numRuns: 2000 },
    ));
});
