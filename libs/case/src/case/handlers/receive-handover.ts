import { readBirthFacts } from '../../routing/birth-facts';
import { missingConsent } from '../../routing/consent';
import { routeCase } from '../../routing/route-case';
import { FieldProblem, conflict, invalid, unprocessable } from '../../shared/domain-error';
import { formatInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { CaseReceived } from '../case-events';
import { ReceiveHandover } from '../case-commands';
import { CaseState } from '../case-state';
import { normaliseCrime, personAge, splitPerson, subjectAgeFacts, suggestsLink } from './intake-facts';
import { checkMoment } from './moment';

export function receiveHandover(command: ReceiveHandover, state: CaseState): CaseDecision {
  if (state.status !== 'none') {
    return { ok: false, error: conflict('case-already-exists', `Case ${command.caseId} already exists`) };
  }
  const { handover } = command;
  const problems: FieldProblem[] = [];
  const receivedMs = checkMoment(handover.handedOverAt, 'handedOverAt', { now: command.now }, problems);
  const crime = normaliseCrime(handover.crime, problems);
  if (receivedMs === null || problems.length > 0) return { ok: false, error: invalid(problems) };
  const birth = readBirthFacts(handover, receivedMs);
  if (!birth.ok) return { ok: false, error: invalid(birth.error) };

  const age = subjectAgeFacts(handover.person.role, birth.value, receivedMs);
  const routing = routeCase(age.subjectAge, handover.area, command.coverage);
  const at = formatInstant(receivedMs);

  const missing = missingConsent(personAge(birth.value, receivedMs), handover.consent);
  if (missing.length > 0) {
    return {
      ok: false,
      error: unprocessable('consent-required', `The handover lacks consent: ${missing.join(' and ')}`),
      refusal: {
        type: 'HandoverRefusedForConsent',
        data: {
          handoverId: handover.handoverId,
          at: formatInstant(Date.parse(command.now)),
          handedOverAt: at,
          missing,
          wouldRouteTo: routing.routedTo,
          crimeCategory: crime.category,
          ...(command.by !== undefined ? { by: command.by } : {}),
        },
      },
    };
  }

  const { facts, personal } = splitPerson(handover.person, birth.value, {
    victimBirthDate: handover.victimBirthDate,
    policeReportNumber: handover.policeReportNumber,
    note: handover.note,
  });
  const org = routing.routedTo;
  const event: CaseReceived = {
    type: 'CaseReceived',
    data: {
      caseId: command.caseId,
      org,
      status: org === 'triage' ? 'triage' : 'open',
      source: 'handover',
      at,
      handoverId: handover.handoverId,
      routing: { ...routing, ...age },
      linkSuggested: suggestsLink(org, age.subjectAge),
      anonymous: false,
      crime,
      person: facts,
      area: handover.area,
      consent: handover.consent,
      sla: org === 'triage' ? null : command.sla.byOrg[org],
      ...(org === 'triage' ? { triageTerms: command.sla.triage } : {}),
      ...(command.by !== undefined ? { by: command.by } : {}),
      personalData: personal,
    },
  };
  return { ok: true, events: [event] };
}
