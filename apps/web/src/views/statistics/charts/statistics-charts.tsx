import type { StatisticsReport } from '../../../api/types';
import { useT } from '../../../i18n/i18n';
import { statisticsMessages } from '../messages';
import type { Period } from '../period';
import { MAX_MONTHS, useMonthReports } from '../use-statistics';
import { CasesPerMonthChart } from './cases-per-month-chart';
import { CrimeMixChart } from './crime-mix-chart';
import { OnTimeChart } from './on-time-chart';
import { SatisfactionChart } from './satisfaction-chart';

/** The four charts: two over the months of the period (one report per month), two over the whole period. */
export function StatisticsCharts({ report, period }: { report: StatisticsReport; period: Period }) {
  const t = useT(statisticsMessages);
  const monthly = useMonthReports(period);
  return (
    <section aria-labelledby="stats-charts" className="stats-charts">
      <h2 id="stats-charts">{t('chartsHeading')}</h2>
      <div className="grid-2">
        {monthly.status === 'done' && (
          <>
            <CasesPerMonthChart months={monthly.months} />
            <OnTimeChart months={monthly.months} report={report} />
          </>
        )}
        {monthly.status === 'loading' && <p className="muted" role="status">{t('monthsLoading')}</p>}
        {monthly.status === 'too-long' && <p className="notice">{t('monthsTooLong', { max: MAX_MONTHS })}</p>}
        {monthly.status === 'error' && (
          <div className="notice notice--error" role="alert">
            <p>{t('monthsFailed')}</p>
            <button type="button" className="button" onClick={monthly.retry}>{t('retry')}</button>
          </div>
        )}
        <CrimeMixChart report={report} />
        <SatisfactionChart report={report} />
      </div>
    </section>
  );
}
