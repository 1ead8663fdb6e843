import { FieldProblem, conflict, invalid } from '../../shared/domain-error';
import { formatInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { CloseCase } from '../case-commands';
import { CaseState } from '../case-state';
import { assessReachAttempts } from '../reach-attempts';
import { refusedAfterErasure } from './erased-personal-data';
import { checkMoment } from './moment';
import { unclosedCase } from './workable-case';
import { hasPersonalData, personalData } from '../personal-data';
import { surveyExpiry } from '../../survey/survey-rules';

const NO_TERMS = { phoneAttemptsRequired: 3, eveningAttemptsRequired: 1 };

/**
 * Closes a case, also one still in triage (e.g. a duplicate). `unreachable` needs the
 * reach-attempt commitment met, or a coordinator's override with a reason.
 */
export function closeCase(command: CloseCase, state: CaseState): CaseDecision {
  const found = unclosedCase(state, command.caseId);
  if (!found.ok) return found;
  const record = found.value;
  const erased = command.override !== undefined ? refusedAfterErasure(record, 'override') : null;
  if (erased) return { ok: false, error: erased };
  const problems: FieldProblem[] = [];
  const atMs = checkMoment(command.at, 'at', { now: command.now, notBefore: record.receivedAt }, problems);
  const overrideReason = command.override?.reason.trim();
  if (command.override && !overrideReason) problems.push({ path: 'override.reason', message: 'must not be empty' });
  if (atMs === null || problems.length > 0) return { ok: false, error: invalid(problems) };

  // A triage case has no terms of its own yet; the default commitment is the yardstick.
  const reach = assessReachAttempts(record.contacts, record.sla ?? NO_TERMS);
  if (command.reason === 'unreachable' && !reach.met && !overrideReason) {
    return {
      ok: false,
      error: conflict('reach-attempts-not-met', `Cannot close as unreachable: ${reach.missing}`),
    };
  }
  const survey = command.reason === 'support-given' && command.survey && record.erasedAt === undefined ? command.survey : undefined;
  const personal = personalData({ overrideReason: overrideReason || undefined, surveyToken: survey?.token });
  return {
    ok: true,
    events: [
      {
        type: 'CaseClosed',
        data: {
          caseId: record.caseId,
          org: record.org,
          reason: command.reason,
          at: formatInstant(atMs),
          reachAttempts: { phoneAttempts: reach.phoneAttempts, eveningAttempts: reach.eveningAttempts, met: reach.met },
          ...(overrideReason ? { override: {} } : {}),
          ...(survey ? { survey: { surveyId: survey.surveyId, expiresAt: surveyExpiry(atMs) } } : {}),
          ...(command.by !== undefined ? { by: command.by } : {}),
          ...(hasPersonalData(personal) ? { personalData: personal } : {}),
        },
      },
    ],
  };
}
