import type { IncomingT } from './messages';

export interface Arrival {
  caseId: string;
  source: string;
  /** The linking org, for a link whose origin is known. */
  linkedFrom?: string | null;
}

/**
 * What the live region says when cases arrive while the page is open: links grouped by the org
 * that linked them ("1 ny länkning från Brottsofferjouren Västerort"), then other new cases.
 */
export function describeArrivals(arrivals: readonly Arrival[], t: IncomingT, orgName: (org: string) => string): string {
  const parts: string[] = [];
  const linksByOrg = new Map<string | null, number>();
  for (const arrival of arrivals) {
    if (arrival.source !== 'link') continue;
    const org = arrival.linkedFrom ?? null;
    linksByOrg.set(org, (linksByOrg.get(org) ?? 0) + 1);
  }
  for (const [org, count] of linksByOrg) {
    if (org === null) parts.push(count === 1 ? t('arrivalLinkUnknown') : t('arrivalLinksUnknown', { count }));
    else parts.push(count === 1 ? t('arrivalLink', { org: orgName(org) }) : t('arrivalLinks', { count, org: orgName(org) }));
  }
  const others = arrivals.filter((a) => a.source !== 'link').length;
  if (others > 0) parts.push(others === 1 ? t('arrivalCase') : t('arrivalCases', { count: others }));
  return parts.join('. ');
}
