import { useId } from 'react';
import { CRIME_CATEGORIES } from '@referral/labels';
import type { CaseListItem } from '../../api/types';
import { formError } from '../../components/api-error-text';
import { useCaseCommand, useCaseView } from '../../components/case-queries';
import { DeadlineLine } from '../../components/deadline-line';
import { LanguageLine } from '../../components/person-contact';
import { formatDateTime } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { myCasesMessages } from './messages';
import { UNASSIGNED_SHOWN } from './use-my-cases';

/** Open cases of the org that nobody has taken, each with "Ta ärendet". */
export function UnassignedCases({ items, now }: { items: CaseListItem[]; now: number }) {
  const t = useT(myCasesMessages);
  const titleId = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t('unassignedTitle')}</h2>
      <p>{t('unassignedIntro')}</p>
      <ul className="card-list">
        {items.slice(0, UNASSIGNED_SHOWN).map((item) => <UnassignedCase key={item.caseId} item={item} now={now} />)}
      </ul>
      {items.length > UNASSIGNED_SHOWN && <p className="muted">{t('moreCases')}</p>}
    </section>
  );
}

/** What a volunteer needs to choose a case (no name, no number until it is theirs). */
function UnassignedCase({ item, now }: { item: CaseListItem; now: number }) {
  const t = useT(myCasesMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const announce = useAnnounce();
  const view = useCaseView(item.caseId);
  const take = useCaseCommand<{ volunteerId: 'me' }>(item.caseId, 'assignment');
  const category = view.data?.crime.category;
  const titleId = useId();
  return (
    <li className="card case-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {category ? label(CRIME_CATEGORIES, category) : t('openCase')}
        {' – '}
        {t('received', { when: formatDateTime(item.receivedAt, language) })}
      </h3>
      {view.data && <DeadlineLine view={view.data} now={now} />}
      {view.data && <LanguageLine view={view.data} />}
      <button type="button" className="button button--primary" disabled={take.isPending}
        onClick={() => take.mutate({ volunteerId: 'me' }, { onSuccess: () => announce(t('taken')) })}>
        {take.isPending ? t('taking') : t('take')}
      </button>
      {take.error ? <p className="field__error" role="alert">{formError(take.error, [], language)}</p> : null}
    </li>
  );
}
