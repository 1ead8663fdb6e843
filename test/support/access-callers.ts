import accessPolicy from '../../config/policy/access.v1.json';
import { bearer, tokenFor, type TestRole } from './tokens';

export const ROLES: TestRole[] = ['police-integration', 'volunteer', 'coordinator', 'staff', 'analyst', 'admin'];
export const CASE_ORGS = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'] as const;
export const ORGS = [...CASE_ORGS, 'city'] as const;
export type Org = (typeof ORGS)[number];

/** One caller of the matrix: a single role in a single org, or nobody (no token). */
export interface MatrixCaller {
  name: string;
  role: TestRole | null;
  org: Org | null;
  sub: string | null;
  headers: Record<string, string>;
}

export async function matrixCallers(): Promise<MatrixCaller[]> {
  const withTokens = await Promise.all(
    ROLES.flatMap((role) =>
      ORGS.map(async (org): Promise<MatrixCaller> => {
        const sub = `${role}-${org}`;
        return { name: `${role}@${org}`, role, org, sub, headers: bearer(await tokenFor(sub, org, [role])) };
      }),
    ),
  );
  return [{ name: 'no token', role: null, org: null, sub: null, headers: {} }, ...withTokens];
}

export function volunteersSeeUnassigned(org: string): boolean {
  const orgs = accessPolicy.orgs as Record<string, { volunteersSeeUnassigned: boolean } | undefined>;
  return orgs[org]?.volunteersSeeUnassigned ?? false;
}
