import { FieldProblem, conflict, invalid, unprocessable } from '../../shared/domain-error';
import { isJour } from '../../shared/org';
import { formatInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { LinkToOtherParty } from '../case-commands';
import { CaseState } from '../case-state';
import { refusedAfterErasure } from './erased-personal-data';
import { checkMoment } from './moment';
import { openCase } from './workable-case';

/**
 * Links the person to the other party: a jour to Stödcentrum, Stödcentrum to a jour. Needs the
 * person's consent. Once per case. The receiver's case is opened by `OpenLinkedCase`.
 */
export function linkToOtherParty(command: LinkToOtherParty, state: CaseState): CaseDecision {
  const found = openCase(state, command.caseId);
  if (!found.ok) return found;
  const record = found.value;
  const from = record.org;
  const erased = refusedAfterErasure(record, 'link');
  if (erased) return { ok: false, error: erased };
  if (record.linkedTo) {
    return { ok: false, error: conflict('already-linked', `Case ${record.caseId} was already linked to ${record.linkedTo.org}`) };
  }
  if (isJour(from) === isJour(command.to)) {
    return {
      ok: false,
      error: unprocessable('link-not-allowed', `A link goes between a jour and Stödcentrum, not from ${from} to ${command.to}`),
    };
  }
  if (command.consent !== true) {
    return { ok: false, error: unprocessable('consent-required', 'The person must consent to being linked') };
  }
  const problems: FieldProblem[] = [];
  const atMs = checkMoment(command.at, 'at', { now: command.now, notBefore: record.receivedAt }, problems);
  if (atMs === null) return { ok: false, error: invalid(problems) };
  return {
    ok: true,
    events: [
      {
        type: 'PersonLinked',
        data: {
          caseId: record.caseId,
          org: from,
          to: command.to,
          linkedCaseId: command.linkedCaseId,
          at: formatInstant(atMs),
          ...(command.by !== undefined ? { by: command.by } : {}),
          ...(command.note !== undefined ? { personalData: { note: command.note } } : {}),
        },
      },
    ],
  };
}
