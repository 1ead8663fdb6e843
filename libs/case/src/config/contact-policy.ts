import { CRIME_FLAGS, CrimeFlag } from '../case/case-facts';
import { OrgId } from '../shared/org';
import { isTimeOfDay } from '../time/time-of-day';
import { InvalidPolicyError } from './invalid-policy-error';
import { JsonFields } from './json-fields';
import { perOrgTerms } from './per-org-terms';

/** The evening a week the jours are open together. */
export interface SharedOpenEvening {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Local times `HH:MM`; `from` is inside, `to` is not. */
  readonly from: string;
  readonly to: string;
}

/** How one org plans its calls and contacts people safely (`config/policy/contact.v*.json`). */
export interface ContactTerms {
  readonly policyVersion: string;
  /** The next phone attempt is planned no sooner than this many hours after the last one. */
  readonly minHoursBetweenAttempts: number;
  /** A crime with one of these flags starts with `mayLeaveMessage: false`. */
  readonly noMessageWhenFlagged: readonly CrimeFlag[];
  readonly sharedOpenEvening: SharedOpenEvening | null;
}

export interface ContactPolicy {
  readonly version: string;
  /** The terms of a case no org holds yet (triage). */
  readonly defaults: ContactTerms;
  readonly byOrg: Readonly<Record<OrgId, ContactTerms>>;
}

/** Validates the parsed JSON of `config/policy/contact.v*.json`. @throws InvalidPolicyError */
export function parseContactPolicy(json: unknown): ContactPolicy {
  const fields = new JsonFields();
  const root = fields.object(json, '$');
  const version = fields.string(root.version, 'version');
  const { defaults, byOrg } = perOrgTerms(fields, root, (merged, path) => readTerms(fields, merged, path, version));
  const defaultTerms = readTerms(new JsonFields(), defaults, 'defaults', version);
  if (fields.problems.length > 0) throw new InvalidPolicyError('contact policy', fields.problems);
  return { version, defaults: defaultTerms, byOrg };
}

function readTerms(fields: JsonFields, terms: Record<string, unknown>, path: string, policyVersion: string): ContactTerms {
  const hours = terms.minHoursBetweenAttempts;
  fields.check(typeof hours === 'number' && Number.isFinite(hours) && hours >= 0, `${path}.minHoursBetweenAttempts must be a number of hours, 0 or more`);
  const flags = fields.strings(terms.noMessageWhenFlagged, `${path}.noMessageWhenFlagged`);
  for (const flag of flags) fields.check((CRIME_FLAGS as readonly string[]).includes(flag), `${path}.noMessageWhenFlagged: ${flag} is not a crime flag`);
  return {
    policyVersion,
    minHoursBetweenAttempts: typeof hours === 'number' ? hours : 2,
    noMessageWhenFlagged: flags as CrimeFlag[],
    sharedOpenEvening: readOpenEvening(fields, terms.sharedOpenEvening, `${path}.sharedOpenEvening`),
  };
}

function readOpenEvening(fields: JsonFields, value: unknown, path: string): SharedOpenEvening | null {
  if (value === null || value === undefined) return null;
  const evening = fields.object(value, path);
  const { weekday, from, to } = evening;
  fields.check(typeof weekday === 'number' && Number.isInteger(weekday) && weekday >= 1 && weekday <= 7, `${path}.weekday must be 1 (Monday) to 7 (Sunday)`);
  fields.check(isTimeOfDay(from) && isTimeOfDay(to), `${path} times must be HH:MM`);
  fields.check(String(from) < String(to), `${path} must start before it ends`);
  return { weekday: Number(weekday), from: String(from), to: String(to) };
}
