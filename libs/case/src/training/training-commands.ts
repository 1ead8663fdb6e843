import { OrgId } from '../shared/org';

export interface RecordTraining {
  readonly type: 'RecordTraining';
  readonly trainingId: string;
  readonly org: OrgId;
  /** As sent; the decider refuses anything but `basic` or `further`. */
  readonly kind: string;
  /** `YYYY-MM-DD`, not after the day of `at`. */
  readonly on: string;
  readonly topic?: string;
  readonly participants: readonly string[];
  /** Which of `participants` the app found as volunteers of `org` (others are refused). */
  readonly volunteersOfOrg: ReadonlySet<string>;
  readonly at: string;
  readonly by?: string;
}
