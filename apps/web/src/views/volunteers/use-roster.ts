import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { Page, RosterVolunteer } from '../../api/types';

/** The same key as the case page's volunteer names (views/case-page/use-volunteer-names), so both read one roster. */
export const rosterKey = (org: string) => ['volunteers', org] as const;

/** The org's roster (`GET /orgs/{org}/volunteers`); the city has none. */
export function useRoster(org: string) {
  const api = useApi();
  return useQuery({
    queryKey: rosterKey(org),
    queryFn: () => api.get<Page<RosterVolunteer>>(`/orgs/${encodeURIComponent(org)}/volunteers?limit=500`),
    enabled: org !== '' && org !== 'city',
  });
}
