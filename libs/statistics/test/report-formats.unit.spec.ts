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
  // Two answers for Västerort: {bemotande 5, hjalp 4} and {bemotande 4, hjalp 3, rekommendera 5}.
  { org: 'boj-vasterort', figure: 'survey-responses', key: 'all', n: 2 },
  { org: 'boj-vasterort', figure: 'survey-score-sum', key: 'bemotande', n: 9 },
  { org: 'boj-vasterort', figure: 'survey-scored', key: 'bemotande', n: 2 },
  { org: 'boj-vasterort', figure: 'survey-score-sum', key: 'hjalp', n: 7 },
  { org: 'boj-vasterort', figure: 'survey-scored', key: 'hjalp', n: 2 },
  { org: 'boj-vasterort', figure: 'survey-score-sum', key: 'rekommendera', n: 5 },
  { org: 'boj-vasterort', figure: 'survey-scored', key: 'rekommendera', n: 1 },
];
const previousRows: CountRow[] = [
  { org: 'boj-vasterort', figure: 'handled-cases', key: 'K', n: 3 },
  { org: 'stodcentrum', figure: 'actions', key: 'K', n: 4 },
];
const volunteers = [{ org: 'boj-vasterort', genderKey: 'K', n: 2 }, { org: 'stodcentrum', genderKey: 'K', n: 5 }];
const report = assembleReport(
  { period: { from: '2024-01-01', to: '2024-03-31' }, rows, volunteers },
  { period: { from: '2023-10-01', to: '2023-12-31' }, rows: previousRows, volunteers: [{ org: 'boj-vasterort', genderKey: 'M', n: 1 }] },
  defaultCountingPolicy,
);

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

  it('averages the survey answers received: per question over those that scored it, overall over every score; null with none', () => {
    expect(report.parties[3]!.satisfaction).toEqual({
      responses: 2, average: 4.2, byQuestion: { bemotande: 4.5, information: null, hjalp: 3.5, rekommendera: 5 },
    });
    expect(report.parties[0]!.satisfaction).toEqual({
      responses: 0, average: null, byQuestion: { bemotande: null, information: null, hjalp: null, rekommendera: null },
    });
  });

  it('puts the previous period and each party\'s totals of it beside, support persons counted as in the current one', () => {
    expect(report.previousPeriod).toEqual({ from: '2023-10-01', to: '2023-12-31' });
    expect(report.parties[3]!.previous).toEqual({ handledCases: 3, directContacts: 0, actions: 0, supportPersons: 1, linksReceived: 0 });
    expect(report.parties[0]!.previous).toEqual({ handledCases: 0, directContacts: 0, actions: 4, supportPersons: 0, linksReceived: 0 });
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
  it('has the training columns, summed in the total row', () => {
    const header = lines[0]!.split(',');
    const at = header.indexOf('trainings.basic');
    expect(header.slice(at, at + 2)).toEqual(['trainings.basic', 'trainings.further']);
    expect(lines.slice(1).map((line) => line.split(',').slice(at, at + 2).join(' '))).toEqual(['0 1', '0 0', '0 0', '2 7', '2 8']);
  });

  it('adds the satisfaction (empty averages without answers, and in the total row) and one previous_<figure> column per figure', () => {
    const header = lines[0]!.split(',');
    const cell = (row: number, column: string) => lines[row]!.split(',')[header.indexOf(column)];
    expect(header.slice(-11)).toEqual([
      'satisfaction.responses', 'satisfaction.average', 'satisfaction.bemotande', 'satisfaction.information', 'satisfaction.hjalp', 'satisfaction.rekommendera',
      'previous_handledCases', 'previous_directContacts', 'previous_actions', 'previous_supportPersons', 'previous_linksReceived',
    ]);
    expect([cell(4, 'satisfaction.responses'), cell(4, 'satisfaction.average'), cell(4, 'satisfaction.information'), cell(4, 'satisfaction.hjalp')]).toEqual(['2', '4.2', '', '3.5']);
    expect([cell(1, 'satisfaction.responses'), cell(1, 'satisfaction.average')]).toEqual(['0', '']);
    expect([cell(5, 'satisfaction.responses'), cell(5, 'satisfaction.average'), cell(5, 'previous_handledCases'), cell(5, 'previous_actions')]).toEqual(['2', '', '3', '4']);
  });
});

