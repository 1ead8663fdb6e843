import { describe, expect, it } from 'vitest';
import { caseActionRights } from './permissions';

const claims = (org: string, ...roles: string[]) => ({ sub: 'u', org, roles, exp: null });
const open = { org: 'boj-vasterort', status: 'open' as const, person: {} };

describe('what a caller may do to a case', () => {
  it('gives a coordinator of the case\'s org every action on an open case, and nothing on another org\'s', () => {
    expect(caseActionRights(claims('boj-vasterort', 'coordinator'), open)).toEqual({ assign: true, close: true, override: true, erase: true, route: false });
    expect(caseActionRights(claims('boj-sodra-stockholm', 'coordinator'), open)).toEqual({ assign: false, close: false, override: false, erase: false, route: false });
  });

  it('lets Stödcentrum staff close (without the override), never assign or erase', () => {
    const view = { ...open, org: 'stodcentrum' };
    expect(caseActionRights(claims('stodcentrum', 'staff'), view)).toEqual({ assign: false, close: true, override: false, erase: false, route: false });
  });

  it('offers a closed case only erasure, and an erased one nothing more', () => {
    expect(caseActionRights(claims('boj-vasterort', 'coordinator'), { ...open, status: 'closed' })).toEqual({ assign: false, close: false, override: false, erase: true, route: false });
    expect(caseActionRights(claims('boj-vasterort', 'coordinator'), { ...open, status: 'closed', person: { personalData: 'erased' } }).erase).toBe(false);
  });

  it('lets the city\'s coordinators route and close a triage case, not assign it; volunteers get nothing here', () => {
    const triage = { org: 'triage', status: 'triage' as const, person: {} };
    expect(caseActionRights(claims('city', 'coordinator'), triage)).toEqual({ assign: false, close: true, override: true, erase: true, route: true });
    expect(caseActionRights(claims('boj-vasterort', 'volunteer'), open).close).toBe(false);
  });
});
