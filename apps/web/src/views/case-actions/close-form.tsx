import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { CLOSURE_REASONS } from '@referral/labels';
import { useApi } from '../../api/api-context';
import { ApiError } from '../../api/errors';
import { useIdempotencyKeys } from '../../api/idempotency';
import type { CaseView } from '../../api/types';
import { apiErrorText } from '../../components/api-error-text';
import { useLabel, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { caseActionMessages } from './messages';
import { refusalWords } from './refusals';
import { useCaseChanged } from './use-case-changed';

interface Closure {
  reason: string;
  override?: { reason: string };
}

/**
 * Closing with a reason in words. Closing as unreachable before the attempts rule holds is
 * refused (409 reach-attempts-not-met); a coordinator may then close with an override and its reason.
 */
export function CloseForm({ caseId, mayOverride }: { caseId: string; mayOverride: boolean }) {
  const t = useT(caseActionMessages);
  const label = useLabel();
  const api = useApi();
  const announce = useAnnounce();
  const changed = useCaseChanged();
  const keys = useIdempotencyKeys();
  const ids = { reason: useId(), override: useId(), overrideError: useId(), overrideHint: useId() };
  const [reason, setReason] = useState('support-given');
  const [overrideReason, setOverrideReason] = useState('');
  const [overrideMissing, setOverrideMissing] = useState(false);
  // Kept apart from the mutation's error, so the override form stays while its own request runs.
  const [notMet, setNotMet] = useState(false);
  const close = useMutation({
    mutationFn: (body: Closure) => api.post<CaseView>(`/cases/${encodeURIComponent(caseId)}/closure`, body, { idempotencyKey: keys.keyFor(`close:${JSON.stringify(body)}`) }),
    onSuccess: (answer, body) => {
      keys.succeeded(`close:${JSON.stringify(body)}`);
      changed(caseId, answer);
      announce(t('closed'));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'reach-attempts-not-met') setNotMet(true);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate({ reason });
  };
  const submitOverride = (event: FormEvent) => {
    event.preventDefault();
    const text = overrideReason.trim();
    setOverrideMissing(text === '');
    if (text) close.mutate({ reason: 'unreachable', override: { reason: text } });
  };

  return (
    <div className="form">
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.reason}>{t('reason')}</label>
          <select id={ids.reason} value={reason} onChange={(e) => { setReason(e.target.value); setNotMet(false); close.reset(); }}>
            {Object.keys(CLOSURE_REASONS).map((code) => <option key={code} value={code}>{label(CLOSURE_REASONS, code)}</option>)}
          </select>
        </div>
        <p><button type="submit" className="button button--primary" disabled={close.isPending}>{t('close')}</button></p>
      </form>
      {close.isError && !(close.error instanceof ApiError && close.error.code === 'reach-attempts-not-met') && (
        <p className="notice notice--error" role="alert">{apiErrorText(close.error, refusalWords(t), (message) => t('failed', { message }))}</p>
      )}
      {notMet && (
        <div className="notice notice--warn" role="alert">
          <p><strong>{t('notMetTitle')}</strong></p>
          <p>{mayOverride ? t('notMetText') : t('notMetStaff')}</p>
        </div>
      )}
      {notMet && mayOverride && (
        <form className="form" onSubmit={submitOverride} noValidate>
          <div className="field">
            <label htmlFor={ids.override}>{t('overrideReason')}</label>
            <span className="field__hint" id={ids.overrideHint}>{t('overrideHint')}</span>
            <textarea id={ids.override} value={overrideReason} maxLength={500} required aria-invalid={overrideMissing || undefined}
              aria-describedby={overrideMissing ? `${ids.overrideHint} ${ids.overrideError}` : ids.overrideHint}
              onChange={(e) => setOverrideReason(e.target.value)} />
            {overrideMissing && <span className="field__error" id={ids.overrideError} role="alert">{t('overrideRequired')}</span>}
          </div>
          <p><button type="submit" className="button button--danger" disabled={close.isPending}>{t('closeWithOverride')}</button></p>
        </form>
      )}
    </div>
  );
}
