import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ORGS } from '@referral/labels';
import { useApi } from '../../api/api-context';
import { useIdempotencyKeys } from '../../components/idempotency-keys';
import { sendKeyed } from '../../components/keyed-post';
import { refusalText } from '../../components/refusal-text';
import { caseRef } from '../../format/case-ref';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { useCaseChanged } from '../case-actions/use-case-changed';
import { triageMessages } from './messages';

/** The parties a triage case can be routed to, in the report's order. */
export const PARTIES = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'] as const;

/** Resolves a triage case: `POST /cases/{id}/triage {"routeTo"}`, the org chosen by its name. */
export function RouteForm({ caseId, suggested }: { caseId: string; suggested?: string }) {
  const t = useT(triageMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const api = useApi();
  const announce = useAnnounce();
  const changed = useCaseChanged();
  const keys = useIdempotencyKeys();
  const selectId = useId();
  const [routeTo, setRouteTo] = useState<string>(suggested ?? '');
  const [missing, setMissing] = useState(false);
  const route = useMutation({
    mutationFn: (org: string) => sendKeyed(keys, { routeTo: org }, (key) => api.post(`/cases/${encodeURIComponent(caseId)}/triage`, { routeTo: org }, { idempotencyKey: key })),
    onSuccess: (_answer, org) => {
      changed(caseId);
      announce(t('routed', { ref: caseRef(caseId), org: label(ORGS, org) }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(routeTo === '');
    if (routeTo) route.mutate(routeTo);
  };
  return (
    <form className="route-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={selectId}>{t('routeTo')}</label>
        <select id={selectId} value={routeTo} required aria-invalid={missing || undefined} aria-describedby={missing ? `${selectId}-error` : undefined}
          onChange={(e) => { setRouteTo(e.target.value); setMissing(false); }}>
          <option value="">{t('choose')}</option>
          {PARTIES.map((org) => <option key={org} value={org}>{label(ORGS, org)}</option>)}
        </select>
        {missing && <span className="field__error" id={`${selectId}-error`} role="alert">{t('chooseRequired')}</span>}
      </div>
      <button type="submit" className="button button--primary" aria-label={t('routeCase', { ref: caseRef(caseId) })} disabled={route.isPending}>{t('route')}</button>
      {route.isError && (
        <p className="notice notice--error" role="alert">
          {refusalText(route.error, (code) => (code === 'case-not-in-triage' ? t('caseNotInTriage') : undefined), language)}
        </p>
      )}
    </form>
  );
}
