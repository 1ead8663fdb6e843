import { CRIME_CATEGORIES, CRIME_FLAGS, ORGS, SOURCES } from '@referral/labels';
import type { CaseView } from '../../api/types';
import { formatDate, formatDateTime } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { Link } from '../../router';
import { casePageMessages } from './messages';
import { PoliceNumber } from './police-number';

const STATUS = { open: 'statusOpen', closed: 'statusClosed', triage: 'statusTriage' } as const;

/** The case's facts: status, where it came from, the crime, the Police report number and note, links. */
export function CaseFacts({ view }: { view: CaseView }) {
  const t = useT(casePageMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const flags = view.crime.flags ?? [];
  return (
    <dl className="facts">
      <dt>{t('status')}</dt>
      <dd>{t(STATUS[view.status])}</dd>
      <dt>{t('holder')}</dt>
      <dd>{label(ORGS, view.org)}</dd>
      <dt>{t('source')}</dt>
      <dd>{label(SOURCES, view.source)}</dd>
      <dt>{t('received')}</dt>
      <dd>{formatDateTime(view.receivedAt, language)}</dd>
      <dt>{t('crime')}</dt>
      <dd>{view.crime.category ? label(CRIME_CATEGORIES, view.crime.category) : '–'}</dd>
      {flags.length > 0 && (
        <>
          <dt>{t('flags')}</dt>
          <dd>{flags.map((f) => label(CRIME_FLAGS, f)).join(', ')}</dd>
        </>
      )}
      {view.crime.occurredOn && (
        <>
          <dt>{t('occurredOn')}</dt>
          <dd>{formatDate(view.crime.occurredOn, language)}</dd>
        </>
      )}
      {view.policeReportNumber && <PoliceNumber number={view.policeReportNumber} />}
      {view.note && (
        <>
          <dt>{t('policeNote')}</dt>
          <dd className="prewrap">{view.note}</dd>
        </>
      )}
      {view.linkedFrom && (
        <>
          <dt>{t('linkedFrom')}</dt>
          <dd>{label(ORGS, view.linkedFrom.org)}</dd>
        </>
      )}
      {view.linkedTo && (
        <>
          <dt>{t('linkedTo')}</dt>
          <dd>{label(ORGS, view.linkedTo.org)}</dd>
        </>
      )}
      {view.survey && (
        <>
          <dt>{t('survey')}</dt>
          <dd>{view.survey.answered ? t('surveyAnswered') : t('surveyWaiting')}</dd>
        </>
      )}
    </dl>
  );
}
