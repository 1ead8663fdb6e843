import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { PERSON_ROLES, TRIAGE_REASONS } from '@referral/labels';
import { useApi } from '../../api/api-context';
import type { CaseListItem, CaseView } from '../../api/types';
import { caseRef } from '../../format/case-ref';
import { formatDate, formatDateTime, stockholmDate, timeLeft } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { Link } from '../../router';
import { ageOn, birthDateOf, suggestedParty } from './age';
import { triageMessages } from './messages';
import { RouteForm } from './route-form';

/** Why the case came to triage: the reason its receipt names. */
function triageReason(view: CaseView | undefined): string | undefined {
  const received = view?.history.find((h) => h.type === 'CaseReceived');
  return typeof received?.reason === 'string' ? received.reason : undefined;
}

function areaOf(view: CaseView | undefined): string | undefined {
  const area = (view as { area?: { district?: string; municipality?: string } | null } | undefined)?.area;
  const parts = [area?.district, area?.municipality].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** One triage case: how long it waited, what is known for routing it, and the route form. */
export function TriageCase({ item, waitingLong, nowMs }: { item: CaseListItem; waitingLong: boolean; nowMs: number }) {
  const t = useT(triageMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const api = useApi();
  const headingId = useId();
  const detail = useQuery({ queryKey: ['case', item.caseId], queryFn: () => api.get<CaseView>(`/cases/${encodeURIComponent(item.caseId)}`) });
  const view = detail.data;
  const reason = triageReason(view);
  const area = areaOf(view);
  const erased = view?.person.personalData === 'erased';
  const waited = timeLeft(item.receivedAt, nowMs, language).text;
  // The routing rule goes by the age when the case was received.
  const receivedOn = stockholmDate(item.receivedAt);
  const born = view && !erased ? birthDateOf(view.person, receivedOn) : null;
  const age = born ? ageOn(born, receivedOn) : null;
  return (
    <li className="card triage-case" aria-labelledby={headingId} data-case-id={item.caseId}>
      <div className="deadline-row__head">
        <h2 id={headingId} className="triage-case__title">
          <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{t('caseRef', { ref: caseRef(item.caseId) })}</Link>
        </h2>
        {waitingLong && <span className="badge badge--at-risk">{t('waitingLong')}</span>}
      </div>
      <p>{t('received', { time: formatDateTime(item.receivedAt, language) })} · <span className="muted">{waited}</span></p>
      {reason && <p>{t('reason', { reason: label(TRIAGE_REASONS, reason) })}</p>}
      {area && <p>{t('area', { area })}</p>}
      {view && !erased && (
        <p>
          {born ? t('age', { age: age!, date: formatDate(born, language) }) : t('ageUnknown')}
          {view.person.role && <> · {t('role', { role: label(PERSON_ROLES, view.person.role) })}</>}
        </p>
      )}
      {erased && <p className="muted">{t('erased')}</p>}
      {(view || detail.isError) && <RouteForm caseId={item.caseId} suggested={suggestedParty(age)} />}
    </li>
  );
}
