import { PersonalDataErasedError, isSealedValue, type PersonalDataVault, type SealedValue } from '@referral/personal-data';
import { caseSubject } from '@referral/case-workflows';

/** The subject whose key seals answers that concern no one case. */
export const ANSWERS_SUBJECT = 'system:idempotency-answers';

export interface AnswerSealing {
  seal(caseId: string | null, body: unknown): Promise<SealedValue>;
  /** The body as it was answered, or `erased` when the case's key was erased since. */
  open(sealed: unknown): Promise<{ body: unknown } | 'erased'>;
}

/**
 * Seals first answers before they are kept. Most are ids and a status, but the case commands
 * answer the whole case view, names and notes included, so every answer about a case is sealed
 * under that case's own key: erasing the case makes its kept answers unreadable with everything
 * else. Any other answer (error bodies, volunteer ids, ...) is sealed under a key of its own, so
 * the table never holds an answer in clear, whatever a future route answers.
 */
export class AnswerSeal implements AnswerSealing {
  constructor(private readonly vault: PersonalDataVault) {}

  async seal(caseId: string | null, body: unknown): Promise<SealedValue> {
    const boxed = { body: body ?? null };
    if (caseId === null) return this.vault.seal(ANSWERS_SUBJECT, boxed);
    try {
      return await this.vault.seal(caseSubject(caseId), boxed);
    } catch (error) {
      // The answer of the erasure itself: rendered after the key was gone, it holds nothing personal.
      if (error instanceof PersonalDataErasedError) return this.vault.seal(ANSWERS_SUBJECT, boxed);
      throw error;
    }
  }

  async open(sealed: unknown): Promise<{ body: unknown } | 'erased'> {
    if (!isSealedValue(sealed)) throw new Error('A kept answer is not sealed');
    const opened = (await this.vault.open(sealed)) as { body: unknown } | null;
    return opened ?? 'erased';
  }
}
