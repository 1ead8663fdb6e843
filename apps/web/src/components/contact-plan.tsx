import type { CaseView } from '../api/types';
import { attemptWindowText } from '../format/attempt-window';
import { attemptsStillNeeded, personReached } from '../format/case-deadline';
import { formatDate, formatTime } from '../format/time';
import { useLanguage, useT } from '../i18n/i18n';
import { caseMessages } from './case-messages';

/** The reach attempts so far and the next attempt's window, in words. */
export function ContactPlan({ view, now }: { view: CaseView; now: number }) {
  const t = useT(caseMessages);
  const { language } = useLanguage();
  const reach = view.reachAttempts;
  const needed = attemptsStillNeeded(reach);
  const reached = personReached(view.history);
  return (
    <div className="plan" data-testid="contact-plan">
      {view.nextAttempt ? (
        <p className="plan__window">{attemptWindowText(view.nextAttempt, now, language)}</p>
      ) : (
        <p className="plan__window">{reached ? t('reached') : t('noPlan')}</p>
      )}
      <p className="plan__attempts">
        {t('attempts', { phone: reach.phone, phoneRequired: reach.required.phone, evening: reach.evening, eveningRequired: reach.required.evening })}
      </p>
      {!reached && <p className="plan__status">{needed.evening === 0 ? `✓ ${t('eveningMet')}` : t('eveningNeeded')}</p>}
      {!reached && reach.met && <p className="plan__status">✓ {t('attemptsMet')}</p>}
      {view.sharedOpenEvening && view.status === 'open' && (
        <p className="muted">
          {t('sharedEvening', {
            day: formatDate(view.sharedOpenEvening.on, language),
            from: formatTime(view.sharedOpenEvening.from, language),
            to: formatTime(view.sharedOpenEvening.to, language),
          })}
        </p>
      )}
    </div>
  );
}
