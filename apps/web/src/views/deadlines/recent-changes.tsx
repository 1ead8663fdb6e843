import { useCallback, useState } from 'react';
import type { SlaChangeEvent } from '../../api/types';
import { caseRef } from '../../format/case-ref';
import { formatTime } from '../../format/time';
import { useLanguage, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { Link } from '../../router';
import { deadlineMessages } from './messages';
import { announcementOf, withChange } from './sla-events';

export interface RecentChange {
  id: string;
  caseId: string;
  at: string;
  text: string;
}

/** Each announced change is said in the live region and kept on the page, the latest first. */
export function useRecentChanges(): { recent: RecentChange[]; onChange(change: SlaChangeEvent, id: string): void } {
  const t = useT(deadlineMessages);
  const announce = useAnnounce();
  const [recent, setRecent] = useState<RecentChange[]>([]);
  const onChange = useCallback(
    (change: SlaChangeEvent, id: string) => {
      const key = announcementOf(change);
      if (!key) return;
      const text = t(key, { ref: caseRef(change.caseId) });
      announce(text);
      setRecent((list) => withChange(list, { id, caseId: change.caseId, at: change.at, text }));
    },
    [t, announce],
  );
  return { recent, onChange };
}

export function RecentChanges({ recent }: { recent: RecentChange[] }) {
  const t = useT(deadlineMessages);
  const { language } = useLanguage();
  if (recent.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recent-changes-title">
      <h2 id="recent-changes-title">{t('recentTitle')}</h2>
      <ul className="recent-changes" data-testid="recent-changes">
        {recent.map((item) => (
          <li key={item.id}>
            <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{t('changeLine', { time: formatTime(item.at, language), text: item.text })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
