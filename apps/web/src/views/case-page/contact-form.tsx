import { useId, useState, type FormEvent } from 'react';
import { CHANNELS, OUTCOMES } from '@referral/labels';
import type { CaseView } from '../../api/types';
import { fieldError, formError } from '../../components/api-error-text';
import { useCaseCommand } from '../../components/case-queries';
import { attemptWindowText } from '../../format/attempt-window';
import { fromLocalInputValue, toLocalInputValue } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { formMessages } from './form-messages';

const CHANNEL_CODES = ['phone', 'sms', 'email', 'letter', 'social-media', 'meeting', 'accompaniment', 'other-actor'] as const;
const OUTCOME_CODES = ['reached', 'no-answer', 'voicemail', 'wrong-number', 'declined'] as const;
const ALWAYS_REACHED = ['meeting', 'accompaniment'];
type Contact = { channel: string; outcome: string; at?: string; note?: string };

/** Any interaction on any channel; the time is now unless changed. One record per intended action. */
export function ContactForm({ view }: { view: CaseView }) {
  const t = useT(formMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const announce = useAnnounce();
  const id = useId();
  const [channel, setChannel] = useState('phone');
  const [outcome, setOutcome] = useState('no-answer');
  const [at, setAt] = useState(() => toLocalInputValue(Date.now()));
  const [atChanged, setAtChanged] = useState(false);
  const [note, setNote] = useState('');
  const record = useCaseCommand<Contact>(view.caseId, 'contacts');
  const alwaysReached = ALWAYS_REACHED.includes(channel);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Contact = {
      channel,
      outcome: alwaysReached ? 'reached' : outcome,
      ...(atChanged ? { at: fromLocalInputValue(at) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    record.mutate(body, {
      onSuccess: (next) => {
        announce(`${t('saved')}. ${next.nextAttempt ? attemptWindowText(next.nextAttempt, Date.now(), language) : ''}`);
        setNote('');
        setAtChanged(false);
        setAt(toLocalInputValue(Date.now()));
      },
    });
  };
  const errors = { at: fieldError(record.error, 'at', language), outcome: fieldError(record.error, 'outcome', language), note: fieldError(record.error, 'note', language) };
  const other = formError(record.error, ['at', 'outcome', 'note'], language);

  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('contactTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-channel`}>{t('channel')}</label>
        <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.target.value)}>
          {CHANNEL_CODES.map((c) => <option key={c} value={c}>{label(CHANNELS, c)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>{t('outcome')}</label>
        <select id={`${id}-outcome`} value={alwaysReached ? 'reached' : outcome} disabled={alwaysReached} aria-describedby={alwaysReached ? `${id}-always` : undefined}
          onChange={(e) => setOutcome(e.target.value)}>
          {OUTCOME_CODES.map((o) => <option key={o} value={o}>{label(OUTCOMES, o)}</option>)}
        </select>
        {alwaysReached && <span id={`${id}-always`} className="field__hint">{t('alwaysReached')}</span>}
        {errors.outcome && <p className="field__error" role="alert">{errors.outcome}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-at`}>{t('at')}</label>
        <span id={`${id}-at-hint`} className="field__hint">{t('atHint')}</span>
        <input id={`${id}-at`} type="datetime-local" value={at} required aria-describedby={`${id}-at-hint${errors.at ? ` ${id}-at-error` : ''}`}
          aria-invalid={errors.at ? true : undefined} onChange={(e) => { setAt(e.target.value); setAtChanged(true); }} />
        {errors.at && <p id={`${id}-at-error`} className="field__error" role="alert">{errors.at}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('note')}</label>
        <span id={`${id}-note-hint`} className="field__hint">{t('noteHint')}</span>
        <textarea id={`${id}-note`} value={note} maxLength={2000} aria-describedby={`${id}-note-hint`} onChange={(e) => setNote(e.target.value)} />
        {errors.note && <p className="field__error" role="alert">{errors.note}</p>}
      </div>
      {other && <p className="field__error" role="alert">{other}</p>}
      <p><button type="submit" className="button button--primary" disabled={record.isPending}>{record.isPending ? t('saving') : t('save')}</button></p>
    </form>
  );
}
