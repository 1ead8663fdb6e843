import { SignJWT } from 'jose';

/**
 * An HS256 token with the service's own secret, as the operator CLIs and the demo sign-in make
 * them; `name` is the OpenID display name the web app shows in its header.
 */
export function operatorTokenFor(secret: string, org: string, roles: string[], sub: string, expires = '8h', name?: string): Promise<string> {
  return new SignJWT(name ? { org, roles, name } : { org, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
}
