import { count, date, nullable, object, page, text, type Schema } from './schema-parts';

const languages: Schema = { type: 'array', items: { type: 'string', pattern: '^[a-z]{2}$' }, description: 'ISO 639-1 codes (v1.1)' };

/** An item of `GET /orgs/{org}/volunteers` (the roster, v1.1). */
export const ROSTER_ITEM: Schema = object({
  volunteerId: text(),
  displayName: text('Absent once the volunteer\'s personal data is erased'),
  languages,
  activeFrom: date(),
  activeUntil: nullable(date('The last active day; null while active')),
  openCases: count('Open cases assigned to them (v1.1)'),
  basicTrainingOn: nullable(date('The basic training session that listed them; null when pending or brought over without one (v1.1)')),
}, undefined, ['displayName']);

export const ROSTER: Schema = page(ROSTER_ITEM);

/** An item of `GET /cases/{id}/volunteer-suggestions` (v1.1). */
export const VOLUNTEER_SUGGESTION: Schema = object({
  volunteerId: text(),
  displayName: text(),
  languages,
  openCases: count(),
  speaksPreferredLanguage: { type: 'boolean' },
});

export const VOLUNTEER_SUGGESTIONS: Schema = object({ items: { type: 'array', items: VOLUNTEER_SUGGESTION } });
