import { useEffect, useRef, useState } from 'react';
import { ORGS } from '@referral/labels';
import type { CaseListItem } from '../../api/types';
import { useLabel, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { describeArrivals } from './arrivals';
import { linkOrigin } from './incoming-list';
import { incomingMessages } from './messages';
import type { CaseDetail } from './use-incoming';

/**
 * Cases that arrive while the page is open: announced in the live region (a shown link once its
 * linking org is read), and marked new. What was there when the page opened is not news.
 */
export function useArrivals(items: readonly CaseListItem[] | undefined, details: Map<string, CaseDetail>): ReadonlySet<string> {
  const t = useT(incomingMessages);
  const label = useLabel();
  const announce = useAnnounce();
  const known = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (!items) return;
    if (!known.current) {
      known.current = new Set(items.map((c) => c.caseId));
      return;
    }
    const seen = known.current;
    const arrived = items.filter((c) => !seen.has(c.caseId));
    // A link's origin is waited for while its details load; one not shown is announced without it.
    const ready = arrived.filter((c) => c.source !== 'link' || !details.has(c.caseId) || details.get(c.caseId) !== undefined);
    if (ready.length === 0) return;
    for (const c of ready) seen.add(c.caseId);
    const arrivals = ready.map((c) => {
      const detail = details.get(c.caseId);
      return { caseId: c.caseId, source: c.source, linkedFrom: detail && detail !== 'failed' ? linkOrigin(detail)?.org ?? null : null };
    });
    announce(describeArrivals(arrivals, t, (org) => label(ORGS, org)));
    setFresh((previous) => new Set([...previous, ...ready.map((c) => c.caseId)]));
  });

  return fresh;
}
