import { DomainError, conflict } from '../../shared/domain-error';
import { CaseRecord } from '../case-state';

/**
 * After erasure nothing personal may be kept for the case again: a note is refused (rather than
 * dropped unseen), and so is a link, which would hand on contact data that no longer exists.
 */
export function refusedAfterErasure(record: CaseRecord, what: 'note' | 'link'): DomainError | null {
  if (record.erasedAt === undefined) return null;
  return conflict(
    'personal-data-erased',
    what === 'note'
      ? 'The personal data of this case was erased; record the contact without a note'
      : 'The personal data of this case was erased; there is nothing to pass on to the other party',
  );
}
