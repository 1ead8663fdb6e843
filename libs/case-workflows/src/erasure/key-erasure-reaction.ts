import type { Reaction } from '../reactor';
import { caseSubject, type SubjectKeyEraser } from './subject-keys';

/**
 * Each `PersonalDataErased` is followed by the erasure of the case's key. The command that
 * recorded it erases the key at once; this reaction finishes the job for one that died in
 * between. Erasing a key again changes nothing.
 */
export function keyErasureReaction(keys: SubjectKeyEraser): Reaction {
  return {
    name: 'personal-data-key-erasure',
    handles: new Set(['PersonalDataErased']),
    react: async (event) => {
      const data = event.data as { caseId: string; at: string };
      await keys.erase(caseSubject(data.caseId), new Date(data.at));
    },
  };
}
