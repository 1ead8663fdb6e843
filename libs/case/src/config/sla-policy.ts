import { ORG_IDS, OrgId } from '../shared/org';
import { InvalidPolicyError } from './invalid-policy-error';
import { JsonFields } from './json-fields';

/**
 * One organisation's service commitments. A case keeps a copy of these terms from the moment it
 * is received (see `CaseReceived.sla`), so a later change of policy applies to new cases only.
 */
export interface SlaTerms {
  /** e.g. `sla.v1` */
  readonly policyVersion: string;
  readonly timeZone: string;
  /** First contact due this many calendar days after receipt, same local wall-clock time. */
  readonly firstContactDays: number;
  /** Local times `HH:MM`; `from` is inside the window, `to` is not. */
  readonly eveningWindow: { readonly from: string; readonly to: string };
  readonly phoneAttemptsRequired: number;
  readonly eveningAttemptsRequired: number;
  readonly reachAttemptsDeadlineDays: number;
  readonly atRiskHours: number;
}

/** The city's watch over its triage queue; a triage case keeps a copy from receipt (`CaseReceived.triageTerms`). */
export interface TriageTerms {
  readonly policyVersion: string;
  /** A triage case not routed this many hours after receipt waits too long. */
  readonly triageAlertHours: number;
}

export interface SlaPolicy {
  readonly version: string;
  readonly byOrg: Readonly<Record<OrgId, SlaTerms>>;
  /** `city.triageAlertHours` of the file (24 when the file has no `city`). */
  readonly triage: TriageTerms;
}

/** Files written before `city.triageAlertHours` existed still parse, with this value. */
export const DEFAULT_TRIAGE_ALERT_HOURS = 24;

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Validates the parsed JSON of `config/policy/sla.v*.json`. @throws InvalidPolicyError */
export function parseSlaPolicy(json: unknown): SlaPolicy {
  const fields = new JsonFields();
  const root = fields.object(json, '$');
  const version = fields.string(root.version, 'version');
  const timeZone = fields.string(root.timeZone, 'timeZone');
  fields.check(isKnownTimeZone(timeZone), `timeZone ${timeZone} is not a known IANA zone`);
  const defaults = fields.object(root.defaults, 'defaults');
  const overrides = root.orgs === undefined ? {} : fields.object(root.orgs, 'orgs');
  for (const org of Object.keys(overrides)) {
    fields.check((ORG_IDS as readonly string[]).includes(org), `orgs.${org} is not a known org id`);
  }

  const byOrg = {} as Record<OrgId, SlaTerms>;
  for (const org of ORG_IDS) {
    const merged = { ...defaults, ...fields.object(overrides[org] ?? {}, `orgs.${org}`) };
    byOrg[org] = readTerms(fields, merged, `orgs.${org}`, version, timeZone);
  }
  const triage = readTriageTerms(fields, root.city, version);
  if (fields.problems.length > 0) throw new InvalidPolicyError('sla policy', fields.problems);
  return { version, byOrg, triage };
}

function readTriageTerms(fields: JsonFields, city: unknown, policyVersion: string): TriageTerms {
  const terms = city === undefined ? {} : fields.object(city, 'city');
  const hours = terms.triageAlertHours;
  return {
    policyVersion,
    triageAlertHours: hours === undefined ? DEFAULT_TRIAGE_ALERT_HOURS : fields.positiveInteger(hours, 'city.triageAlertHours'),
  };
}

function readTerms(
  fields: JsonFields,
  terms: Record<string, unknown>,
  path: string,
  policyVersion: string,
  timeZone: string,
): SlaTerms {
  const window = fields.object(terms.eveningWindow, `${path}.eveningWindow`);
  const from = fields.string(window.from, `${path}.eveningWindow.from`);
  const to = fields.string(window.to, `${path}.eveningWindow.to`);
  fields.check(TIME_OF_DAY.test(from) && TIME_OF_DAY.test(to), `${path}.eveningWindow times must be HH:MM`);
  fields.check(from < to, `${path}.eveningWindow must start before it ends`);
  const phoneAttemptsRequired = fields.positiveInteger(terms.phoneAttemptsRequired, `${path}.phoneAttemptsRequired`);
  const eveningAttemptsRequired = fields.positiveInteger(terms.eveningAttemptsRequired, `${path}.eveningAttemptsRequired`);
  fields.check(eveningAttemptsRequired <= phoneAttemptsRequired, `${path}: more evening attempts than attempts`);
  return {
    policyVersion,
    timeZone,
    firstContactDays: fields.positiveInteger(terms.firstContactDays, `${path}.firstContactDays`),
    eveningWindow: { from, to },
    phoneAttemptsRequired,
    eveningAttemptsRequired,
    reachAttemptsDeadlineDays: fields.positiveInteger(terms.reachAttemptsDeadlineDays, `${path}.reachAttemptsDeadlineDays`),
    atRiskHours: fields.positiveInteger(terms.atRiskHours, `${path}.atRiskHours`),
  };
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
