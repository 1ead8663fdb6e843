import type { Claims } from '../../auth/claims';
import type { CaseView } from '../../api/types';

export interface CaseActionRights {
  assign: boolean;
  close: boolean;
  /** Close as unreachable before the attempts rule holds, with a reason (coordinators only). */
  override: boolean;
  erase: boolean;
  route: boolean;
}

const NONE: CaseActionRights = { assign: false, close: false, override: false, erase: false, route: false };

/**
 * What the API lets this caller do to this case (apps/api: assignment and erasure are for
 * coordinators, closing for every worker of the case's org, the override for coordinators,
 * routing triage for the city's coordinators). The city's coordinators hold the triage queue.
 * Staff close; they neither assign nor erase.
 */
export function caseActionRights(claims: Claims, view: Pick<CaseView, 'org' | 'status' | 'person'>): CaseActionRights {
  const ownCase = claims.org === view.org || (claims.org === 'city' && view.org === 'triage');
  if (!ownCase) return NONE;
  const coordinator = claims.roles.includes('coordinator');
  const staff = claims.roles.includes('staff');
  if (!coordinator && !staff) return NONE;
  const unclosed = view.status !== 'closed';
  return {
    assign: coordinator && view.status === 'open',
    close: unclosed,
    override: coordinator && unclosed,
    erase: coordinator && view.person?.personalData !== 'erased',
    route: coordinator && view.status === 'triage' && claims.org === 'city',
  };
}
