import type { CaseView } from '../../api/types';

/** A coordinator's actions on a case (assign, close with override, erase); placeholder until built. */
export function CaseActions(_props: { caseView: CaseView }) {
  return null;
}
