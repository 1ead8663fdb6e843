/** How long a closed case keeps its person's personal data, per org (config/policy/retention.v1.json). */
export interface RetentionPolicy {
  readonly version: string;
  readonly defaultMonths: number;
  readonly orgs: Readonly<Record<string, number>>;
}

export class InvalidRetentionPolicyError extends Error {}

export function parseRetentionPolicy(raw: unknown): RetentionPolicy {
  const value = raw as { version?: unknown; personalDataMonthsAfterClosure?: { default?: unknown; orgs?: unknown } };
  const months = value?.personalDataMonthsAfterClosure;
  const check = (path: string, n: unknown): number => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 240) {
      throw new InvalidRetentionPolicyError(`retention policy: ${path} must be a whole number of months from 0 to 240`);
    }
    return n;
  };
  if (typeof value?.version !== 'string') throw new InvalidRetentionPolicyError('retention policy: version is required');
  const orgs = Object.fromEntries(
    Object.entries((months?.orgs ?? {}) as Record<string, unknown>).map(([org, n]) => [org, check(`orgs.${org}`, n)]),
  );
  return { version: value.version, defaultMonths: check('default', months?.default), orgs };
}

/** The latest closing moment whose personal data is due for erasure at `now`, for `org`. */
export function closedBefore(policy: RetentionPolicy, org: string, now: Date): Date {
  const months = policy.orgs[org] ?? policy.defaultMonths;
  const cutoff = new Date(now.getTime());
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  // 31 March minus one month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}
