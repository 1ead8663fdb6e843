import { describe, expect, it } from 'vitest';
import { changePercent, figureApplies, genderKeysOf, onTimeShare, satisfactionApplies, totalOf, trainingsApply } from './report-figures';
import { party, report } from './report.fixture';

describe('which figures apply', () => {
  it('gives Stödcentrum no support persons, every jour has them', () => {
    expect(figureApplies('stodcentrum', 'supportPersons')).toBe(false);
    expect(figureApplies('stodcentrum', 'handledCases')).toBe(true);
    expect(figureApplies('boj-vasterort', 'supportPersons')).toBe(true);
  });
  it('shows Stödcentrum trainings and survey only where it has some; a jour always', () => {
    expect(trainingsApply(party('stodcentrum'))).toBe(false);
    expect(trainingsApply(party('stodcentrum', { trainings: { basic: 0, further: 1 } }))).toBe(true);
    expect(satisfactionApplies(party('stodcentrum'))).toBe(false);
    expect(satisfactionApplies(party('boj-vasterort'))).toBe(true);
  });
});

describe('gender keys', () => {
  it('orders K, M, own labels alphabetically, unknown last', () => {
    expect(genderKeysOf([{ total: 3, byGender: { unknown: 1, M: 1 } }, { total: 3, byGender: { IB: 1, K: 1, GF: 1 } }]))
      .toEqual(['K', 'M', 'GF', 'IB', 'unknown']);
  });
});

describe('the total of all parties', () => {
  const total = totalOf(report([
    party('stodcentrum', {
      handledCases: { total: 2, byGender: { K: 1, IB: 1 } },
      crimeTypes: [{ category: 'ran', cases: 2, share: 1 }],
      previous: { handledCases: 1, directContacts: 0, actions: 0, supportPersons: 0, linksReceived: 0 },
    }),
    party('boj-vasterort', {
      handledCases: { total: 4, byGender: { K: 3, M: 1 } },
      crimeTypes: [{ category: 'olaga-hot', cases: 3, share: 0.75 }, { category: 'ran', cases: 1, share: 0.25 }],
      sla: { firstContactOnTime: 3, firstContactLate: 1, firstContactOpen: 0, reachAttemptsMet: 2, reachAttemptsBreached: 1 },
      satisfaction: { responses: 2, average: 4.5, byQuestion: { bemotande: 4.5 } },
      previous: { handledCases: 2, directContacts: 0, actions: 0, supportPersons: 3, linksReceived: 0 },
    }),
  ]));
  it('sums each figure and its gender split', () => {
    expect(total.handledCases).toEqual({ total: 6, byGender: { K: 4, IB: 1, M: 1 } });
    expect(total.previous).toMatchObject({ handledCases: 3, supportPersons: 3 });
    expect(total.sla.firstContactOnTime).toBe(3);
  });
  it('adds up crime types, most cases first, as shares of all cases', () => {
    expect(total.crimeTypes).toEqual([{ category: 'olaga-hot', cases: 3, share: 0.5 }, { category: 'ran', cases: 3, share: 0.5 }]);
  });
  it('counts the answers but does not average averages', () => {
    expect(total.satisfaction).toEqual({ responses: 2, average: null, byQuestion: {} });
  });
});

describe('change and shares', () => {
  it('gives the change in whole percent, none with nothing before, zero for nothing both times', () => {
    expect([changePercent(134, 100), changePercent(50, 100), changePercent(3, 0), changePercent(0, 0)]).toEqual([34, -50, null, 0]);
  });
  it('takes the on-time share over decided first contacts only', () => {
    expect(onTimeShare({ firstContactOnTime: 3, firstContactLate: 1, firstContactOpen: 5, reachAttemptsMet: 0, reachAttemptsBreached: 0 })).toBe(0.75);
    expect(onTimeShare({ firstContactOnTime: 0, firstContactLate: 0, firstContactOpen: 5, reachAttemptsMet: 0, reachAttemptsBreached: 0 })).toBeNull();
  });
});
