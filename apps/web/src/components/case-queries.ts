import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useApi } from '../api/api-context';
import type { CaseView } from '../api/types';
import { isFinalAnswer, useIdempotencyKeys } from './idempotency-keys';

/** Query keys: one case's view, and every list of cases (invalidated after each command). */
export const caseKey = (caseId: string) => ['case', caseId] as const;
export const CASE_LISTS = ['cases'] as const;

export function useCaseView(caseId: string, options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: caseKey(caseId),
    queryFn: () => api.get<CaseView>(`/cases/${encodeURIComponent(caseId)}`),
    enabled: options.enabled ?? true,
  });
}

/** The case commands whose answer is the case view (contract: contacts, contact-safety, links, assignment, closure, erasure). */
export type CaseCommand = 'contacts' | 'contact-safety' | 'links' | 'assignment' | 'closure' | 'erasure';

/**
 * A command on a case with an Idempotency-Key per intended action (kept until the service
 * answered it for good, so a double tap or a retry after a lost answer takes effect once); its
 * answer, the case view, replaces the cached one, and the lists are fetched again.
 */
export function useCaseCommand<B>(caseId: string, command: CaseCommand) {
  const api = useApi();
  const client = useQueryClient();
  const keys = useIdempotencyKeys();
  const inFlight = useRef(new Map<string, Promise<CaseView>>());
  return useMutation({
    mutationFn: (body: B) => {
      const key = keys.keyFor(body);
      // A second tap while the first is on its way waits for the same answer.
      const pending = inFlight.current.get(key);
      if (pending) return pending;
      const sent = api.post<CaseView>(`/cases/${encodeURIComponent(caseId)}/${command}`, body, { idempotencyKey: key }).then(
        (view) => {
          keys.answered(key);
          return view;
        },
        (error: unknown) => {
          if (isFinalAnswer(error)) keys.answered(key);
          throw error;
        },
      ).finally(() => inFlight.current.delete(key));
      inFlight.current.set(key, sent);
      return sent;
    },
    onSuccess: (view) => {
      client.setQueryData(caseKey(caseId), view);
      void client.invalidateQueries({ queryKey: CASE_LISTS });
    },
    // "Saved, but not shown yet" (503) and refusals: what the case shows now is worth fetching again.
    onError: (error) => {
      if (isFinalAnswer(error)) void client.invalidateQueries({ queryKey: caseKey(caseId) });
    },
  });
}
