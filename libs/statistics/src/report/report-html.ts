import {
  CRIME_CATEGORIES, CRIME_FLAGS, GENDER_KEYS, labelOf, ORGS, REPORT_FIGURES, REPORT_SLA, SURVEY_QUESTIONS as QUESTION_LABELS, TRAINING_KINDS,
} from '@referral/labels';
import { compareGenderKeys } from '../gender-key';
import { formatChange } from './change';
import { SURVEY_QUESTIONS } from '@referral/case';
import { REPORT_FLAGS, SPLIT_FIGURES, type PartyReport, type PartySla, type SplitFigure, type StatisticsReport } from './report';

/** The report is in Swedish, with the same words as the web app (`@referral/labels`). */
const sv = (labels: Parameters<typeof labelOf>[0], code: string) => labelOf(labels, code, 'sv');
const SLA_FIGURES: readonly (keyof PartySla)[] = ['firstContactOnTime', 'firstContactLate', 'firstContactOpen', 'reachAttemptsMet', 'reachAttemptsBreached'];
const DASH = '–';
/** Stödcentrum is staffed by social workers: support persons do not apply to it (a dash, not 0). */
const applies = (org: string, figure: SplitFigure) => !(org === 'stodcentrum' && figure === 'supportPersons');

/** Text for HTML content or a quoted attribute. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `body{font-family:Georgia,serif;margin:2em;color:#111}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;page-break-after:avoid}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #999;padding:.25em .6em;text-align:right}
th:first-child,td:first-child{text-align:left}thead th{background:#eee}.party{page-break-inside:avoid}
@media print{body{margin:1cm}}`;

function splitTable(party: PartyReport): string {
  const keys = [...new Set(SPLIT_FIGURES.flatMap((figure) => Object.keys(party[figure].byGender)))].sort(compareGenderKeys);
  const head = `<tr><th></th>${SPLIT_FIGURES.map((f) => `<th>${escapeHtml(sv(REPORT_FIGURES, f))}</th>`).join('')}</tr>`;
  const row = (label: string, cell: (figure: SplitFigure) => string | number) =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${SPLIT_FIGURES.map((f) => `<td>${escapeHtml(applies(party.org, f) ? cell(f) : DASH)}</td>`).join('')}</tr>`;
  return `<table><thead>${head}</thead><tbody>
${row('Totalt', (f) => party[f].total)}
${keys.map((key) => row(sv(GENDER_KEYS, key), (f) => party[f].byGender[key] ?? 0)).join('\n')}
${row('Föregående period', (f) => party.previous[f])}
${row('Förändring', (f) => formatChange(party[f].total, party.previous[f]))}
</tbody></table>`;
}

function crimeTable(party: PartyReport): string {
  if (party.crimeTypes.length === 0) return '<p>Inga ärenden under perioden.</p>';
  const rows = party.crimeTypes
    .map((t) => `<tr><td>${escapeHtml(sv(CRIME_CATEGORIES, t.category))}</td><td>${t.cases}</td><td>${escapeHtml(`${Math.round(t.share * 100)} %`)}</td></tr>`)
    .join('\n');
  return `<table><thead><tr><th>Brottstyp</th><th>Ärenden</th><th>Andel</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function flagsAndSla(party: PartyReport): string {
  const flags = REPORT_FLAGS.map((flag) => `<tr><td>${escapeHtml(sv(CRIME_FLAGS, flag))}</td><td>${party.flags[flag] ?? 0}</td></tr>`).join('');
  const sla = SLA_FIGURES.map((figure) => `<tr><td>${escapeHtml(sv(REPORT_SLA, figure))}</td><td>${party.sla[figure]}</td></tr>`).join('');
  const trainings = (['basic', 'further'] as const)
    .map((kind) => `<tr><td>${escapeHtml(sv(TRAINING_KINDS, kind))}</td><td>${party.trainings[kind]}</td></tr>`).join('');
  return `<table><thead><tr><th>Markering</th><th>Ärenden</th></tr></thead><tbody>${flags}</tbody></table>
<table><thead><tr><th>Åtaganden</th><th>Ärenden</th></tr></thead><tbody>${sla}</tbody></table>
<table><thead><tr><th>Utbildningar</th><th>Tillfällen</th></tr></thead><tbody>${trainings}</tbody></table>`;
}

const average = (value: number | null) => (value === null ? '–' : value.toFixed(2).replace('.', ','));

function satisfactionTable(party: PartyReport): string {
  const { responses, byQuestion } = party.satisfaction;
  const rows = SURVEY_QUESTIONS.map((q) => `<tr><td>${escapeHtml(sv(QUESTION_LABELS, q))}</td><td>${escapeHtml(average(byQuestion[q]))}</td></tr>`).join('');
  return `<table><thead><tr><th>Nöjdhet (1–5, ${escapeHtml(responses)} svar)</th><th>Medel</th></tr></thead><tbody>${rows}
<tr><th scope="row">Totalt</th><td>${escapeHtml(average(party.satisfaction.average))}</td></tr></tbody></table>`;
}

/**
 * A printable, self-contained report page laid out like the yearly report: per party the figures
 * with their gender split underneath and the change against the previous period (`previousPeriod`),
 * crime types, flags, SLA counts and satisfaction. Inline CSS, every text escaped, no scripts.
 */
export function reportToHtml(report: StatisticsReport): string {
  const { from, to } = report.period;
  const parties = report.parties
      .map((party) => `<section class="party"><h2>${escapeHtml(sv(ORGS, party.org))}</h2>
${splitTable(party)}
${crimeTable(party)}
${flagsAndSla(party)}
${satisfactionTable(party)}
</section>`)
    .join('\n');
  const previousTotal = (f: SplitFigure) => report.parties.reduce((sum, party) => sum + party.previous[f], 0);
  const totals = SPLIT_FIGURES.map(
    (f) => `<tr><td>${escapeHtml(sv(REPORT_FIGURES, f))}</td><td>${report.total[f]}</td><td>${previousTotal(f)}</td><td>${escapeHtml(formatChange(report.total[f], previousTotal(f)))}</td></tr>`,
  ).join('');
  return `<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(`Verksamhetsstatistik ${from} – ${to}`)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(`Verksamhetsstatistik ${from} – ${to}`)}</h1>
<p>${escapeHtml(`Jämförelse med föregående period ${report.previousPeriod.from} – ${report.previousPeriod.to}.`)}</p>
${parties}
<section class="party"><h2>Totalt</h2><table><thead><tr><th></th><th>Perioden</th><th>Föregående</th><th>Förändring</th></tr></thead><tbody>${totals}</tbody></table></section>
</body></html>
`;
}
