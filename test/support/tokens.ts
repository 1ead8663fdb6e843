import { SignJWT } from 'jose';
import { TEST_JWT_SECRET } from './app';

export type TestRole = 'police-integration' | 'volunteer' | 'coordinator' | 'staff' | 'analyst' | 'admin';

/** An HS256 token as the service's users would hold, signed with the test secret. */
export function tokenFor(sub: string, org: string, roles: TestRole[], secret = TEST_JWT_SECRET): Promise<string> {
  return new SignJWT({ org, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
