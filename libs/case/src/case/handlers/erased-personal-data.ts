import { DomainError, conflict } from '../../shared/domain-error';
import { CaseRecord } from '../case-state';

/**
 * After erasure nothing personal may be kept for the case again: a note or an override's reason
 * is refused (rather than dropped unseen), and so is a link, which would hand on contact data
 * that no longer exists.
 */
export function refusedAfterErasure(record: CaseRecord, what: 'note' | 'link' | 'override'): DomainError | null {
  if (record.erasedAt === undefined) return null;
  return conflict('personal-data-erased', `The personal data of this case was erased; ${REFUSALS[what]}`);
}

const REFUSALS = {
  note: 'record the contact without a note',
  link: 'there is nothing to pass on to the other party',
  override: 'an override\'s reason cannot be kept: close the case without one',
} as const;
