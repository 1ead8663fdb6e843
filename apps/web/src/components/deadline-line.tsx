import { SLA_STATES } from '@referral/labels';
import type { CaseView, SlaState } from '../api/types';
import { pendingDeadline } from '../format/case-deadline';
import { formatDateTime, timeLeft } from '../format/time';
import { useLabel, useLanguage, useT } from '../i18n/i18n';
import { caseMessages } from './case-messages';

/** The deadline state in words (the colour only repeats it). */
export function SlaBadge({ state }: { state: SlaState }) {
  const label = useLabel();
  return <span className={`badge badge--${state}`}>{label(SLA_STATES, state)}</span>;
}

/** The state, and the time left to the deadline the case works towards now. */
export function DeadlineLine({ view, now }: { view: CaseView; now: number }) {
  const t = useT(caseMessages);
  const { language } = useLanguage();
  const pending = pendingDeadline(view);
  const left = pending ? timeLeft(pending.dueAt, now, language) : null;
  return (
    <p className="row deadline-line">
      <SlaBadge state={view.slaState} />
      <span className={left?.overdue ? 'deadline-line__overdue' : undefined}>
        {pending && left
          ? t(pending.rule === 'first-contact' ? 'firstContactDue' : 'reachAttemptsDue', { left: left.text, when: formatDateTime(pending.dueAt, language) })
          : t('noDeadline')}
      </span>
    </p>
  );
}
