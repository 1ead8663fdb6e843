import { useMemo } from 'react';
import { CRIME_CATEGORIES, ORG_SHORT_NAMES } from '@referral/labels';
import type { StatisticsReport } from '../../../api/types';
import { ScrollTable } from '../../../components/scroll-table';
import { useLabel, useLanguage, useT } from '../../../i18n/i18n';
import { formatShare } from '../format';
import { statisticsMessages } from '../messages';
import { crimeMix } from './chart-data';
import { ChartFigure } from './chart-figure';
import type { ChartConfiguration } from './chart-setup';
import { seriesStyle } from './palette';
import { patternFill } from './patterns';
import { valueLabels } from './value-labels';

/** Each party's cases by crime type as shares of 100 %, one stacked bar per party, shares written where they fit. */
export function CrimeMixChart({ report }: { report: StatisticsReport }) {
  const t = useT(statisticsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const mix = crimeMix(report);
  const percent = (share: number) => formatShare(share, language);

  const config = useMemo((): ChartConfiguration<'bar'> => ({
    type: 'bar',
    data: {
      labels: mix.parties.map((org) => label(ORG_SHORT_NAMES, org)),
      datasets: mix.series.map((s, i) => {
        const style = seriesStyle(i);
        return {
          label: label(CRIME_CATEGORIES, s.key), data: s.values.map((v) => Math.round(v * 1000) / 10),
          backgroundColor: patternFill(style.color, style.pattern), borderColor: '#ffffff', borderWidth: { left: 0, right: 2, top: 0, bottom: 0 },
        };
      }),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      locale: language === 'sv' ? 'sv-SE' : 'en-GB',
      scales: { x: { stacked: true, min: 0, max: 100, ticks: { callback: (value) => percent(Number(value) / 100) } }, y: { stacked: true } },
      plugins: { legend: { position: 'bottom' } },
    },
    plugins: [valueLabels((value) => (value >= 8 ? percent(value / 100) : null), 'inside')],
  }), [report, language]);

  const summary = mix.parties.length === 0
    ? t('crimeSummaryNone')
    : t('crimeSummary', {
      parties: report.parties.filter((p) => p.crimeTypes.length > 0)
        .map((p) => `${label(ORG_SHORT_NAMES, p.org)}: ${label(CRIME_CATEGORIES, p.crimeTypes[0]!.category)} ${percent(p.crimeTypes[0]!.share)}`).join('; '),
    });

  return (
    <ChartFigure title={t('crimeChart')} summary={summary} config={mix.parties.length > 0 ? config : null} tall table={
      <ScrollTable caption={t('crimeChart')}>
        <thead>
          <tr>
            <th scope="col">{t('crimeType')}</th>
            {mix.parties.map((org) => <th key={org} scope="col" className="num">{label(ORG_SHORT_NAMES, org)}</th>)}
          </tr>
        </thead>
        <tbody>
          {mix.series.map((s) => (
            <tr key={s.key}>
              <th scope="row">{label(CRIME_CATEGORIES, s.key)}</th>
              {s.values.map((v, i) => <td key={mix.parties[i]} className="num">{percent(v)}</td>)}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    } />
  );
}
