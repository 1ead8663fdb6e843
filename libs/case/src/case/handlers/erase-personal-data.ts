import { formatInstant } from '../../time/instant';
import { CaseDecision } from '../case-decision';
import { ErasePersonalData } from '../case-commands';
import { CaseState } from '../case-state';
import { existingCase } from './workable-case';

/** Erasure of a case's personal data; erasing again changes nothing (a retry, or retention). */
export function erasePersonalData(command: ErasePersonalData, state: CaseState): CaseDecision {
  const found = existingCase(state, command.caseId);
  if (!found.ok) return found;
  const record = found.value;
  if (record.erasedAt !== undefined) return { ok: true, events: [] };
  return {
    ok: true,
    events: [
      {
        type: 'PersonalDataErased',
        data: {
          caseId: record.caseId,
          org: record.org,
          at: formatInstant(Date.parse(command.now)),
          reason: command.reason,
          ...(command.by !== undefined ? { by: command.by } : {}),
        },
      },
    ],
  };
}
