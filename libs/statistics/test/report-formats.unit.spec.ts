import { assembleReport, defaultCountingPolicy, formatChange, genderKey, previousPeriod, reportToCsv, reportToHtml } from '../src';
import type { CountRow } from '../src/report/assemble-report';

const rows: CountRow[] = [
  { org: 'boj-vasterort', figure: 'handled-cases', key: 'K', n: 3 },
  { org: 'boj-vasterort', figure: 'handled-cases', key: '=GF<b>', n: 1 },
  { org: 'boj-vasterort', figure: 'handled-cases', key: 'M', n: 0 },
  { org: 'boj-vasterort', figure: 'crime-type', key: 'ran', n: 2 },
  { org: 'boj-vasterort', figure: 'crime-type', key: 'bedrageri', n: 2 },
  { org: 'boj-vasterort', figure: 'flag', key: 'gangrelaterat', n: 1 },
  { org: 'boj-vasterort', figure: 'sla', key: 'first-contact-late', n: 1 },
  { org: 'stodcentrum', figure: 'actions', key: 'M', n: 2 },
  { org: 'boj-vasterort', figure: 'trainings', key: 'basic', n: 2 },
  { org: 'boj-vasterort', figure: 'trainings', key: 'further', n: 7 },
  { org: 'stodcentrum', figure: 'trainings', key: 'further', n: 1 },
];
const volunteers = [{ org: 'boj-vasterort', genderKey: 'K', n: 2 }, { org: 'stodcentrum', genderKey: 'K', n: 5 }];
const report = assembleReport({ from: '2024-01-01', to: '2024-03-31' }, rows, volunteers, defaultCountingPolicy);

describe('the report from summed counts', () => {
  it('keeps the contract order, leaves zero keys out, ranks crime types by cases then name, and gives Stödcentrum no support persons', () => {
    expect(report.parties.map((p) => p.org)).toEqual(['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort']);
    const vasterort = report.parties[3]!;
    expect(vasterort.handledCases).toEqual({ total: 4, byGender: { K: 3, '=GF<b>': 1 } });
    expect(vasterort.crimeTypes).toEqual([{ category: 'bedrageri', cases: 2, share: 0.5 }, { category: 'ran', cases: 2, share: 0.5 }]);
    expect(vasterort.supportPersons).toEqual({ total: 2, byGender: { K: 2 } });
    expect(report.parties[0]!.supportPersons).toEqual({ total: 0, byGender: {} });
    expect(report.total).toEqual({ handledCases: 4, directContacts: 0, actions: 2, supportPersons: 2, linksReceived: 0 });
  });

  it('gives each party the training sessions it held, by kind (zero when none)', () => {
    expect(report.parties.map((p) => p.trainings)).toEqual([
      { basic: 0, further: 1 }, { basic: 0, further: 0 }, { basic: 0, further: 0 }, { basic: 2, further: 7 },
    ]);
  });
});

describe('gender keys', () => {
  it('K, M, the label for other (or other), unknown', () => {
    expect([genderKey('female'), genderKey('male'), genderKey('other', 'IB'), genderKey('other'), genderKey('unknown')])
      .toEqual(['K', 'M', 'IB', 'other', 'unknown']);
  });
});

describe('csv', () => {
  const csv = reportToCsv(report);
  const lines = csv.trimEnd().split('\r\n');
  it('has a header row, one row per party in order and a total row', () => {
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^org,from,to,handledCases,handledCases\.K,handledCases\.=GF<b>,directContacts/);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort', 'total']);
    expect(lines[0]).toContain('crimeType.bedrageri,crimeType.ran,flag.gangrelaterat,flag.vald-i-nara-relation,flag.hedersrelaterat,sla.firstContactOnTime');
  });
  it('sums every column in the total row and defuses formulas', () => {
    const header = lines[0]!.split(',');
    const total = lines[5]!.split(',');
    expect(total[header.indexOf('handledCases')]).toBe('4');
    expect(total[header.indexOf('actions')]).toBe('2');
    expect(total[header.indexOf('sla.firstContactLate')]).toBe('1');
    expect(csv).not.toMatch(/(^|,)=GF/m);
  });
  it('ends with the training columns, summed in the total row', () => {
    const header = lines[0]!.split(',');
    expect(header.slice(-2)).toEqual(['trainings.basic', 'trainings.further']);
    expect(lines.slice(1).map((line) => line.split(',').slice(-2).join(' '))).toEqual(['0 1', '0 0', '0 0', '2 7', '2 8']);
  });
});

describe('html', () => {
  const html = reportToHtml(report, assembleReport(previousPeriod(report.period), [{ org: 'boj-vasterort', figure: 'handled-cases', key: 'K', n: 3 }], [], defaultCountingPolicy));
  it('is one self-contained page with no scripts and every text escaped', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|src=|href=/i);
    expect(html).toContain('=GF&lt;b&gt;');
    expect(html).not.toContain('<b>');
  });
  it('shows each party, the split under the figures, crime types, flags and the change against the previous period', () => {
    expect(html).toContain('Brottsofferjouren Västerort');
    expect(html).toContain('<td>bedrageri</td><td>2</td><td>50 %</td>');
    expect(html).toContain('Gängrelaterat');
    expect(html).toContain('+33 %');
  });
  it('shows the training sessions each party held', () => {
    expect(html).toContain('<tr><td>Grundutbildningar</td><td>2</td></tr><tr><td>Vidareutbildningar</td><td>7</td></tr>');
  });
  it('compares with the period of the same length just before', () => {
    expect(previousPeriod({ from: '2024-04-01', to: '2025-03-31' })).toEqual({ from: '2023-04-02', to: '2024-03-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-01-30', to: '2024-02-29' });
  });
  it('writes changes as the yearly report does', () => {
    expect([formatChange(134, 100), formatChange(50, 100), formatChange(7, 7), formatChange(3, 0), formatChange(0, 0)])
      .toEqual(['+34 %', '-50 %', '±0 %', '–', '±0 %']);
  });
});
