import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { Page, Volunteer } from '../../api/types';
import { useSession } from '../../auth/session';

/** Volunteer names by id for the org's coordinator (who may read the roster); undefined for others. */
export function useVolunteerNames(org: string | undefined): Record<string, string> | undefined {
  const api = useApi();
  const { session } = useSession();
  const mayRead = !!org && !!session && session.claims.roles.includes('coordinator') && session.claims.org === org;
  const roster = useQuery({
    queryKey: ['volunteers', org],
    queryFn: () => api.get<Page<Volunteer>>(`/orgs/${encodeURIComponent(org!)}/volunteers?limit=500`),
    enabled: mayRead,
    staleTime: 60_000,
  });
  if (!roster.data) return undefined;
  return Object.fromEntries(roster.data.items.map((v) => [v.volunteerId, v.displayName]));
}
