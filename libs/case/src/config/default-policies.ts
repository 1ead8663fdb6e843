import contactJson from '../../../../config/policy/contact.v1.json';
import coverageJson from '../../../../config/policy/coverage.v1.json';
import slaJson from '../../../../config/policy/sla.v1.json';
import { ContactPolicy, parseContactPolicy } from './contact-policy';
import { CoveragePolicy, parseCoveragePolicy } from './coverage-policy';
import { SlaPolicy, parseSlaPolicy } from './sla-policy';

/** The policies in force, from the versioned files in `config/policy`, validated once on load. */
export const defaultCoveragePolicy: CoveragePolicy = parseCoveragePolicy(coverageJson);
export const defaultSlaPolicy: SlaPolicy = parseSlaPolicy(slaJson);
export const defaultContactPolicy: ContactPolicy = parseContactPolicy(contactJson);
