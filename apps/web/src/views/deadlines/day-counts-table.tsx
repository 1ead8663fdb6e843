import { formatDay } from '../../format/time';
import { useLanguage, useT } from '../../i18n/i18n';
import type { DayCount } from './day-counts';
import { deadlineMessages } from './messages';

/** The days around today: first contacts due on each, and deadlines missed on each ("–" where it does not apply). */
export function DayCountsTable({ rows }: { rows: DayCount[] }) {
  const t = useT(deadlineMessages);
  const { language } = useLanguage();
  const figure = (n: number | null) => (n === null ? t('notApplicable') : n);
  return (
    <div className="table-wrap day-counts">
      <table>
        <caption>{t('perDayCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            <th scope="col" className="num">{t('deadlinesOnDay')}</th>
            <th scope="col" className="num">{t('breachesOnDay')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.date} className={row.isToday ? 'is-today' : undefined} aria-current={row.isToday ? 'date' : undefined}>
              <th scope="row">{row.isToday ? t('today', { date: formatDay(row.date, language) }) : formatDay(row.date, language)}</th>
              <td className="num">{figure(row.deadlines)}</td>
              <td className="num">{figure(row.breaches)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
