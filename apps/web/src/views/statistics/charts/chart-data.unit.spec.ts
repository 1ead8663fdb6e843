import { describe, expect, it } from 'vitest';
import { party, report } from '../report.fixture';
import { casesPerMonth, crimeMix, indexOfMax, onTimePerMonth, satisfactionOf, sumSeries, type MonthReport } from './chart-data';
import { contrast, PALETTE, seriesStyle } from './palette';

const sla = (onTime: number, late: number) => ({ firstContactOnTime: onTime, firstContactLate: late, firstContactOpen: 0, reachAttemptsMet: 0, reachAttemptsBreached: 0 });
const months: MonthReport[] = [
  { month: '2025-04', report: report([party('stodcentrum', { handledCases: { total: 2, byGender: {} } }), party('boj-vasterort', { handledCases: { total: 5, byGender: {} }, sla: sla(3, 1) })]) },
  { month: '2025-05', report: report([party('stodcentrum'), party('boj-vasterort', { handledCases: { total: 1, byGender: {} } })]) },
];

describe('monthly chart data', () => {
  it('gives cases per month, one series per party in order', () => {
    expect(casesPerMonth(months)).toEqual({ months: ['2025-04', '2025-05'], series: [{ key: 'stodcentrum', values: [2, 0] }, { key: 'boj-vasterort', values: [5, 1] }] });
  });
  it('gives the on-time share per month, a gap where nothing was decided, and leaves out a party with nothing decided at all', () => {
    expect(onTimePerMonth(months)).toEqual({ months: ['2025-04', '2025-05'], series: [{ key: 'boj-vasterort', values: [0.75, null] }] });
  });
  it('sums series month by month and finds the largest', () => {
    const { series } = casesPerMonth(months);
    expect(sumSeries(series)).toEqual([7, 1]);
    expect([indexOfMax([1, 4, 4]), indexOfMax([null, 2]), indexOfMax([])]).toEqual([1, 1, -1]);
  });
});

describe('crime-type mix', () => {
  it('stacks each party\'s shares by category, most common overall first, parties without cases left out', () => {
    const mix = crimeMix(report([
      party('stodcentrum', { handledCases: { total: 4, byGender: {} }, crimeTypes: [{ category: 'ran', cases: 3, share: 0.75 }, { category: 'olaga-hot', cases: 1, share: 0.25 }] }),
      party('boj-sodra-stockholm'),
      party('boj-vasterort', { handledCases: { total: 2, byGender: {} }, crimeTypes: [{ category: 'olaga-hot', cases: 2, share: 1 }] }),
    ]));
    expect(mix).toEqual({
      parties: ['stodcentrum', 'boj-vasterort'],
      categories: ['olaga-hot', 'ran'],
      series: [{ key: 'olaga-hot', values: [0.25, 1] }, { key: 'ran', values: [0.75, 0] }],
    });
  });
});

describe('satisfaction', () => {
  it('gives the parties with answers, their averages and per question', () => {
    const s = satisfactionOf(report([
      party('stodcentrum'),
      party('boj-vasterort', { satisfaction: { responses: 2, average: 4.2, byQuestion: { bemotande: 4.5, hjalp: null } } }),
    ]), ['bemotande', 'hjalp']);
    expect(s).toEqual({ parties: ['boj-vasterort'], responses: [2], averages: [4.2], series: [{ key: 'bemotande', values: [4.5] }, { key: 'hjalp', values: [null] }] });
  });
});

describe('chart colours', () => {
  it('each has at least 3:1 contrast against white', () => {
    for (const colour of PALETTE) expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
  it('no two of the first twelve series look the same', () => {
    const looks = Array.from({ length: 12 }, (_, i) => { const s = seriesStyle(i); return `${s.color} ${s.pattern}`; });
    expect(new Set(looks).size).toBe(12);
  });
});
