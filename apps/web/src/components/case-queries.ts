import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import type { CaseView } from '../api/types';
import { useIdempotencyKeys } from './idempotency-keys';

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

/** The case commands whose answer is the case view (contract: contacts, contact-safety, links, assignment). */
export type CaseCommand = 'contacts' | 'contact-safety' | 'links' | 'assignment';

/**
 * A command on a case with an Idempotency-Key per intended action (kept until it succeeds); its
 * answer, the case view, replaces the cached one, and the lists are fetched again.
 */
export function useCaseCommand<B>(caseId: string, command: CaseCommand) {
  const api = useApi();
  const client = useQueryClient();
  const keys = useIdempotencyKeys();
  return useMutation({
    mutationFn: async (body: B) => {
      const key = keys.keyFor(body);
      const view = await api.post<CaseView>(`/cases/${encodeURIComponent(caseId)}/${command}`, body, { idempotencyKey: key });
      keys.succeeded(key);
      return view;
    },
    onSuccess: (view) => {
      client.setQueryData(caseKey(caseId), view);
      void client.invalidateQueries({ queryKey: CASE_LISTS });
    },
  });
}
