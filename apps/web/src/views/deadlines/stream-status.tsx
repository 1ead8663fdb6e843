import type { StreamStatus } from '../../api/sse';
import { useT } from '../../i18n/i18n';
import { deadlineMessages } from './messages';

/** Whether the page is live, in words (the badge colour only repeats it). */
export function StreamStatusBadge({ status }: { status: StreamStatus }) {
  const t = useT(deadlineMessages);
  const [word, tone] = status === 'live' ? [t('live'), 'ok'] : status === 'connecting' ? [t('connecting'), 'neutral'] : [t('reconnecting'), 'at-risk'];
  return (
    <p className="stream-status" data-testid="stream-status" data-status={status}>
      {t('streamLabel')} <span className={`badge badge--${tone}`}>{word}</span>
    </p>
  );
}
