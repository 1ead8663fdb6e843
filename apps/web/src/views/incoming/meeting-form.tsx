import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CaseListItem } from '../../api/types';
import { useCaseCommand } from '../../components/case-queries';
import { formatDateTime, toLocalInputValue } from '../../format/time';
import { useLanguage, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { commandError } from './command-error';
import { meetingBody, meetingTimeProblem } from './meeting-time';
import { incomingMessages, type IncomingKey } from './messages';

const PROBLEM_KEYS: Record<string, IncomingKey> = { missing: 'errorTimeMissing', future: 'errorTimeFuture', 'before-received': 'errorTimeBeforeReceived' };

/** "Registrera möte": a meeting (always reached) at a time that defaults to now. */
export function MeetingForm({ item, onCancel, onSaved }: { item: CaseListItem; onCancel(): void; onSaved(text: string): void }) {
  const t = useT(incomingMessages);
  const { language } = useLanguage();
  const announce = useAnnounce();
  const save = useCaseCommand<ReturnType<typeof meetingBody>>(item.caseId, 'contacts');
  const ids = { at: useId(), hint: useId(), error: useId() };
  const [initial] = useState(() => toLocalInputValue(Date.now()));
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const receivedTime = formatDateTime(item.receivedAt, language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = meetingTimeProblem(value, Date.now(), item.receivedAt);
    if (problem) {
      setError(t(PROBLEM_KEYS[problem]!, { time: receivedTime }));
      input.current?.focus();
      return;
    }
    setError(null);
    save.mutate(meetingBody(value, initial, item.receivedAt), {
      onSuccess: (_view, body) => {
        const text = t('meetingSaved', { time: formatDateTime(body.at ?? new Date().toISOString(), language) });
        announce(text);
        onSaved(text);
      },
      onError: (e) => {
        const { key, vars } = commandError(e);
        setError(t(key, { time: receivedTime, ...vars }));
      },
    });
  };

  return (
    <form className="form incoming-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={ids.at}>{t('meetingAt')}</label>
        <span id={ids.hint} className="field__hint">{t('meetingAtHint')}</span>
        <input
          ref={input} id={ids.at} type="datetime-local" value={value} max={toLocalInputValue(Date.now())} min={toLocalInputValue(Date.parse(item.receivedAt))}
          aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint} aria-invalid={error ? true : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {error && <p id={ids.error} className="field__error" role="alert">{error}</p>}
      </div>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>{save.isPending ? t('saving') : t('saveMeeting')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
