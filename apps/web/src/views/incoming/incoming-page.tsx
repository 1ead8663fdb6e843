import { useEffect, useRef, useState } from 'react';
import { ORGS } from '@referral/labels';
import { useSession } from '../../auth/session';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { formatTime } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { IncomingRow } from './incoming-row';
import { newestFirst, summarize, type IncomingSummary } from './incoming-list';
import { incomingMessages } from './messages';
import { useArrivals } from './use-arrivals';
import { useCaseDetails, useIncomingCases } from './use-incoming';
import './incoming.css';

const PAGE_SIZE = 20;

/** Stödcentrum's new cases and links: the org's open cases, newest first, refreshed while open. */
export function IncomingPage() {
  const t = useT(incomingMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const { session } = useSession();
  const query = useIncomingCases();
  const [shown, setShown] = useState(PAGE_SIZE);
  const [closedNotice, setClosedNotice] = useState<{ text: string; n: number } | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);

  const items = query.data ? newestFirst(query.data.items) : undefined;
  const visible = items?.slice(0, shown) ?? [];
  const details = useCaseDetails(visible.map((c) => c.caseId));
  const fresh = useArrivals(items, details);

  useEffect(() => {
    if (closedNotice) notice.current?.focus();
  }, [closedNotice]);
  const onClosed = (text: string) => setClosedNotice((previous) => ({ text, n: (previous?.n ?? 0) + 1 }));

  return (
    <Page title={t('title')}>
      <p>{t('intro', { org: label(ORGS, session?.claims.org ?? '') })}</p>
      {closedNotice && <p ref={notice} tabIndex={-1} className="notice notice--ok incoming-closed">{closedNotice.text}</p>}
      {items ? (
        <>
          {/* A refresh that fails keeps the list it had, and says so, instead of blanking it. */}
          {query.isError && <p className="notice notice--warn" role="status">{t('refreshFailed', { time: formatTime(new Date(query.dataUpdatedAt).toISOString(), language) })}</p>}
          <Summary summary={summarize(items)} />
          <p className="muted">{t('updated', { time: formatTime(new Date(query.dataUpdatedAt).toISOString(), language) })}</p>
          {items.length === 0 ? (
            <p className="notice">{t('empty')}</p>
          ) : (
            <ul className="card-list" aria-label={t('listLabel')}>
              {visible.map((item) => (
                <IncomingRow key={item.caseId} item={item} detail={details.get(item.caseId)} fresh={fresh.has(item.caseId)} onClosed={onClosed} />
              ))}
            </ul>
          )}
          {items.length > shown && (
            <p className="incoming-more">
              <button type="button" className="button" onClick={() => setShown((n) => n + PAGE_SIZE)}>
                {t('showMore')} <span className="muted">({t('more', { count: items.length - shown })})</span>
              </button>
            </p>
          )}
        </>
      ) : (
        <QueryState query={query}>{() => null}</QueryState>
      )}
    </Page>
  );
}

function Summary({ summary }: { summary: IncomingSummary }) {
  const t = useT(incomingMessages);
  return (
    <dl className="incoming-summary">
      <div><dt>{t('summaryOpen')}</dt><dd>{summary.open}</dd></div>
      <div><dt>{t('summaryUnassigned')}</dt><dd>{summary.unassigned}</dd></div>
      <div><dt>{t('summaryLinks')}</dt><dd>{summary.links}</dd></div>
    </dl>
  );
}
