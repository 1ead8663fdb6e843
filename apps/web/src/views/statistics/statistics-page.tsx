import { useEffect, useState } from 'react';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { formatDate, stockholmDate } from '../../format/time';
import { useLanguage, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { StatisticsCharts } from './charts/statistics-charts';
import { CsvDownload } from './csv-download';
import { statisticsMessages } from './messages';
import { defaultChoice, periodOf } from './period';
import { PeriodPicker } from './period-picker';
import { ReportTables } from './report-tables';
import { useReport } from './use-statistics';

/**
 * Statistics for analysts and coordinators: the yearly report's tables for a chosen period, the
 * charts, the CSV and a print view. Aggregate figures only.
 */
export function StatisticsPage() {
  const t = useT(statisticsMessages);
  const { language } = useLanguage();
  const announce = useAnnounce();
  const [today] = useState(() => stockholmDate(Date.now()));
  const [choice, setChoice] = useState(() => defaultChoice(today));
  const period = periodOf(choice);
  const report = useReport(period);
  const range = (p: { from: string; to: string }) => `${formatDate(p.from, language)} – ${formatDate(p.to, language)}`;

  useEffect(() => {
    if (report.data) announce(t('shown', { period: range(report.data.period) }));
    // Said once per report that arrives, not on every render.
  }, [report.data]);

  return (
    <Page title={t('title')} actions={period && (
      <>
        <CsvDownload period={period} />
        <button type="button" className="button" onClick={() => window.print()}>{t('print')}</button>
      </>
    )}>
      <PeriodPicker choice={choice} today={today} onChange={setChoice} />
      {period && (
        <QueryState query={report}>
          {(data) => (
            <>
              <p className="stats-period-text">
                {t('periodText', { period: range(data.period), previous: range(data.previousPeriod) })}
              </p>
              <ReportTables report={data} />
              <StatisticsCharts report={data} period={period} />
            </>
          )}
        </QueryState>
      )}
    </Page>
  );
}
