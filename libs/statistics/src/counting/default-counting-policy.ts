import countingJson from '../../../../config/policy/counting.v1.json';
import { parseCountingPolicy, type CountingPolicy } from './counting-policy';

/** The counting rules in force, from `config/policy/counting.v1.json`, validated once on load. */
export const defaultCountingPolicy: CountingPolicy = parseCountingPolicy(countingJson);
