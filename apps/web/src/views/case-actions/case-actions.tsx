import { useId, useState } from 'react';
import type { CaseView } from '../../api/types';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n';
import { RouteForm } from '../triage/route-form';
import { useVolunteerNames } from '../volunteers/use-roster';
import { AssignPanel } from './assign-panel';
import { CloseForm } from './close-form';
import { EraseForm } from './erase-form';
import { caseActionMessages } from './messages';
import { caseActionRights } from './permissions';

/**
 * What a coordinator (or Stödcentrum staff, who may only close) can do to a case on its page:
 * assign, reassign or unassign with the suggestions; close, with the override where the attempts
 * rule is not met; erase the personal data behind a confirmation; route a triage case.
 */
export function CaseActions({ caseView }: { caseView: CaseView }) {
  const t = useT(caseActionMessages);
  const { session } = useSession();
  const rights = session ? caseActionRights(session.claims, caseView) : null;
  const headingId = useId();
  if (!rights || !Object.values(rights).some(Boolean)) return null;
  return (
    <section className="card case-actions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('title')}</h2>
      {rights.route && <RouteForm caseId={caseView.caseId} />}
      {rights.assign && <Assignee caseView={caseView} />}
      {rights.close && (
        <>
          <h3>{t('closeTitle')}</h3>
          <CloseForm caseId={caseView.caseId} mayOverride={rights.override} />
        </>
      )}
      {rights.erase && (
        <>
          <h3>{t('eraseTitle')}</h3>
          <EraseForm caseId={caseView.caseId} />
        </>
      )}
    </section>
  );
}

function Assignee({ caseView }: { caseView: CaseView }) {
  const t = useT(caseActionMessages);
  const nameOf = useVolunteerNames(caseView.org);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const assignee = caseView.assigneeId;
  return (
    <div className="assignee">
      <h3>{t('assignee')}</h3>
      <p data-testid="case-assignee">{assignee ? t('assignedTo', { name: nameOf(assignee) ?? assignee }) : t('nobody')}</p>
      <button type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {open ? t('hideSuggestions') : assignee ? t('reassign') : t('assign')}
      </button>
      <div id={panelId} hidden={!open}>
        {open && (
          <AssignPanel caseId={caseView.caseId} assigneeId={assignee} preferredLanguage={caseView.person.preferredLanguage ?? null} onDone={() => setOpen(false)} />
        )}
      </div>
    </div>
  );
}
