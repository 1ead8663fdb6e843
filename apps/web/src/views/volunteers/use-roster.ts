import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { Page, RosterVolunteer } from '../../api/types';

export const rosterKey = (org: string) => ['volunteers', org] as const;

/** The org's roster (`GET /orgs/{org}/volunteers`); `enabled: false` for the city, which has none. */
export function useRoster(org: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: rosterKey(org),
    queryFn: () => api.get<Page<RosterVolunteer>>(`/orgs/${encodeURIComponent(org)}/volunteers`),
    enabled: enabled && org !== 'city',
  });
}

/** volunteerId → display name, for rows that carry only the assignee's id. */
export function useVolunteerNames(org: string): (volunteerId: string) => string | undefined {
  const roster = useRoster(org);
  const names = new Map((roster.data?.items ?? []).map((v) => [v.volunteerId, v.displayName]));
  return (volunteerId) => names.get(volunteerId);
}
