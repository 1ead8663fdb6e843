/** What the app reads from a token it was given (the API checks the signature; this only shows). */
export interface Claims {
  sub: string;
  org: string;
  roles: string[];
  /** Seconds since the epoch. */
  exp: number | null;
  name?: string;
}

export function decodeClaims(token: string): Claims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if (typeof claims.sub !== 'string' || typeof claims.org !== 'string' || !Array.isArray(claims.roles)) return null;
    return {
      sub: claims.sub,
      org: claims.org,
      roles: claims.roles.filter((r): r is string => typeof r === 'string'),
      exp: typeof claims.exp === 'number' ? claims.exp : null,
      name: typeof claims.name === 'string' ? claims.name : undefined,
    };
  } catch {
    return null;
  }
}

export function isExpired(claims: Claims, nowMs: number): boolean {
  return claims.exp !== null && claims.exp * 1000 <= nowMs;
}

/** Where a role starts: the page of its main task. */
export function homePathFor(claims: Claims): string {
  if (claims.roles.includes('volunteer')) return '/my-cases';
  if (claims.roles.includes('staff')) return '/incoming';
  if (claims.roles.includes('coordinator')) return claims.org === 'city' ? '/triage' : '/deadlines';
  if (claims.roles.includes('analyst')) return '/statistics';
  return '/statistics';
}
