import { useMemo } from 'react';
import { ORG_SHORT_NAMES } from '@referral/labels';
import { ScrollTable } from '../../../components/scroll-table';
import { useLabel, useLanguage, useT } from '../../../i18n/i18n';
import { formatMonth, formatNumber } from '../format';
import { statisticsMessages } from '../messages';
import { casesPerMonth, indexOfMax, sumSeries, type MonthReport } from './chart-data';
import { ChartFigure } from './chart-figure';
import type { ChartConfiguration } from './chart-setup';
import { seriesStyle } from './palette';
import { patternFill } from './patterns';
import { valueLabels } from './value-labels';

/** Cases received per month, stacked by party, with each month's total written on its bar. */
export function CasesPerMonthChart({ months }: { months: MonthReport[] }) {
  const t = useT(statisticsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const data = casesPerMonth(months);
  const totals = sumSeries(data.series);
  const monthNames = data.months.map((m) => formatMonth(m, language));
  const n = (value: number) => formatNumber(value, language);

  // Redrawn when the numbers change, not whenever the month list is a new array.
  const dataKey = JSON.stringify(data);
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const last = data.series.length - 1;
    return {
      type: 'bar',
      data: {
        labels: monthNames,
        datasets: data.series.map((s, i) => {
          const style = seriesStyle(i);
          return { label: label(ORG_SHORT_NAMES, s.key), data: s.values, backgroundColor: patternFill(style.color, style.pattern), borderColor: style.color, borderWidth: 1.5 };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        locale: language === 'sv' ? 'sv-SE' : 'en-GB',
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('cases') } } },
        plugins: { legend: { position: 'bottom' } },
        layout: { padding: { top: 18 } },
      },
      plugins: [valueLabels((_, di, i) => (di === last && totals[i]! > 0 ? n(totals[i]!) : null), 'end')],
    };
  }, [dataKey, language]);

  const all = totals.reduce((a, b) => a + b, 0);
  const peak = indexOfMax(totals);
  const perParty = data.series.map((s) => `${label(ORG_SHORT_NAMES, s.key)} ${n(s.values.reduce((a, b) => a + b, 0))}`).join(', ');
  const summary = all === 0 ? t('casesSummaryNone') : t('casesSummary', { total: n(all), month: monthNames[peak]!, peak: n(totals[peak]!), parties: perParty });

  return (
    <ChartFigure title={t('casesChart')} summary={summary} config={all > 0 ? config : null} table={
      <ScrollTable caption={t('casesChart')}>
        <thead>
          <tr>
            <th scope="col">{t('month')}</th>
            {data.series.map((s) => <th key={s.key} scope="col" className="num">{label(ORG_SHORT_NAMES, s.key)}</th>)}
            <th scope="col" className="num">{t('total')}</th>
          </tr>
        </thead>
        <tbody>
          {data.months.map((month, i) => (
            <tr key={month}>
              <th scope="row">{monthNames[i]}</th>
              {data.series.map((s) => <td key={s.key} className="num">{n(s.values[i]!)}</td>)}
              <td className="num">{n(totals[i]!)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    } />
  );
}
