import { toApiError } from '../api/errors';

/** Which roles make sense for whom in the demo (the API decides what each may do). */
export const DEMO_CHOICES: Record<string, string[]> = {
  'boj-vasterort': ['volunteer', 'coordinator'],
  'boj-stockholm-gotland': ['volunteer', 'coordinator'],
  'boj-sodra-stockholm': ['volunteer', 'coordinator'],
  stodcentrum: ['staff', 'coordinator'],
  city: ['coordinator', 'analyst'],
};

/** `as` signs in as a person (a volunteer): their user id and the name the header shows. */
export async function demoToken(org: string, role: string, as?: { sub: string; name: string }): Promise<string> {
  const response = await fetch('/app/demo-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ org, role, ...as }),
  });
  if (!response.ok) throw await toApiError(response);
  return ((await response.json()) as { token: string }).token;
}

export interface DemoVolunteer {
  volunteerId: string;
  userId: string;
  displayName: string;
}

/** The org's active volunteers, read as its coordinator, so the demo can sign in as one of them. */
export async function demoVolunteers(org: string): Promise<DemoVolunteer[]> {
  const token = await demoToken(org, 'coordinator');
  const response = await fetch(`/api/v1/orgs/${encodeURIComponent(org)}/volunteers?limit=500`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw await toApiError(response);
  const { items } = (await response.json()) as { items: (DemoVolunteer & { activeUntil: string | null })[] };
  return items.filter((v) => v.activeUntil === null).sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));
}
