import { describe, expect, it } from 'vitest';
import { labelOf, ORGS } from '@referral/labels';
import { interpolate } from '../../i18n/i18n';
import { describeArrivals } from './arrivals';
import { incomingMessages, type IncomingT } from './messages';

const sv: IncomingT = (key, vars) => interpolate(incomingMessages.sv[key], vars);
const en: IncomingT = (key, vars) => interpolate(incomingMessages.en[key], vars);
const orgSv = (org: string) => labelOf(ORGS, org, 'sv');

describe('announcing new arrivals', () => {
  it('given one link, names the org that linked it', () => {
    expect(describeArrivals([{ caseId: 'a', source: 'link', linkedFrom: 'boj-vasterort' }], sv, orgSv)).toBe('1 ny länkning från Brottsofferjouren Västerort');
  });

  it('given links from two orgs and two other cases, groups them', () => {
    const arrivals = [
      { caseId: 'a', source: 'link', linkedFrom: 'boj-vasterort' },
      { caseId: 'b', source: 'handover' },
      { caseId: 'c', source: 'link', linkedFrom: 'boj-vasterort' },
      { caseId: 'd', source: 'link', linkedFrom: 'boj-sodra-stockholm' },
      { caseId: 'e', source: 'self-referral' },
    ];
    expect(describeArrivals(arrivals, sv, orgSv)).toBe('2 nya länkningar från Brottsofferjouren Västerort. 1 ny länkning från Brottsofferjouren Södra Stockholm. 2 nya ärenden');
  });

  it('given a link whose origin could not be read, still announces it, in English too', () => {
    expect(describeArrivals([{ caseId: 'a', source: 'link', linkedFrom: null }, { caseId: 'b', source: 'handover' }], en, (o) => labelOf(ORGS, o, 'en'))).toBe('1 new link. 1 new case');
  });
});
