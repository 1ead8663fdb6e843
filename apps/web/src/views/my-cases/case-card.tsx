import { CRIME_CATEGORIES, PERSON_ROLES } from '@referral/labels';
import type { CaseView } from '../../api/types';
import { ContactPlan } from '../../components/contact-plan';
import { DeadlineLine } from '../../components/deadline-line';
import { LinkSuggestion } from '../../components/link-suggestion';
import { LanguageLine, PersonContact, usePersonName } from '../../components/person-contact';
import { useLabel, useT } from '../../i18n/i18n';
import { Link } from '../../router';
import { myCasesMessages } from './messages';
import { QuickCall } from './quick-call';

/**
 * One of my cases, in the order a call needs it: how urgent, who and in which language, how to
 * contact them safely (before the number), the plan, and the call itself.
 */
export function CaseCard({ view, now }: { view: CaseView; now: number }) {
  const t = useT(myCasesMessages);
  const label = useLabel();
  const name = usePersonName();
  const what = [view.crime.category && label(CRIME_CATEGORIES, view.crime.category), view.person.role && label(PERSON_ROLES, view.person.role)].filter(Boolean).join(' · ');
  return (
    <li className="card case-card" data-case-id={view.caseId}>
      <h2 className="case-card__title">
        <Link to={`/cases/${encodeURIComponent(view.caseId)}`}>{name(view)}</Link>
      </h2>
      <DeadlineLine view={view} now={now} />
      {what && <p className="muted">{what}</p>}
      <LanguageLine view={view} />
      <PersonContact view={view} />
      <ContactPlan view={view} now={now} />
      <LinkSuggestion view={view} />
      {view.status === 'open' && <QuickCall view={view} now={now} />}
      <p className="case-card__more">
        <Link to={`/cases/${encodeURIComponent(view.caseId)}`} aria-label={`${t('openCase')}: ${name(view)}`}>{t('openCase')}</Link>
      </p>
    </li>
  );
}
