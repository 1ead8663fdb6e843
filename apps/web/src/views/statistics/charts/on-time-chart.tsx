import { useMemo } from 'react';
import { ORG_SHORT_NAMES } from '@referral/labels';
import type { StatisticsReport } from '../../../api/types';
import { ScrollTable } from '../../../components/scroll-table';
import { useLabel, useLanguage, useT } from '../../../i18n/i18n';
import { formatMonth, formatShare } from '../format';
import { statisticsMessages } from '../messages';
import { onTimeShare } from '../report-figures';
import { onTimePerMonth, type MonthReport } from './chart-data';
import { ChartFigure } from './chart-figure';
import type { ChartConfiguration } from './chart-setup';
import { seriesStyle } from './palette';

/** The share of first contacts made on time, per month and party: one line each, told apart by dash and point shape too. */
export function OnTimeChart({ months, report }: { months: MonthReport[]; report: StatisticsReport }) {
  const t = useT(statisticsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const data = onTimePerMonth(months);
  const monthNames = data.months.map((m) => formatMonth(m, language));
  const orgIndex = (org: string) => report.parties.findIndex((party) => party.org === org);
  const percent = (share: number | null) => formatShare(share, language);

  // Redrawn when the numbers change, not whenever the month list is a new array.
  const dataKey = JSON.stringify(data);
  const config = useMemo((): ChartConfiguration<'line'> => ({
    type: 'line',
    data: {
      labels: monthNames,
      datasets: data.series.map((s) => {
        const style = seriesStyle(orgIndex(s.key));
        return {
          label: label(ORG_SHORT_NAMES, s.key),
          data: s.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
          borderColor: style.color, backgroundColor: style.color, borderDash: style.dash, borderWidth: 2.5, spanGaps: false,
          // Hollow shapes: where parties meet at one value, each shape still shows.
          pointStyle: style.pointStyle, pointRadius: 6, pointHoverRadius: 8, pointBackgroundColor: 'rgba(255, 255, 255, 0)', pointBorderWidth: 2, clip: false,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      locale: language === 'sv' ? 'sv-SE' : 'en-GB',
      scales: { y: { min: 0, max: 100, ticks: { callback: (value) => percent(Number(value) / 100) } } },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
      layout: { padding: { top: 10, right: 10 } },
    },
  }), [dataKey, language]);

  const overall = report.parties
    .map((party) => ({ org: party.org, share: onTimeShare(party.sla) }))
    .filter((p) => p.share !== null)
    .map((p) => `${label(ORG_SHORT_NAMES, p.org)} ${percent(p.share)}`)
    .join(', ');
  const summary = data.series.length === 0 ? t('onTimeSummaryNone') : t('onTimeSummary', { parties: overall });

  return (
    <ChartFigure title={t('onTimeChart')} summary={summary} config={data.series.length > 0 ? config : null} table={
      <ScrollTable caption={t('onTimeChart')}>
        <thead>
          <tr>
            <th scope="col">{t('month')}</th>
            {data.series.map((s) => <th key={s.key} scope="col" className="num">{label(ORG_SHORT_NAMES, s.key)}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.months.map((month, i) => (
            <tr key={month}>
              <th scope="row">{monthNames[i]}</th>
              {data.series.map((s) => <td key={s.key} className="num">{percent(s.values[i]!)}</td>)}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    } />
  );
}
