import { count, instant, nullable, object, oneOf, ORGS, page, text, type Schema } from './schema-parts';

/** A case in a list (contract "Lists and case views"). */
export const CASE_LIST_ITEM: Schema = object({
  caseId: text(),
  org: oneOf([...ORGS, 'triage'], 'The party holding the case, or `triage`'),
  status: oneOf(['open', 'closed', 'triage']),
  source: oneOf(['handover', 'self-referral', 'other-actor', 'link']),
  receivedAt: instant(),
  assigneeId: nullable(text('The assigned volunteer, null when none')),
  slaState: oneOf(['ok', 'at-risk', 'breached']),
  linkSuggested: { type: 'boolean', description: 'A jour case whose person is under 21' },
  firstContactDueAt: nullable(instant('null while in triage')),
}, undefined, ['firstContactDueAt']);

export const CASE_PAGE: Schema = page(CASE_LIST_ITEM);

const caseLink = object({ caseId: text(), org: oneOf(ORGS) });

const reachAttempts = object({
  phone: count('Phone attempts made'),
  evening: count('Of those, in the evening window'),
  required: object({ phone: count(), evening: count() }, 'What the org\'s policy requires'),
  dueAt: nullable(instant('When the attempts must have been made')),
  met: { type: 'boolean' },
}, 'Phone attempts against the org\'s reach-attempt policy (v1.1)');

const nextAttempt = nullable(object({
  from: instant(),
  to: instant(),
  evening: { type: 'boolean', description: 'Every attempt still required must be an evening one' },
}, 'The window for the next phone attempt while the case is open and the person not reached; null otherwise (v1.1)'));

const hhmm: Schema = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' };
const contactSafety = object({
  mayLeaveMessage: { type: 'boolean', description: 'Default false when the crime is flagged vald-i-nara-relation or hedersrelaterat' },
  safeHours: nullable(object({ from: hhmm, to: hhmm }, 'When the person may be called (Stockholm time)')),
  note: text('Personal data: shown only to those who may see the case\'s personal data'),
}, 'How the person may be contacted safely (v1.1)', ['note']);

const survey = object({
  link: text('`/survey/<token>`: single-use, valid 60 days; absent once the case is erased'),
  answered: { type: 'boolean' },
}, 'A closed `support-given` case\'s satisfaction survey, to its org (v1.1)', ['link']);

const historyEntry: Schema = {
  ...object({ type: text('The event, e.g. CaseReceived, ContactRecorded, CaseClosed'), at: instant() }),
  additionalProperties: true,
  description: 'One event of the case with the facts a user needs; no internal ids of the store',
};

/** `GET /cases/{id}` and the case commands that answer the case view. */
export const CASE_VIEW: Schema = {
  ...CASE_LIST_ITEM,
  required: [...CASE_LIST_ITEM.required!, 'person', 'crime', 'history', 'reachAttempts', 'nextAttempt', 'contactSafety'],
  properties: {
    ...CASE_LIST_ITEM.properties,
    person: { type: 'object', additionalProperties: true, description: 'The person as sent (personal data; `personalData: "erased"` after erasure)' },
    crime: { type: 'object', additionalProperties: true, description: 'The crime as sent' },
    area: nullable({ type: 'object', additionalProperties: true }),
    linkedFrom: caseLink,
    linkedTo: caseLink,
    history: { type: 'array', items: historyEntry },
    reachAttempts,
    nextAttempt,
    contactSafety,
    policeReportNumber: text('The Police report number as sent, for those who may see the case\'s personal data (v1.1)'),
    note: text('The Police\'s note as sent, for those who may see the case\'s personal data (v1.1)'),
    survey,
  },
};
