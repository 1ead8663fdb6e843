import { caseStream } from '../linked-case-opener';

/** The part of the personal-data vault that erasure needs: forget one subject's key for good. */
export interface SubjectKeyEraser {
  erase(subject: string, at: Date): Promise<void>;
}

/** A case's personal data is sealed under the key of its stream (libs/personal-data). */
export const caseSubject = (caseId: string) => caseStream(caseId);
