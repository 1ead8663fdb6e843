import { compareGenderKeys } from '../gender-key';
import { SURVEY_QUESTIONS } from '@referral/case';
import { REPORT_FLAGS, SPLIT_FIGURES, type PartyReport, type PartySla, type PartyTrainings, type StatisticsReport } from './report';

const SLA_COLUMNS: readonly (keyof PartySla)[] = [
  'firstContactOnTime', 'firstContactLate', 'firstContactOpen', 'reachAttemptsMet', 'reachAttemptsBreached',
];

const TRAINING_COLUMNS: readonly (keyof PartyTrainings)[] = ['basic', 'further'];

/** A CSV field: quoted when needed; a leading =, +, - or @ is defused so no spreadsheet runs it as a formula. */
function field(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as one table (RFC 4180, CRLF, header row): one row per party in the contract's order
 * and a `total` row. Columns: `org`, `from`, `to`; per figure (handledCases, directContacts,
 * actions, supportPersons, linksReceived) its total and then `<figure>.<gender key>` for every key
 * any party has for that figure; `crimeType.<category>` (cases) for every category of the period;
 * `flag.<flag>`; `sla.<figure>`; `trainings.basic`, `trainings.further`; `satisfaction.responses`,
 * `satisfaction.average` and `satisfaction.<question>` (empty with no responses); `previous_<figure>`,
 * the totals of the previous period. The total row sums every column but the averages, which it leaves empty.
 */
export function reportToCsv(report: StatisticsReport): string {
  const splitColumns = SPLIT_FIGURES.flatMap((figure) => {
    const keys = [...new Set(report.parties.flatMap((party) => Object.keys(party[figure].byGender)))].sort(compareGenderKeys);
    return [
      { name: figure, value: (party: PartyReport) => party[figure].total },
      ...keys.map((key) => ({ name: `${figure}.${key}`, value: (party: PartyReport) => party[figure].byGender[key] ?? 0 })),
    ];
  });
  const categories = [...new Set(report.parties.flatMap((party) => party.crimeTypes.map((type) => type.category)))].sort();
  const columns = [
    ...splitColumns,
    ...categories.map((category) => ({
      name: `crimeType.${category}`,
      value: (party: PartyReport) => party.crimeTypes.find((type) => type.category === category)?.cases ?? 0,
    })),
    ...REPORT_FLAGS.map((flag) => ({ name: `flag.${flag}`, value: (party: PartyReport) => party.flags[flag] ?? 0 })),
    ...SLA_COLUMNS.map((name) => ({ name: `sla.${name}`, value: (party: PartyReport) => party.sla[name] })),
    ...TRAINING_COLUMNS.map((kind) => ({ name: `trainings.${kind}`, value: (party: PartyReport) => party.trainings[kind] })),
    { name: 'satisfaction.responses', value: (party: PartyReport) => party.satisfaction.responses },
  ];
  const averages = [
    { name: 'satisfaction.average', value: (party: PartyReport) => party.satisfaction.average },
    ...SURVEY_QUESTIONS.map((question) => ({ name: `satisfaction.${question}`, value: (party: PartyReport) => party.satisfaction.byQuestion[question] })),
  ];
  const previous = SPLIT_FIGURES.map((figure) => ({ name: `previous_${figure}`, value: (party: PartyReport) => party.previous[figure] }));
  const cells = (party: PartyReport) => [
    ...columns.map((column) => String(column.value(party))),
    ...averages.map((column) => String(column.value(party) ?? '')),
    ...previous.map((column) => String(column.value(party))),
  ];
  const sum = (value: (party: PartyReport) => number) => String(report.parties.reduce((total, party) => total + value(party), 0));
  const { from, to } = report.period;
  const lines = [['org', 'from', 'to', ...[...columns, ...averages, ...previous].map((column) => column.name)]];
  for (const party of report.parties) lines.push([party.org, from, to, ...cells(party)]);
  lines.push(['total', from, to, ...columns.map((column) => sum(column.value)), ...averages.map(() => ''), ...previous.map((column) => sum(column.value))]);
  return lines.map((line) => line.map(field).join(',')).join('\r\n') + '\r\n';
}
