import { CLOSURE_REASONS, CHANNELS, OUTCOMES, PARTY_ORGS } from '../../../apps/api/src/cases/dto/working.dto';
import { REGISTERED_SOURCES } from '../../../apps/api/src/cases/dto/register-case.dto';
import { CRIME_CATEGORIES, CRIME_FLAGS } from '../../../apps/api/src/intake/dto/crime.dto';
import { GENDERS, PERSON_ROLES } from '../../../apps/api/src/intake/dto/person.dto';
import { ISO_639_1_CODES, TRAINING_KINDS } from '@referral/case';
import { BASIC_TRAINING } from '../../../apps/api/src/volunteers/dto/volunteer.dto';
import { handoverBody } from '../handovers';
import type { BodySpec, FieldSpec } from './broken-bodies';

const f = (path: string, required: boolean, type: FieldSpec['type']): FieldSpec => ({ path: path.split('.'), required, type });
const paths = (...list: string[]) => list.map((path) => (path === '' ? [] : path.split('.')));

const crimeFields = [
  f('crime', true, { kind: 'object' }),
  f('crime.category', true, { kind: 'enum', values: CRIME_CATEGORIES }),
  f('crime.code', false, { kind: 'string', max: 16 }),
  f('crime.occurredOn', false, { kind: 'date' }),
  f('crime.flags', false, { kind: 'enum-array', values: CRIME_FLAGS }),
];
const personFields = [
  f('person', true, { kind: 'object' }),
  f('person.role', true, { kind: 'enum', values: PERSON_ROLES }),
  f('person.gender', true, { kind: 'enum', values: GENDERS }),
  f('person.givenName', false, { kind: 'string', max: 100 }),
  f('person.familyName', false, { kind: 'string', max: 100 }),
  f('person.personalIdentityNumber', false, { kind: 'opaque' }),
  f('person.birthDate', false, { kind: 'date' }),
  f('person.genderLabel', false, { kind: 'string', max: 20 }),
  f('person.phone', false, { kind: 'string', max: 32, pattern: /^\+?[0-9 ()-]{5,32}$/ }),
  f('person.email', false, { kind: 'opaque' }),
  f('person.preferredLanguage', false, { kind: 'string', max: 3, pattern: /^[a-z]{2,3}$/ }),
  f('person.interpreterNeeded', false, { kind: 'bool' }),
];
const areaFields = (required: boolean) => [
  f('area', required, { kind: 'object' }),
  f('area.municipality', true, { kind: 'string', max: 60, min: 1 }),
  f('area.district', false, { kind: 'string', max: 60 }),
];
const personText = paths('person.givenName', 'person.familyName', 'person.genderLabel', 'crime.code', 'area.district');

export const HANDOVER: BodySpec = {
  valid: () => handoverBody(),
  fields: [
    f('handoverId', true, { kind: 'string', max: 64, min: 1, pattern: /^[A-Za-z0-9._:-]+$/ }),
    f('policeReportNumber', true, { kind: 'string', max: 40, min: 1 }),
    f('handedOverAt', true, { kind: 'datetime' }),
    ...crimeFields,
    ...personFields,
    f('victimBirthDate', false, { kind: 'date' }),
    ...areaFields(true),
    f('consent', true, { kind: 'object' }),
    f('consent.subject', true, { kind: 'bool' }),
    f('consent.guardian', false, { kind: 'bool' }),
    f('consent.recordedAt', false, { kind: 'datetime' }),
    f('note', false, { kind: 'string', max: 2000 }),
  ],
  objects: paths('', 'crime', 'person', 'area', 'consent'),
  freeText: [...personText, ['policeReportNumber'], ['note']],
};

export const REGISTER_CASE: BodySpec = {
  valid: () => ({
    source: 'self-referral',
    receivedAt: '2025-06-09T10:00:00+02:00',
    crime: { category: 'olaga-hot' },
    person: { role: 'victim', gender: 'male', givenName: 'Fiktiv' },
    area: { municipality: 'Stockholm', district: 'Bromma' },
  }),
  fields: [
    f('source', true, { kind: 'enum', values: REGISTERED_SOURCES }),
    f('receivedAt', true, { kind: 'datetime' }),
    ...crimeFields,
    ...personFields,
    f('victimBirthDate', false, { kind: 'date' }),
    ...areaFields(false),
    f('anonymous', false, { kind: 'bool' }),
  ],
  objects: paths('', 'crime', 'person', 'area'),
  freeText: personText,
};

