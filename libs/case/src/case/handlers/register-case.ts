import { readBirthFacts } from '../../routing/birth-facts';
import { FieldProblem, conflict, invalid } from '../../shared/domain-error';
import { formatInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { CaseReceived } from '../case-events';
import { RegisterCase } from '../case-commands';
import { CaseState } from '../case-state';
import { PersonInput } from '../intake-input';
import { normaliseCrime, splitPerson, subjectAgeFacts, suggestsLink } from './intake-facts';
import { checkMoment } from './moment';

const IDENTIFYING_FIELDS = ['givenName', 'familyName', 'personalIdentityNumber', 'phone', 'email'] as const;

/**
 * A case an org registers itself (the person turned to it, or another actor did). The case is
 * the registering org's: routing does not move it, but a jour holding someone under 21 gets
 * `linkSuggested`. No consent rule: the person (or actor) came to the org.
 */
export function registerCase(command: RegisterCase, state: CaseState): CaseDecision {
  if (state.status !== 'none') {
    return { ok: false, error: conflict('case-already-exists', `Case ${command.caseId} already exists`) };
  }
  const problems: FieldProblem[] = [];
  const receivedMs = checkMoment(command.receivedAt, 'receivedAt', { now: command.now }, problems);
  const crime = normaliseCrime(command.crime, problems);
  if (command.anonymous) problems.push(...identifyingFieldsOf(command.person));
  if (receivedMs === null || problems.length > 0) return { ok: false, error: invalid(problems) };
  const birth = readBirthFacts(command, receivedMs);
  if (!birth.ok) return { ok: false, error: invalid(birth.error) };

  const age = subjectAgeFacts(command.person.role, birth.value, receivedMs);
  const { facts, personal } = splitPerson(command.person, birth.value, {
    victimBirthDate: command.victimBirthDate,
    note: command.note,
  });
  const event: CaseReceived = {
    type: 'CaseReceived',
    data: {
      caseId: command.caseId,
      org: command.org,
      status: 'open',
      source: command.source,
      at: formatInstant(receivedMs),
      routing: { routedTo: command.org, reason: 'registered', ...age },
      linkSuggested: suggestsLink(command.org, age.subjectAge),
      anonymous: command.anonymous === true,
      crime,
      person: facts,
      ...(command.area ? { area: command.area } : {}),
      sla: command.sla.byOrg[command.org],
      ...(command.by !== undefined ? { by: command.by } : {}),
      personalData: personal,
    },
  };
  return { ok: true, events: [event] };
}

function identifyingFieldsOf(person: PersonInput): FieldProblem[] {
  return IDENTIFYING_FIELDS.filter((field) => person[field] !== undefined).map((field) => ({
    path: `person.${field}`,
    message: 'must be left out for an anonymous case',
  }));
}
