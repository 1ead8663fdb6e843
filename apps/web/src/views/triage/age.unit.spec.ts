import { describe, expect, it } from 'vitest';
import { ageOn, birthDateOf, suggestedParty } from './age';

describe('the age a triage case is routed by', () => {
  it('reads the birth date as given, or from a personnummer in its 12- and 10-digit forms and a samordningsnummer', () => {
    expect(birthDateOf({ birthDate: '2010-02-03' }, '2025-06-10')).toBe('2010-02-03');
    expect(birthDateOf({ personalIdentityNumber: '198504121234' }, '2025-06-10')).toBe('1985-04-12');
    expect(birthDateOf({ personalIdentityNumber: '850412-1234' }, '2025-06-10')).toBe('1985-04-12');
    expect(birthDateOf({ personalIdentityNumber: '100203-1234' }, '2025-06-10')).toBe('2010-02-03');
    expect(birthDateOf({ personalIdentityNumber: '100203+1234' }, '2025-06-10')).toBe('1910-02-03');
    expect(birthDateOf({ personalIdentityNumber: '850472-1234' }, '2025-06-10')).toBe('1985-04-12');
    expect(birthDateOf({}, '2025-06-10')).toBeNull();
  });

  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2004-06-10', '2025-06-10')).toBe(21);
    expect(ageOn('2004-06-11', '2025-06-10')).toBe(20);
  });

  it('suggests Stödcentrum under 21 and leaves the jour to the coordinator otherwise', () => {
    expect(suggestedParty(20)).toBe('stodcentrum');
    expect(suggestedParty(21)).toBeUndefined();
    expect(suggestedParty(null)).toBeUndefined();
  });
});
