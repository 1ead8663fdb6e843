import { caseDecider, type CaseEvent, type CaseState } from '@referral/case';
import type { EventStore } from '@referral/event-store';
import { caseStream } from '../linked-case-opener';

/** The case as its decider sees it now, folded from its stream. */
export async function loadCase(store: EventStore, caseId: string): Promise<CaseState> {
  const recorded = await store.readStream(caseStream(caseId));
  return recorded.reduce(
    (state, e) => caseDecider.evolve(state, { type: e.type, data: e.data } as unknown as CaseEvent),
    caseDecider.initialState,
  );
}
