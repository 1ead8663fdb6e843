import type { HistoryEntry } from '../../api/types';
import { useSession } from '../../auth/session';
import { formatDateTime } from '../../format/time';
import { useLanguage, useT } from '../../i18n/i18n';
import { describeHistoryEntry } from './history-text';
import { casePageMessages } from './messages';

/** The case's history, oldest first, as a timeline of what happened, in words. */
export function HistoryTimeline({ history, volunteerNames, myVolunteerId }: { history: HistoryEntry[]; volunteerNames?: Record<string, string>; myVolunteerId?: string | null }) {
  const t = useT(casePageMessages);
  const { language } = useLanguage();
  const { session } = useSession();
  if (history.length === 0) return <p>{t('noHistory')}</p>;
  return (
    <ol className="timeline" data-testid="history">
      {history.map((entry, i) => {
        const text = describeHistoryEntry(entry, { language, mySub: session?.claims.sub, volunteerNames, myVolunteerId: myVolunteerId ?? undefined });
        return (
          <li key={`${entry.type}-${entry.at}-${i}`} className={text.tone ? `timeline__item--${text.tone}` : undefined} data-type={entry.type}>
            <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
            <strong>{text.title}</strong>
            {text.details.length > 0 && (
              <ul className="timeline__details">
                {text.details.map((detail, j) => <li key={j}>{detail}</li>)}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
