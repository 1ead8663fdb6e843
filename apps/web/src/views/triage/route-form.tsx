import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ORGS } from '@referral/labels';
import { useApi } from '../../api/api-context';
import { useIdempotencyKeys } from '../../api/idempotency';
import { apiErrorText } from '../../components/api-error-text';
import { caseRef } from '../../format/case-ref';
import { useLabel, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { useCaseChanged } from '../case-actions/use-case-changed';
import { triageMessages } from './messages';

/** The parties a triage case can be routed to, in the report's order. */
export const PARTIES = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'] as const;

/** Resolves a triage case: `POST /cases/{id}/triage {"routeTo"}`, the org chosen by its name. */
export function RouteForm({ caseId, suggested }: { caseId: string; suggested?: string }) {
  const t = useT(triageMessages);
  const label = useLabel();
  const api = useApi();
  const announce = useAnnounce();
  const changed = useCaseChanged();
  const keys = useIdempotencyKeys();
  const selectId = useId();
  const [routeTo, setRouteTo] = useState<string>(suggested ?? '');
  const [missing, setMissing] = useState(false);
  const route = useMutation({
    mutationFn: (org: string) => api.post(`/cases/${encodeURIComponent(caseId)}/triage`, { routeTo: org }, { idempotencyKey: keys.keyFor(`route:${org}`) }),
    onSuccess: (_answer, org) => {
      keys.succeeded(`route:${org}`);
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
          {apiErrorText(route.error, (code) => (code === 'case-not-in-triage' ? t('caseNotInTriage') : undefined), (message) => t('failed', { message }))}
        </p>
      )}
    </form>
  );
}
