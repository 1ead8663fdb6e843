import { useId, useRef, useState, type FormEvent } from 'react';
import type { CaseView, ContactSafety } from '../../api/types';
import { fieldError, formError } from '../../components/api-error-text';
import { useCaseCommand } from '../../components/case-queries';
import { useLanguage, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { formMessages } from './form-messages';

type SafetyBody = { mayLeaveMessage: boolean; safeHours: { from: string; to: string } | null; note?: string };

/**
 * Changing how the person may be contacted (the case's org; the change is in the history). The
 * safety itself is shown beside the phone number, above this.
 */
export function ContactSafetyEditor({ view }: { view: CaseView }) {
  const t = useT(formMessages);
  const [editing, setEditing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const done = () => {
    setEditing(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  if (view.person.personalData === 'erased') return null;
  if (editing) {
    return (
      <div className="safety-editor">
        <h3>{t('safetyTitle')}</h3>
        <SafetyForm view={view} current={view.contactSafety} onDone={done} />
      </div>
    );
  }
  return <p><button ref={opener} type="button" className="button" onClick={() => setEditing(true)}>{t('safetyEdit')}</button></p>;
}

function SafetyForm({ view, current, onDone }: { view: CaseView; current: ContactSafety; onDone: () => void }) {
  const t = useT(formMessages);
  const { language } = useLanguage();
  const announce = useAnnounce();
  const id = useId();
  const [mayLeave, setMayLeave] = useState(current.mayLeaveMessage);
  const [limit, setLimit] = useState(current.safeHours !== null);
  const [from, setFrom] = useState(current.safeHours?.from ?? '09:00');
  const [to, setTo] = useState(current.safeHours?.to ?? '17:00');
  const [note, setNote] = useState(current.note ?? '');
  const save = useCaseCommand<SafetyBody>(view.caseId, 'contact-safety');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: SafetyBody = { mayLeaveMessage: mayLeave, safeHours: limit ? { from, to } : null, ...(note.trim() ? { note: note.trim() } : {}) };
    save.mutate(body, { onSuccess: () => { announce(t('safetySaved')); onDone(); } });
  };
  const err = (path: string) => fieldError(save.error, path, language);
  const other = formError(save.error, ['safeHours.from', 'safeHours.to', 'note'], language);
  return (
    <form className="form" onSubmit={submit}>
      <label className="choice">
        <input type="checkbox" checked={mayLeave} onChange={(e) => setMayLeave(e.target.checked)} />
        {t('mayLeaveMessage')}
      </label>
      <label className="choice">
        <input type="checkbox" checked={limit} onChange={(e) => setLimit(e.target.checked)} />
        {t('limitHours')}
      </label>
      {limit && (
        <div className="row">
          {([['from', from, setFrom, t('hoursFrom')], ['to', to, setTo, t('hoursTo')]] as const).map(([key, value, set, text]) => (
            <div className="field" key={key}>
              <label htmlFor={`${id}-${key}`}>{text}</label>
              <input id={`${id}-${key}`} type="time" value={value} required aria-invalid={err(`safeHours.${key}`) ? true : undefined}
                aria-describedby={err(`safeHours.${key}`) ? `${id}-${key}-error` : undefined} onChange={(e) => set(e.target.value)} />
              {err(`safeHours.${key}`) && <p id={`${id}-${key}-error`} className="field__error" role="alert">{err(`safeHours.${key}`)}</p>}
            </div>
          ))}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('safetyNote')}</label>
        <textarea id={`${id}-note`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        {err('note') && <p className="field__error" role="alert">{err('note')}</p>}
      </div>
      {other && <p className="field__error" role="alert">{other}</p>}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>{t('safetySave')}</button>
        <button type="button" className="button button--quiet" onClick={onDone}>{t('cancel')}</button>
      </div>
    </form>
  );
}
