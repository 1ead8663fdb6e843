import { useMemo } from 'react';
import { ORG_SHORT_NAMES, ORGS, SURVEY_QUESTIONS } from '@referral/labels';
import type { StatisticsReport } from '../../../api/types';
import { ScrollTable } from '../../../components/scroll-table';
import { useLabel, useLanguage, useT } from '../../../i18n/i18n';
import { formatAverage, formatNumber } from '../format';
import { statisticsMessages } from '../messages';
import { satisfactionOf } from './chart-data';
import { ChartFigure } from './chart-figure';
import type { ChartConfiguration } from './chart-setup';
import { seriesStyle } from './palette';
import { patternFill } from './patterns';
import { valueLabels } from './value-labels';

const QUESTIONS = Object.keys(SURVEY_QUESTIONS);

/** The survey's average score (1-5) per party and statement, each bar with its value written at its end. */
export function SatisfactionChart({ report }: { report: StatisticsReport }) {
  const t = useT(statisticsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const data = satisfactionOf(report, QUESTIONS);
  const average = (value: number | null) => formatAverage(value, language);

  const config = useMemo((): ChartConfiguration<'bar'> => ({
    type: 'bar',
    data: {
      labels: data.parties.map((org) => label(ORG_SHORT_NAMES, org)),
      datasets: data.series.map((s, i) => {
        const style = seriesStyle(i);
        return { label: label(SURVEY_QUESTIONS, s.key), data: s.values, backgroundColor: patternFill(style.color, style.pattern), borderColor: style.color, borderWidth: 1.5 };
      }),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      locale: language === 'sv' ? 'sv-SE' : 'en-GB',
      scales: { x: { min: 0, max: 5, ticks: { stepSize: 1 } } },
      plugins: { legend: { position: 'bottom' } },
      layout: { padding: { right: 32 } },
    },
    plugins: [valueLabels((value) => average(value), 'end')],
  }), [report, language]);

  const summary = data.parties.length === 0
    ? t('satisfactionSummaryNone')
    : t('satisfactionSummary', {
      parties: data.parties.map((org, i) => t('satisfactionParty', { party: label(ORG_SHORT_NAMES, org), average: average(data.averages[i]!), responses: formatNumber(data.responses[i]!, language) })).join('; '),
    });

  return (
    <ChartFigure title={t('satisfactionChart')} summary={summary} config={data.parties.length > 0 ? config : null} tall table={
      <ScrollTable caption={t('satisfactionChart')}>
        <thead>
          <tr>
            <th scope="col">{t('party')}</th>
            <th scope="col" className="num">{t('responses')}</th>
            {QUESTIONS.map((q) => <th key={q} scope="col" className="num">{label(SURVEY_QUESTIONS, q)}</th>)}
            <th scope="col" className="num">{t('averageAll')}</th>
          </tr>
        </thead>
        <tbody>
          {data.parties.map((org, i) => (
            <tr key={org}>
              <th scope="row">{label(ORGS, org)}</th>
              <td className="num">{formatNumber(data.responses[i]!, language)}</td>
              {data.series.map((s) => <td key={s.key} className="num">{average(s.values[i]!)}</td>)}
              <td className="num">{average(data.averages[i]!)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    } />
  );
}
