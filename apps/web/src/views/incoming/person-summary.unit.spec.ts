import { describe, expect, it } from 'vitest';
import { ageOn, birthDateOf, personName } from './person-summary';

describe('who the case is about', () => {
  it('joins the names the API gives, or says there is none', () => {
    expect(personName({ givenName: 'Ung', familyName: 'Fiktiv' })).toBe('Ung Fiktiv');
    expect(personName({ personalData: 'erased' })).toBeNull();
  });

  it('reads the birth date from birthDate, else from a 12-digit number (coordination numbers too)', () => {
    expect(birthDateOf({ birthDate: '2010-03-03' })).toBe('2010-03-03');
    expect(birthDateOf({ personalIdentityNumber: '20080505-9805' })).toBe('2008-05-05');
    expect(birthDateOf({ personalIdentityNumber: '200805659805' })).toBe('2008-05-05');
    expect(birthDateOf({ personalIdentityNumber: '080505-9805' })).toBeNull();
  });

  it('counts whole years, the birthday itself included', () => {
    expect(ageOn({ birthDate: '2008-12-02' }, '2026-12-01')).toBe(17);
    expect(ageOn({ birthDate: '2008-12-02' }, '2026-12-02')).toBe(18);
    expect(ageOn({}, '2026-12-02')).toBeNull();
  });
});