describe('html', () => {
  const html = reportToHtml(report);
  it('is one self-contained page with no scripts and every text escaped', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|src=|href=/i);
    expect(html).toContain('=GF&lt;b&gt;');
    expect(html).not.toContain('<b>');
  });
  it('shows each party, the split under the figures, crime types, flags and the change against the previous period', () => {
    expect(html).toContain('Brottsofferjouren Västerort');
    expect(html).toContain('<td>Bedrägeri</td><td>2</td><td>50 %</td>');
    expect(html).toContain('<td>Rån</td><td>2</td><td>50 %</td>');
    expect(html).toContain('Gängrelaterat');
    expect(html).toContain('+33 %');
    expect(html).toContain('Jämförelse med föregående period 2023-10-01 – 2023-12-31.');
  });
  it('names parties, figures, gender keys and commitments in Swedish words from the labels, a person\'s own label as given', () => {
    expect(html).toContain('<h2>Stödcentrum för unga brottsutsatta</h2>');
    expect(html).toContain('<th>Hanterade ärenden</th><th>Direkta kontakter</th><th>Åtgärder</th><th>Stödpersoner</th><th>Mottagna länkningar</th>');
    expect(html).toContain('<tr><th scope="row">Kvinnor</th><td>3</td>');
    expect(html).toContain('<tr><th scope="row">=GF&lt;b&gt;</th><td>1</td>');
    expect(html).toContain('<tr><td>Första kontakt för sent</td><td>1</td></tr>');
    expect(html).not.toMatch(/>(bedrageri|ran|boj-vasterort|handledCases|K|M)</);
  });
  it('gives Stödcentrum a dash for support persons, which do not apply to it, and the jours their number', () => {
    const section = (org: string) => html.slice(html.indexOf(`<h2>${org}</h2>`), html.indexOf('</section>', html.indexOf(`<h2>${org}</h2>`)));
    expect(section('Stödcentrum för unga brottsutsatta')).toContain('<tr><th scope="row">Totalt</th><td>0</td><td>0</td><td>2</td><td>–</td><td>0</td></tr>');
    expect(section('Brottsofferjouren Västerort')).toContain('<tr><th scope="row">Totalt</th><td>4</td><td>0</td><td>0</td><td>2</td><td>0</td></tr>');
  });
  it('shows the training sessions each party held', () => {
    expect(html).toContain('<tr><td>Grundutbildningar</td><td>2</td></tr><tr><td>Vidareutbildningar</td><td>7</td></tr>');
  });
  it('shows each party\'s satisfaction per statement, a dash without answers', () => {
    expect(html).toContain('Nöjdhet (1–5, 2 svar)');
    expect(html).toContain('<td>Jag fick den hjälp jag behövde</td><td>3,50</td>');
    expect(html).toContain('<th scope="row">Totalt</th><td>4,20</td>');
    expect(html).toContain('Nöjdhet (1–5, 0 svar)');
  });
  it('compares whole months with as many whole months before (see previous-period.unit.spec)', () => {
    expect(previousPeriod({ from: '2024-04-01', to: '2025-03-31' })).toEqual({ from: '2023-04-01', to: '2024-03-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
  it('writes changes as the yearly report does', () => {
    expect([formatChange(134, 100), formatChange(50, 100), formatChange(7, 7), formatChange(3, 0), formatChange(0, 0)])
      .toEqual(['+34 %', '-50 %', '±0 %', '–', '±0 %']);
  });
});