export const CONTACT: BodySpec = {
  valid: () => ({ channel: 'phone', outcome: 'no-answer', at: '2025-06-10T09:00:00+02:00', note: 'Ringde' }),
  fields: [
    f('channel', true, { kind: 'enum', values: CHANNELS }),
    f('outcome', true, { kind: 'enum', values: OUTCOMES }),
    f('at', false, { kind: 'datetime' }),
    f('note', false, { kind: 'string', max: 2000 }),
  ],
  objects: paths(''),
  freeText: paths('note'),
};

export const LINK: BodySpec = {
  valid: () => ({ to: 'stodcentrum', consent: true, note: 'Vill ha stöd' }),
  fields: [
    f('to', true, { kind: 'enum', values: PARTY_ORGS }),
    f('consent', false, { kind: 'bool' }), // false or missing is 422 consent-required (contract v1.1), not a broken body
    f('at', false, { kind: 'datetime' }),
    f('note', false, { kind: 'string', max: 2000 }),
  ],
  objects: paths(''),
  freeText: paths('note'),
};

export const CLOSURE: BodySpec = {
  valid: () => ({ reason: 'unreachable', override: { reason: 'Fel nummer' } }),
  fields: [
    f('reason', true, { kind: 'enum', values: CLOSURE_REASONS }),
    f('at', false, { kind: 'datetime' }),
    f('override', false, { kind: 'object' }),
    f('override.reason', true, { kind: 'string', max: 500, min: 1 }),
  ],
  objects: paths('', 'override'),
  freeText: paths('override.reason'),
};

export const ASSIGNMENT: BodySpec = {
  valid: () => ({ volunteerId: 'fuzz-volunteer' }),
  // `null` unassigns (contract v1.1): a value of its own, not a missing one.
  fields: [{ ...f('volunteerId', true, { kind: 'string', max: 128, min: 1 }), nullable: true }],
  objects: paths(''),
  freeText: [],
};

export const TRIAGE: BodySpec = {
  valid: () => ({ routeTo: 'boj-vasterort' }),
  fields: [f('routeTo', true, { kind: 'enum', values: PARTY_ORGS })],
  objects: paths(''),
  freeText: [],
};

export const VOLUNTEER: BodySpec = {
  valid: () => ({ displayName: 'Fiktiv Volontär', gender: 'female', activeFrom: '2025-01-01', userId: 'fuzz-user' }),
  fields: [
    f('displayName', true, { kind: 'string', max: 100, min: 1 }),
    f('gender', true, { kind: 'enum', values: GENDERS }),
    f('activeFrom', false, { kind: 'date' }),
    f('userId', false, { kind: 'string', max: 128, min: 1 }),
    f('languages', false, { kind: 'enum-array', values: ISO_639_1_CODES }),
    f('basicTraining', false, { kind: 'enum', values: BASIC_TRAINING }),
  ],
  objects: paths(''),
  freeText: paths('displayName'),
};

export const LANGUAGES: BodySpec = {
  valid: () => ({ languages: ['sv', 'ar'] }),
  fields: [f('languages', true, { kind: 'enum-array', values: ISO_639_1_CODES })],
  objects: paths(''),
  freeText: [],
};

export const TRAINING: BodySpec = {
  valid: () => ({ kind: 'basic', on: '2025-05-01', topic: 'Bemötande', participants: ['fuzz-participant'] }),
  fields: [
    f('kind', true, { kind: 'enum', values: TRAINING_KINDS }),
    f('on', true, { kind: 'date' }),
    f('topic', false, { kind: 'string', max: 200, min: 1 }),
    f('participants', true, { kind: 'opaque' }),
  ],
  objects: paths(''),
  freeText: paths('topic'),
};

export const DEACTIVATION: BodySpec = {
  valid: () => ({ activeUntil: '2025-06-01' }),
  fields: [f('activeUntil', false, { kind: 'date' })],
  objects: paths(''),
  freeText: [],
};

export const SURVEY_ANSWER: BodySpec = {
  valid: () => ({ scores: { bemotande: 5, information: 4, hjalp: 4, rekommendera: 5 }, comment: 'Fiktiv kommentar' }),
  fields: [
    f('scores', true, { kind: 'object' }),
    ...['bemotande', 'information', 'hjalp', 'rekommendera'].map((question) => f(`scores.${question}`, false, { kind: 'int', min: 1, max: 5 })),
    f('comment', false, { kind: 'string', max: 2000 }),
    f('at', false, { kind: 'datetime' }),
  ],
  objects: paths('', 'scores'),
  freeText: paths('comment'),
};
