import { defaultCoveragePolicy, defaultSlaPolicy, type CoveragePolicy, type SlaPolicy } from '@referral/case';

/** The organisation policies in force (the versioned files under config/policy). */
export class Policies {
  constructor(
    readonly coverage: CoveragePolicy = defaultCoveragePolicy,
    readonly sla: SlaPolicy = defaultSlaPolicy,
  ) {}
}
