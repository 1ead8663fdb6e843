import { useId, useRef, useState } from 'react';
import { CRIME_CATEGORIES, ORGS, SLA_STATES, SOURCES } from '@referral/labels';
import type { CaseListItem } from '../../api/types';
import { formatDateTime, stockholmDate, timeLeft } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { Link } from '../../router';
import { ClosureForm } from './closure-form';
import { contacted, linkOrigin } from './incoming-list';
import { MeetingForm } from './meeting-form';
import { incomingMessages } from './messages';
import { ageOn, personName } from './person-summary';
import type { CaseDetail } from './use-incoming';

const SLA_BADGE: Record<string, string> = { ok: 'badge--ok', 'at-risk': 'badge--at-risk', breached: 'badge--breached' };

/** One open case: what it is, where it came from, and the quick actions (the case page has the rest). */
export function IncomingRow({ item, detail, fresh, onClosed }: { item: CaseListItem; detail: CaseDetail; fresh: boolean; onClosed(text: string): void }) {
  const t = useT(incomingMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const headingId = useId();
  const [open, setOpen] = useState<'meeting' | 'closure' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const openers = { meeting: useRef<HTMLButtonElement>(null), closure: useRef<HTMLButtonElement>(null) };
  const view = detail && detail !== 'failed' ? detail : null;
  const origin = view ? linkOrigin(view) : null;
  const name = view ? (view.person.personalData === 'erased' ? t('erased') : personName(view.person) ?? t('noName')) : '…';
  const age = view ? ageOn(view.person, stockholmDate(Date.now())) : null;
  const unassigned = item.assigneeId === null;
  const at = (iso: string) => formatDateTime(iso, language);
  const closeForm = (kind: 'meeting' | 'closure') => {
    setOpen(null);
    // Back on the button that opened the form, once it is there again.
    requestAnimationFrame(() => openers[kind].current?.focus());
  };

  return (
    <li className={`card incoming-card${unassigned ? ' incoming-card--unassigned' : ''}`} aria-labelledby={headingId}>
      <p className="row incoming-card__badges">
        {fresh && <span className="badge badge--ok">{t('badgeNew')}</span>}
        <span className={`badge ${item.source === 'link' ? 'badge--link' : 'badge--neutral'}`}>{label(SOURCES, item.source)}</span>
        <span className={`badge ${unassigned ? 'badge--at-risk' : 'badge--neutral'}`}>{unassigned ? t('badgeUnassigned') : t('badgeAssigned')}</span>
        <span className={`badge ${SLA_BADGE[item.slaState] ?? 'badge--neutral'}`}>{t('deadlineState', { state: label(SLA_STATES, item.slaState) })}</span>
      </p>
      <h2 id={headingId} className="incoming-card__title">
        <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{name}</Link>
        {age !== null && <span className="muted">, {t('age', { age })}</span>}
      </h2>
      <p className="incoming-card__facts">
        {view?.crime.category && <span>{label(CRIME_CATEGORIES, view.crime.category)}</span>}
        {view?.crime.category && !origin && ' · '}
        {/* A link is received the moment it is made: its origin line says when. */}
        {!origin && <span>{t('received', { time: at(item.receivedAt) })}</span>}
      </p>
      {origin && (
        <p className="incoming-card__origin">
          {t('linkedFrom', { org: label(ORGS, origin.org), time: at(origin.at) })}
          {origin.by && <span className="muted"> {t('linkedBy', { by: origin.by })}</span>}
        </p>
      )}
      {view && !contacted(view) && item.firstContactDueAt && (
        <p>{t('firstContactDue', { time: at(item.firstContactDueAt), left: timeLeft(item.firstContactDueAt, Date.now(), language).text })}</p>
      )}
      {detail === 'failed' && <p className="muted">{t('detailsFailed')}</p>}
      {saved && <p className="notice notice--ok">{saved}</p>}
      {open === null ? (
        <div className="row">
          <button type="button" className="button" onClick={() => { setSaved(null); setOpen('meeting'); }} ref={openers.meeting}>
            {t('recordMeeting')}<span className="visually-hidden"> {t('forCase', { name })}</span>
          </button>
          <button type="button" className="button" onClick={() => { setSaved(null); setOpen('closure'); }} ref={openers.closure}>
            {t('close')}<span className="visually-hidden"> {t('forCase', { name })}</span>
          </button>
        </div>
      ) : open === 'meeting' ? (
        <MeetingForm item={item} onCancel={() => closeForm('meeting')} onSaved={(text) => { setSaved(text); closeForm('meeting'); }} />
      ) : (
        <ClosureForm item={item} view={view} onCancel={() => closeForm('closure')} onClosed={(reason) => onClosed(t('closed', { name, reason }))} />
      )}
    </li>
  );
}
