import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import type { CaseListItem } from '../../api/types';
import { useIdempotencyKeys } from '../../components/idempotency-keys';
import { formatDateTime, toLocalInputValue } from '../../format/time';
import { useLanguage, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { commandError } from './command-error';
import { meetingBody, meetingTimeProblem } from './meeting-time';
import { incomingMessages, type IncomingKey } from './messages';
import { caseKey } from './use-incoming';

const PROBLEM_KEYS: Record<string, IncomingKey> = { missing: 'errorTimeMissing', future: 'errorTimeFuture', 'before-received': 'errorTimeBeforeReceived' };

/** "Registrera möte": a meeting (always reached) at a time that defaults to now. */
export function MeetingForm({ item, onCancel, onSaved }: { item: CaseListItem; onCancel(): void; onSaved(text: string): void }) {
  const t = useT(incomingMessages);
  const { language } = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const keys = useIdempotencyKeys();
  const ids = { at: useId(), hint: useId(), error: useId() };
  const [initial] = useState(() => toLocalInputValue(Date.now()));
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const receivedTime = formatDateTime(item.receivedAt, language);

  const save = useMutation({
    mutationFn: (body: ReturnType<typeof meetingBody>) =>
      api.post(`/cases/${encodeURIComponent(item.caseId)}/contacts`, body, { idempotencyKey: keys.forBody(body) }),
    onSuccess: (_answer, body) => {
      keys.done();
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: caseKey(item.caseId) });
      const text = t('meetingSaved', { time: formatDateTime(body.at ?? new Date().toISOString(), language) });
      announce(text);
      onSaved(text);
    },
    onError: (e) => {
      const { key, vars } = commandError(e);
      setError(t(key, { time: receivedTime, ...vars }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = meetingTimeProblem(value, Date.now(), item.receivedAt);
    if (problem) {
      setError(t(PROBLEM_KEYS[problem]!, { time: receivedTime }));
      input.current?.focus();
      return;
    }
    setError(null);
    save.mutate(meetingBody(value, initial, item.receivedAt));
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
