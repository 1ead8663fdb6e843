import { CrimeCategory } from '../case/case-facts';
import { MissingConsent } from '../routing/consent';
import { CaseOwner } from '../shared/org';

/**
 * A handover refused for want of consent: a count for coordinators, with no personal data at
 * all. Not a case event (no case exists); the app appends it to a stream of its own, e.g.
 * `handover-<handoverId>`.
 */
export interface HandoverRefusedForConsent {
  readonly type: 'HandoverRefusedForConsent';
  readonly data: {
    readonly handoverId: string;
    /** When it was refused. */
    readonly at: string;
    readonly handedOverAt: string;
    readonly missing: readonly MissingConsent[];
    /** Where the case would have gone, so each org can see its refusals. */
    readonly wouldRouteTo: CaseOwner;
    readonly crimeCategory: CrimeCategory;
    readonly by?: string;
  };
}
