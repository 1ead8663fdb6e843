import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { CaseListItem, CaseView, Page } from '../../api/types';
import { caseKey } from '../../components/case-queries';

/** How often the page asks for new cases while it is open (and again whenever the window gets focus). */
export const INCOMING_REFRESH_MS = 15_000;
/** A case's person, crime and origin rarely change: read once, then from the cache. */
const DETAIL_STALE_MS = 5 * 60_000;

export const incomingKey = ['cases', 'incoming'] as const;

/** The org's open cases (one page of the most the API gives; the org's open cases fit in it). */
export function useIncomingCases(): UseQueryResult<Page<CaseListItem>> {
  const api = useApi();
  return useQuery({
    queryKey: incomingKey,
    queryFn: () => api.get<Page<CaseListItem>>('/cases?status=open&limit=500'),
    refetchInterval: INCOMING_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

export type CaseDetail = CaseView | 'failed' | undefined;

/** The case views of the rows shown (their person, crime and origin), by case id. */
export function useCaseDetails(caseIds: readonly string[]): Map<string, CaseDetail> {
  const api = useApi();
  const results = useQueries({
    queries: caseIds.map((caseId) => ({
      queryKey: caseKey(caseId),
      queryFn: () => api.get<CaseView>(`/cases/${encodeURIComponent(caseId)}`),
      staleTime: DETAIL_STALE_MS,
    })),
  });
  return new Map(caseIds.map((caseId, i) => [caseId, results[i]!.isError ? 'failed' : results[i]!.data]));
}
