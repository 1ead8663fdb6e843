import { CoveragePolicy } from '../config/coverage-policy';
import { CaseOwner } from '../shared/org';
import { Area } from '../case/case-facts';
import { resolveArea } from './resolve-area';

/** Under this age the case goes to Stödcentrum; from it, to a jour. */
export const YOUTH_AGE_LIMIT = 21;

export type RoutingReason =
  | 'age-under-21'
  | 'area-covered'
  | 'age-unknown'
  | 'area-not-covered'
  | 'area-missing';

export interface RoutingOutcome {
  readonly routedTo: CaseOwner;
  readonly reason: RoutingReason;
  /** Current names of the area as matched, when it was found in the coverage table. */
  readonly matchedArea?: { readonly municipality: string; readonly district?: string };
}

/**
 * Where a case goes, by the age of the person the crime concerns at receipt, and the area. Total:
 * every input gets an org or `triage`, never an exception.
 */
export function routeCase(subjectAge: number | null, area: Area | undefined, coverage: CoveragePolicy): RoutingOutcome {
  const resolved = area ? resolveArea(area, coverage) : null;
  const matchedArea = resolved?.municipality
    ? { matchedArea: { municipality: resolved.municipality, ...(resolved.district ? { district: resolved.district } : {}) } }
    : {};
  if (subjectAge === null) return { routedTo: 'triage', reason: 'age-unknown', ...matchedArea };
  if (subjectAge < YOUTH_AGE_LIMIT) return { routedTo: 'stodcentrum', reason: 'age-under-21', ...matchedArea };
  if (!resolved) return { routedTo: 'triage', reason: 'area-missing' };
  if (!resolved.jour) return { routedTo: 'triage', reason: 'area-not-covered', ...matchedArea };
  return { routedTo: resolved.jour, reason: 'area-covered', ...matchedArea };
}
