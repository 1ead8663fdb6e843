import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context';
import { useIdempotencyKeys } from '../../api/idempotency';
import type { CaseView } from '../../api/types';
import { apiErrorText } from '../../components/api-error-text';
import { useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { caseActionMessages } from './messages';
import { refusalWords } from './refusals';
import { useCaseChanged } from './use-case-changed';

/**
 * Erasure behind a confirmation that says it is for good: first a button that opens it, then a
 * reason and the word typed out before "Radera för gott" sends.
 */
export function EraseForm({ caseId }: { caseId: string }) {
  const t = useT(caseActionMessages);
  const api = useApi();
  const announce = useAnnounce();
  const changed = useCaseChanged();
  const keys = useIdempotencyKeys();
  const ids = { reason: useId(), reasonHint: useId(), reasonError: useId(), word: useId(), wordError: useId(), warning: useId() };
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [word, setWord] = useState('');
  const [checked, setChecked] = useState(false);
  const erase = useMutation({
    mutationFn: (text: string) => api.post<CaseView>(`/cases/${encodeURIComponent(caseId)}/erasure`, { reason: text }, { idempotencyKey: keys.keyFor(`erase:${text}`) }),
    onSuccess: (answer, text) => {
      keys.succeeded(`erase:${text}`);
      changed(caseId, answer);
      announce(t('erased'));
      setOpen(false);
    },
  });
  const reasonMissing = checked && reason.trim() === '';
  const wordWrong = checked && word.trim() !== t('eraseWord');

  if (!open) {
    return (
      <div>
        <p>{t('eraseIntro')}</p>
        <button type="button" className="button button--danger" onClick={() => setOpen(true)}>{t('eraseStart')}</button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (reason.trim() !== '' && word.trim() === t('eraseWord')) erase.mutate(reason.trim());
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby={ids.warning}>
      <p className="notice notice--error" id={ids.warning}><strong>{t('eraseWarning')}</strong></p>
      <div className="field">
        <label htmlFor={ids.reason}>{t('eraseReason')}</label>
        <span className="field__hint" id={ids.reasonHint}>{t('eraseReasonHint')}</span>
        <textarea id={ids.reason} value={reason} maxLength={500} required aria-invalid={reasonMissing || undefined}
          aria-describedby={reasonMissing ? `${ids.reasonHint} ${ids.reasonError}` : ids.reasonHint} onChange={(e) => setReason(e.target.value)} />
        {reasonMissing && <span className="field__error" id={ids.reasonError} role="alert">{t('eraseReasonRequired')}</span>}
      </div>
      <div className="field">
        <label htmlFor={ids.word}>{t('eraseWordLabel')}</label>
        <input id={ids.word} value={word} autoComplete="off" required aria-invalid={wordWrong || undefined}
          aria-describedby={wordWrong ? ids.wordError : undefined} onChange={(e) => setWord(e.target.value)} />
        {wordWrong && <span className="field__error" id={ids.wordError} role="alert">{t('eraseWordWrong')}</span>}
      </div>
      {erase.isError && <p className="notice notice--error" role="alert">{apiErrorText(erase.error, refusalWords(t), (message) => t('failed', { message }))}</p>}
      <div className="row">
        <button type="submit" className="button button--danger" disabled={erase.isPending}>{t('eraseConfirm')}</button>
        <button type="button" className="button" onClick={() => setOpen(false)}>{t('cancel')}</button>
      </div>
    </form>
  );
}
