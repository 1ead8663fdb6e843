import type { PersonLinked } from '@referral/case';
import type { LinkedCaseOpener } from './linked-case-opener';
import type { Reaction } from './reactor';

/**
 * Each `PersonLinked` is followed by the receiver's case. The API opens it at once; this reaction
 * catches a request that died in between. Opening is idempotent, so a replay changes nothing.
 */
export function linkedCaseReaction(opener: LinkedCaseOpener): Reaction {
  return {
    name: 'linked-case-opener',
    handles: new Set(['PersonLinked']),
    react: async (event) => {
      const linked = { type: 'PersonLinked', data: event.data } as unknown as PersonLinked;
      await opener.openFromRecorded(linked.data.caseId, event.revision, linked);
    },
  };
}
