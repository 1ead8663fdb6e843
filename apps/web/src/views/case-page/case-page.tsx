import { CRIME_CATEGORIES } from '@referral/labels';
import type { CaseView } from '../../api/types';
import { useSession } from '../../auth/session';
import { useCaseView } from '../../components/case-queries';
import { caseMessages } from '../../components/case-messages';
import { ContactPlan } from '../../components/contact-plan';
import { DeadlineLine } from '../../components/deadline-line';
import { LinkSuggestion } from '../../components/link-suggestion';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useNow } from '../../components/use-now';
import { formatDate } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { Link } from '../../router';
import { CaseActions } from '../case-actions/case-actions';
import { CaseFacts } from './case-facts';
import { ContactForm } from './contact-form';
import { ContactSafetyEditor } from './contact-safety-form';
import { HistoryTimeline } from './history-timeline';
import { casePageMessages } from './messages';
import { PersonFacts } from './person-facts';
import { useVolunteerNames } from './use-volunteer-names';

/** One case for a volunteer, coordinator or staff member: the person, the plan, the forms, the history. */
export function CasePage({ caseId }: { caseId: string }) {
  const t = useT(casePageMessages);
  const query = useCaseView(caseId);
  if (query.data) return <CaseContent view={query.data} />;
  return (
    <Page title={t('title')}>
      <QueryState query={query}>{() => null}</QueryState>
    </Page>
  );
}

function CaseContent({ view }: { view: CaseView }) {
  const t = useT(casePageMessages);
  const tc = useT(caseMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const { session } = useSession();
  const now = useNow();
  const names = useVolunteerNames(view.org);
  const what = `${view.crime.category ? label(CRIME_CATEGORIES, view.crime.category) : t('title')}, ${formatDate(view.receivedAt, language)}`;
  const isVolunteer = session?.claims.roles.includes('volunteer') ?? false;
  return (
    <Page title={t('titleOf', { what })}>
      {isVolunteer && <p className="no-print"><Link to="/my-cases">← {t('backToList')}</Link></p>}
      <DeadlineLine view={view} now={now} />
      <div className="grid-2">
        <section className="card" aria-labelledby="case-person">
          <h2 id="case-person">{t('person')}</h2>
          <PersonFacts view={view} />
          <ContactSafetyEditor view={view} />
        </section>
        <section className="card" aria-labelledby="case-facts">
          <h2 id="case-facts">{t('case')}</h2>
          <CaseFacts view={view} />
        </section>
      </div>
      {view.status === 'open' && (
        <div className="grid-2">
          <section className="card" aria-labelledby="case-plan">
            <h2 id="case-plan">{tc('planTitle')}</h2>
            <ContactPlan view={view} now={now} />
            <LinkSuggestion view={view} />
          </section>
          <section className="card"><ContactForm view={view} /></section>
        </div>
      )}
      <CaseActions caseView={view} />
      <section className="card" aria-labelledby="case-history">
        <h2 id="case-history">{t('history')}</h2>
        <HistoryTimeline history={view.history} volunteerNames={names} myVolunteerId={isVolunteer ? view.assigneeId : null} />
      </section>
    </Page>
  );
}
