/** Who is calling, from the verified token. */
export const ORG_IDS = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort', 'city'] as const;
export type CallerOrg = (typeof ORG_IDS)[number];

export const ROLES = ['police-integration', 'volunteer', 'coordinator', 'staff', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Caller {
  sub: string;
  org: CallerOrg;
  roles: Role[];
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return caller.roles.some((role) => roles.includes(role));
}
