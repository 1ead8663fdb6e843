import { FieldProblem, conflict, invalid } from '../../shared/domain-error';
import { formatInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { ResolveTriage } from '../case-commands';
import { CaseState } from '../case-state';
import { suggestsLink } from './intake-facts';
import { checkMoment } from './moment';
import { unclosedCase } from './workable-case';

/** A coordinator routes a triage case by hand; the receiver's service clock starts then. */
export function resolveTriage(command: ResolveTriage, state: CaseState): CaseDecision {
  const found = unclosedCase(state, command.caseId);
  if (!found.ok) return found;
  const record = found.value;
  if (record.status !== 'triage') {
    return { ok: false, error: conflict('case-not-in-triage', `Case ${command.caseId} is not in triage`) };
  }
  const problems: FieldProblem[] = [];
  const atMs = checkMoment(command.at, 'at', { notBefore: record.receivedAt }, problems);
  if (atMs === null) return { ok: false, error: invalid(problems) };
  return {
    ok: true,
    events: [
      {
        type: 'TriageResolved',
        data: {
          caseId: record.caseId,
          org: command.routeTo,
          at: formatInstant(atMs),
          linkSuggested: suggestsLink(command.routeTo, record.routing.subjectAge),
          sla: command.sla.byOrg[command.routeTo],
          ...(command.by !== undefined ? { by: command.by } : {}),
        },
      },
    ],
  };
}
