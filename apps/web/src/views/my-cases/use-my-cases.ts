import { useQueries, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { CaseListItem, CaseView, Page } from '../../api/types';
import { caseKey, CASE_LISTS } from '../../components/case-queries';

/** How many unassigned cases are offered at a time (each is fetched in full to show its language). */
export const UNASSIGNED_SHOWN = 10;

/** My open cases in the API's order (most urgent first), each with its full view for the plan and safety. */
export function useMyCases() {
  const api = useApi();
  const list = useQuery({
    queryKey: [...CASE_LISTS, 'mine'],
    queryFn: () => api.get<Page<CaseListItem>>('/cases?assignee=me&status=open&limit=100'),
  });
  const details = useQueries({
    queries: (list.data?.items ?? []).map((item) => ({
      queryKey: caseKey(item.caseId),
      queryFn: () => api.get<CaseView>(`/cases/${encodeURIComponent(item.caseId)}`),
    })),
  });
  return { list, details };
}

/**
 * The org's open cases nobody holds. The API lists them for a volunteer only where the org's
 * access policy lets volunteers see (and take) them; elsewhere the list has none.
 */
export function useUnassignedCases() {
  const api = useApi();
  return useQuery({
    queryKey: [...CASE_LISTS, 'open'],
    queryFn: () => api.get<Page<CaseListItem>>('/cases?status=open&limit=200'),
    select: (page) => page.items.filter((item) => item.assigneeId === null),
  });
}
