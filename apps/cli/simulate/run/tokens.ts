import { SignJWT } from 'jose';
import type { Actor } from '../plan/plan-types';

/** Mints and keeps one HS256 token per actor, signed with the service's secret, as its users would hold. */
export class TokenMint {
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  tokenFor(actor: Actor): Promise<string> {
    const id = `${actor.org}|${actor.roles.join(',')}|${actor.sub}`;
    let token = this.tokens.get(id);
    if (!token) {
      token = new SignJWT({ org: actor.org, roles: [...actor.roles] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(actor.sub)
        .setIssuedAt()
        .setExpirationTime('24h')
        .sign(this.key);
      this.tokens.set(id, token);
    }
    return token;
  }
}
