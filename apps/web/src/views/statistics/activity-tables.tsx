import { CRIME_FLAGS, REPORT_SLA, SURVEY_QUESTIONS, TRAINING_KINDS } from '@referral/labels';
import type { PartyReport } from '../../api/types';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { DASH, formatAverage, formatNumber, formatShare } from './format';
import { statisticsMessages } from './messages';
import { PartyColumnsTable, type PartyRow } from './party-columns-table';
import { onTimeShare, satisfactionApplies, TOTAL, trainingsApply } from './report-figures';

const QUESTIONS = Object.keys(SURVEY_QUESTIONS);
const FLAGS = ['gangrelaterat', 'vald-i-nara-relation', 'hedersrelaterat'];
const SLA = ['firstContactOnTime', 'firstContactLate', 'firstContactOpen', 'reachAttemptsMet', 'reachAttemptsBreached'] as const;

/** Trainings held and the survey per party; a dash where they do not apply (Stödcentrum without any). */
export function ActivityTables({ parties, total }: { parties: PartyReport[]; total: PartyReport }) {
  const t = useT(statisticsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const trainings: PartyRow[] = (['basic', 'further'] as const).map((kind) => ({
    key: kind,
    label: label(TRAINING_KINDS, kind),
    cell: (party) => (party.org === TOTAL || trainingsApply(party) ? n(party.trainings[kind]) : DASH),
  }));
  const answered = (party: PartyReport) => party.org === TOTAL || satisfactionApplies(party);
  const satisfaction: PartyRow[] = [
    { key: 'responses', label: t('responses'), cell: (party) => (answered(party) ? n(party.satisfaction.responses) : DASH) },
    { key: 'average', label: t('averageAll'), cell: (party) => formatAverage(party.satisfaction.average, language) },
    ...QUESTIONS.map((q) => ({ key: q, label: label(SURVEY_QUESTIONS, q), cell: (party: PartyReport) => formatAverage(party.satisfaction.byQuestion[q] ?? null, language) })),
  ];
  return (
    <div className="stats-tables">
      <PartyColumnsTable caption={t('trainingsCaption')} parties={parties} total={total} rows={trainings} />
      <PartyColumnsTable caption={t('satisfactionCaption')} parties={parties} total={total} rows={satisfaction} />
    </div>
  );
}

/** Flagged cases and the service commitments (first contact, reach attempts) per party. */
export function CommitmentTables({ parties, total }: { parties: PartyReport[]; total: PartyReport }) {
  const t = useT(statisticsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const flags: PartyRow[] = FLAGS.map((flag) => ({ key: flag, label: label(CRIME_FLAGS, flag), cell: (party) => n(party.flags[flag] ?? 0) }));
  const sla: PartyRow[] = [
    ...SLA.map((figure) => ({ key: figure, label: label(REPORT_SLA, figure), cell: (party: PartyReport) => n(party.sla[figure]) })),
    { key: 'share', label: t('onTimeShare'), cell: (party) => formatShare(onTimeShare(party.sla), language) },
  ];
  return (
    <div className="stats-tables">
      <PartyColumnsTable caption={t('flagsCaption')} parties={parties} total={total} rows={flags} />
      <PartyColumnsTable caption={t('slaCaption')} parties={parties} total={total} rows={sla} />
    </div>
  );
}
