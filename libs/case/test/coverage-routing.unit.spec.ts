import { defaultCoveragePolicy as coverage } from '../src/config/default-policies';
import { placeKey } from '../src/config/place-name';
import { resolveArea } from '../src/routing/resolve-area';
import { routeCase } from '../src/routing/route-case';

const jourFor = (municipality: string, district?: string) =>
  resolveArea({ municipality, ...(district !== undefined ? { district } : {}) }, coverage).jour;

describe('coverage and routing', () => {
  describe('place names match whatever the case, accents and separators', () => {
    it.each([
      ['Järva', 'jarva'],
      ['JÄRVA', 'jarva'],
      ['  Hägersten–Älvsjö ', 'hagersten alvsjo'],
      ['hagersten-alvsjo', 'hagersten alvsjo'],
      ['Enskede - Årsta -  Vantör', 'enskede arsta vantor'],
    ])('%s is %s', (name, key) => expect(placeKey(name)).toBe(key));
  });

  describe('given the city districts of today', () => {
    it.each([
      ['Norra innerstaden', 'boj-stockholm-gotland'],
      ['Kungsholmen', 'boj-stockholm-gotland'],
      ['Södermalm', 'boj-stockholm-gotland'],
      ['Enskede-Årsta-Vantör', 'boj-sodra-stockholm'],
      ['Farsta', 'boj-sodra-stockholm'],
      ['Hägersten-Älvsjö', 'boj-sodra-stockholm'],
      ['Skarpnäck', 'boj-sodra-stockholm'],
      ['Skärholmen', 'boj-sodra-stockholm'],
      ['Bromma', 'boj-vasterort'],
      ['Hässelby-Vällingby', 'boj-vasterort'],
      ['Järva', 'boj-vasterort'],
    ])('%s is covered by %s', (district, jour) => expect(jourFor('Stockholm', district)).toBe(jour));
  });

  describe('given old district names and loose spellings', () => {
    it.each([
      ['Rinkeby-Kista', 'Järva', 'boj-vasterort'],
      ['Spånga-Tensta', 'Järva', 'boj-vasterort'],
      ['spanga tensta', 'Järva', 'boj-vasterort'],
      ['Norrmalm', 'Norra innerstaden', 'boj-stockholm-gotland'],
      ['ÖSTERMALM', 'Norra innerstaden', 'boj-stockholm-gotland'],
      ['Hägersten-Liljeholmen', 'Hägersten-Älvsjö', 'boj-sodra-stockholm'],
      ['Alvsjo', 'Hägersten-Älvsjö', 'boj-sodra-stockholm'],
      ['Jarva', 'Järva', 'boj-vasterort'],
      ['hagersten-alvsjo', 'Hägersten-Älvsjö', 'boj-sodra-stockholm'],
    ])('%s reads as %s (%s)', (spelling, district, jour) => {
      expect(resolveArea({ municipality: 'stockholm', district: spelling }, coverage)).toEqual({
        municipality: 'Stockholm',
        district,
        jour,
      });
    });
  });

  describe('given municipalities outside the city', () => {
    it.each([
      ['Solna', 'boj-vasterort'],
      ['sundbyberg', 'boj-vasterort'],
      ['Ekerö', 'boj-vasterort'],
      ['Järfälla', 'boj-stockholm-gotland'],
      ['Upplands Väsby', 'boj-stockholm-gotland'],
      ['upplands-bro', 'boj-stockholm-gotland'],
      ['LIDINGO', 'boj-stockholm-gotland'],
      ['Gotland', 'boj-stockholm-gotland'],
      ['Region Gotland', 'boj-stockholm-gotland'],
    ])('%s is covered by %s', (municipality, jour) => expect(jourFor(municipality)).toBe(jour));

    it('a district in the municipality field is read as that district', () => expect(jourFor('Bromma')).toBe('boj-vasterort'));
    it('a district outside the city is not looked up', () => expect(jourFor('Solna', 'Farsta')).toBe('boj-vasterort'));
  });

  describe('routing', () => {
    const bromma = { municipality: 'Stockholm', district: 'Bromma' };

    it('sends anyone under 21 to Stödcentrum, wherever they live', () => {
      expect(routeCase(20, bromma, coverage)).toMatchObject({ routedTo: 'stodcentrum', reason: 'age-under-21' });
      expect(routeCase(9, { municipality: 'Nowhere' }, coverage)).toMatchObject({ routedTo: 'stodcentrum' });
    });

    it('sends 21 and older to the jour covering the area', () =>
      expect(routeCase(21, bromma, coverage)).toEqual({
        routedTo: 'boj-vasterort',
        reason: 'area-covered',
        matchedArea: { municipality: 'Stockholm', district: 'Bromma' },
      }));

    describe('falls back to triage', () => {
      it.each([
        ['age unknown', null, bromma, 'age-unknown'],
        ['a municipality no jour covers', 40, { municipality: 'Uppsala' }, 'area-not-covered'],
        ['a city address without a district', 40, { municipality: 'Stockholm' }, 'area-not-covered'],
        ['an unknown district', 40, { municipality: 'Stockholm', district: 'Atlantis' }, 'area-not-covered'],
        ['no area at all', 40, undefined, 'area-missing'],
      ] as const)('%s', (_what, age, area, reason) =>
        expect(routeCase(age, area, coverage)).toMatchObject({ routedTo: 'triage', reason }),
      );
    });
  });
});
