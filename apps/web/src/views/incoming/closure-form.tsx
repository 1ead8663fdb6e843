import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CLOSURE_REASONS } from '@referral/labels';
import { useApi } from '../../api/api-context';
import type { CaseListItem, CaseView } from '../../api/types';
import { caseKey, CASE_LISTS } from '../../components/case-queries';
import { isFinalAnswer, useIdempotencyKeys } from '../../components/idempotency-keys';
import { useLabel, useT } from '../../i18n/i18n';
import { commandError } from './command-error';
import { incomingMessages } from './messages';

/** "Avsluta": closing with a reason in words (staff give no override; a coordinator does that on the case page). */
export function ClosureForm({ item, view, onCancel, onClosed }: { item: CaseListItem; view: CaseView | null; onCancel(): void; onClosed(reason: string): void }) {
  const t = useT(incomingMessages);
  const label = useLabel();
  const api = useApi();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const ids = { reason: useId(), hint: useId(), error: useId() };
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => select.current?.focus(), []);
  const required = { phone: view?.reachAttempts.required.phone ?? 3, evening: view?.reachAttempts.required.evening ?? 1 };

  const close = useMutation({
    mutationFn: async (body: { reason: string }) => {
      const key = keys.keyFor(body);
      try {
        const view = await api.post<CaseView>(`/cases/${encodeURIComponent(item.caseId)}/closure`, body, { idempotencyKey: key });
        keys.answered(key);
        return view;
      } catch (e) {
        if (isFinalAnswer(e)) keys.answered(key);
        throw e;
      }
    },
    onSuccess: (view, body) => {
      queryClient.setQueryData(caseKey(item.caseId), view);
      void queryClient.invalidateQueries({ queryKey: CASE_LISTS });
      // The page says it in a notice that takes the focus, as this row leaves the list.
      onClosed(label(CLOSURE_REASONS, body.reason));
    },
    onError: (e) => {
      const { key, vars } = commandError(e);
      setError(t(key, { ...required, ...vars }));
      select.current?.focus();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setError(t('errorChooseReason'));
      select.current?.focus();
      return;
    }
    setError(null);
    close.mutate({ reason });
  };

  const describedBy = [reason === 'unreachable' ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(' ') || undefined;
  return (
    <form className="form incoming-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={ids.reason}>{t('closureReason')}</label>
        <select ref={select} id={ids.reason} value={reason} aria-describedby={describedBy} aria-invalid={error ? true : undefined}
          onChange={(e) => { setReason(e.target.value); setError(null); }}>
          <option value="">{t('chooseReason')}</option>
          {Object.keys(CLOSURE_REASONS).map((code) => <option key={code} value={code}>{label(CLOSURE_REASONS, code)}</option>)}
        </select>
        {reason === 'unreachable' && <span id={ids.hint} className="field__hint">{t('unreachableHint', required)}</span>}
        {error && <p id={ids.error} className="field__error" role="alert">{error}</p>}
      </div>
      <div className="row">
        <button type="submit" className="button button--danger" disabled={close.isPending}>{close.isPending ? t('saving') : t('confirmClose')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
