/**
 * The first event of `handover-<handoverId>`: the handover was taken and became this case.
 * Appended with "no stream" expected, so one of any number of concurrent deliveries wins.
 */
export interface HandoverAccepted {
  readonly type: 'HandoverAccepted';
  readonly data: {
    readonly handoverId: string;
    readonly caseId: string;
    readonly routedTo: string;
    readonly status: 'open' | 'triage';
    readonly at: string;
  };
}

export const handoverStream = (handoverId: string) => `handover-${handoverId}`;
export { caseStream } from '@referral/case-workflows';

/** What POST /handovers answers, the first time and every time after. */
export interface HandoverAnswer {
  caseId: string;
  routedTo: string;
  status: 'open' | 'triage';
}
