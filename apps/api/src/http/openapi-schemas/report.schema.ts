import { count, date, nullable, object, oneOf, ORGS, text, type Schema } from './schema-parts';

const FIGURES = ['handledCases', 'directContacts', 'actions', 'supportPersons', 'linksReceived'] as const;
const QUESTIONS = ['bemotande', 'information', 'hjalp', 'rekommendera'] as const;

const period = (description: string) => object({ from: date(), to: date() }, description);
const byGender: Schema = { type: 'object', additionalProperties: count(), description: 'K, M, the genderLabel (or other), unknown; zero keys left out' };
const split = object({ total: count(), byGender });
const totals = (description?: string) => object(Object.fromEntries(FIGURES.map((figure) => [figure, count()])), description);
const average = (description?: string) => nullable({ type: 'number', minimum: 1, maximum: 5, ...(description ? { description } : {}) });

const satisfaction = object({
  responses: count('Survey answers received in the period'),
  average: average('Over every score given; null with no responses'),
  byQuestion: object(Object.fromEntries(QUESTIONS.map((question) => [question, average()]))),
}, 'The satisfaction survey (v1.1)');

const party = object({
  org: oneOf(ORGS),
  ...Object.fromEntries(FIGURES.map((figure) => [figure, split])),
  crimeTypes: { type: 'array', items: object({ category: text(), cases: count(), share: { type: 'number', minimum: 0, maximum: 1 } }) },
  flags: object({ gangrelaterat: count(), 'vald-i-nara-relation': count(), hedersrelaterat: count() }),
  sla: object({
    firstContactOnTime: count(), firstContactLate: count(), firstContactOpen: count(), reachAttemptsMet: count(), reachAttemptsBreached: count(),
  }),
  satisfaction,
  trainings: object({ basic: count(), further: count() }, 'Training sessions held in the period (v1.1)'),
  previous: totals('The totals of `previousPeriod` (v1.1)'),
});

/** `GET /statistics/report` as JSON. */
export const STATISTICS_REPORT: Schema = object({
  period: period('Both dates inclusive'),
  previousPeriod: period('Whole calendar months: as many whole months just before; otherwise as many days just before (v1.1)'),
  parties: { type: 'array', items: party, description: 'One per org: stodcentrum, boj-stockholm-gotland, boj-sodra-stockholm, boj-vasterort' },
  total: totals(),
});
