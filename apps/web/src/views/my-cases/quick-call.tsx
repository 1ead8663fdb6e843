import { useId, useRef, useState } from 'react';
import { OUTCOMES } from '@referral/labels';
import type { CaseView } from '../../api/types';
import { fieldError, formError } from '../../components/api-error-text';
import { useCaseCommand } from '../../components/case-queries';
import { attemptWindowText } from '../../format/attempt-window';
import { formatDateTime, formatTime, fromLocalInputValue, toLocalInputValue } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { myCasesMessages } from './messages';

const PHONE_OUTCOMES = ['reached', 'no-answer', 'voicemail', 'wrong-number', 'declined'] as const;
type PhoneCall = { channel: 'phone'; outcome: string; at?: string };

/**
 * A phone call in two taps: "Ring", then how it went. The time is now (the service's clock)
 * unless changed first; the same tap again, or a retry after a failure, records one call.
 */
export function QuickCall({ view, now }: { view: CaseView; now: number }) {
  const t = useT(myCasesMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const announce = useAnnounce();
  const ids = { panel: useId(), time: useId(), hint: useId(), error: useId() };
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [time, setTime] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const record = useCaseCommand<PhoneCall>(view.caseId, 'contacts');

  const tap = (outcome: string) => {
    // Left unchanged, `at` stays out and the service records its own now: a phone whose clock
    // runs ahead is never "in the future", and a retry sends the very same body.
    const body: PhoneCall = { channel: 'phone', outcome, ...(time ? { at: fromLocalInputValue(time) } : {}) };
    record.mutate(body, {
      onSuccess: (next) => {
        const recorded = [...next.history].reverse().find((e) => e.type === 'ContactRecorded');
        setSaved(t('savedShown', { outcome: label(OUTCOMES, outcome), time: recorded ? formatDateTime(recorded.at, language) : '' }));
        announce(`${t('saved')}. ${next.nextAttempt ? attemptWindowText(next.nextAttempt, Date.now(), language) : ''}`);
        setOpen(false);
        setTime(null);
        opener.current?.focus();
      },
    });
  };

  const timeError = fieldError(record.error, 'at', language);
  const otherError = formError(record.error, ['at'], language);
  return (
    <div className="quick-call">
      {saved && !open && <p className="notice notice--ok">{saved}</p>}
      <button ref={opener} type="button" className="button button--primary" aria-expanded={open} aria-controls={ids.panel}
        onClick={() => { setOpen(!open); setSaved(null); record.reset(); }}>
        {open ? t('cancel') : t('call')}
      </button>
      {open && (
        <div id={ids.panel} className="quick-call__panel" role="group" aria-label={t('callPanel')}>
          <p className="row">
            <span>{time ? t('timeSet', { time: formatDateTime(fromLocalInputValue(time), language) }) : t('timeNow', { time: formatTime(new Date(now).toISOString(), language) })}</span>
            <button type="button" className="button button--quiet" onClick={() => setTime(time ? null : toLocalInputValue(now))}>
              {time ? t('useNow') : t('changeTime')}
            </button>
          </p>
          {(time !== null) && (
            <div className="field">
              <label htmlFor={ids.time}>{t('timeLabel')}</label>
              <span id={ids.hint} className="field__hint">{t('timeHint')}</span>
              <input id={ids.time} type="datetime-local" value={time} max={toLocalInputValue(now)} required
                aria-describedby={timeError ? `${ids.hint} ${ids.error}` : ids.hint} aria-invalid={timeError ? true : undefined}
                onChange={(e) => setTime(e.target.value || toLocalInputValue(now))} />
              {timeError && <p id={ids.error} className="field__error" role="alert">{timeError}</p>}
            </div>
          )}
          <fieldset>
            <legend>{t('howDidItGo')}</legend>
            <div className="outcome-buttons">
              {PHONE_OUTCOMES.map((outcome) => (
                <button key={outcome} type="button" className="button" disabled={record.isPending} onClick={() => tap(outcome)}>
                  {label(OUTCOMES, outcome)}
                </button>
              ))}
            </div>
          </fieldset>
          {record.isPending && <p className="muted" role="status">{t('saving')}</p>}
          {otherError && <p className="field__error" role="alert">{otherError}</p>}
        </div>
      )}
    </div>
  );
}
