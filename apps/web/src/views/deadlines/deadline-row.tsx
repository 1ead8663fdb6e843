import { useId, useState, type ReactNode } from 'react';
import { ORGS } from '@referral/labels';
import { caseRef } from '../../format/case-ref';
import { useLabel, useT } from '../../i18n/i18n';
import { Link } from '../../router';
import { AssignPanel } from '../case-actions/assign-panel';
import { deadlineMessages } from './messages';

/**
 * One case on the deadlines page: its reference linking to the case page, what is due (in words,
 * with a state badge), who has it, and a quick "Tilldela" that opens the suggestions in place.
 */
export function DeadlineRow({ caseId, org, badge, children, assignee, assignable, showOrg }: {
  caseId: string;
  org: string;
  badge: ReactNode;
  children: ReactNode;
  /** The assignee's name or id; `null` for nobody; `undefined` when not known (closed, another org). */
  assignee: { id: string; name: string } | null | undefined;
  assignable: boolean;
  showOrg: boolean;
}) {
  const t = useT(deadlineMessages);
  const label = useLabel();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const ref = caseRef(caseId);
  const toggle = open ? t('hideAssign') : assignee ? t('reassign') : t('quickAssign');
  return (
    <li className="card deadline-row" data-case-id={caseId}>
      <div className="deadline-row__head">
        <Link to={`/cases/${encodeURIComponent(caseId)}`} className="deadline-row__ref">{t('caseRef', { ref })}</Link>
        {badge}
      </div>
      {showOrg && <p className="muted">{t('org', { org: label(ORGS, org) })}</p>}
      {children}
      {assignee !== undefined && <p>{assignee ? t('assignedTo', { name: assignee.name }) : t('nobody')}</p>}
      {assignable && (
        <>
          <button type="button" className="button" aria-expanded={open} aria-controls={panelId}
            aria-label={`${toggle} – ${t('caseRef', { ref })}`} onClick={() => setOpen(!open)}>
            {toggle}
          </button>
          <div id={panelId} hidden={!open}>
            {open && <AssignPanel caseId={caseId} assigneeId={assignee?.id ?? null} onDone={() => setOpen(false)} />}
          </div>
        </>
      )}
    </li>
  );
}
