import { useId, type ReactNode } from 'react';
import { useT } from '../../../i18n/i18n';
import { statisticsMessages } from '../messages';
import { ChartCanvas } from './chart-canvas';
import type { ChartConfiguration } from './chart-setup';

/**
 * One chart as a figure: its heading, the canvas, a caption that says in words what it shows, and
 * the same numbers as a table behind "Visa som tabell" (a canvas is not readable otherwise).
 */
export function ChartFigure({ title, summary, config, table, tall }: {
  title: string;
  summary: string;
  config: ChartConfiguration<'bar' | 'line'> | null;
  table: ReactNode;
  tall?: boolean;
}) {
  const t = useT(statisticsMessages);
  const id = useId();
  return (
    <figure className="card stats-chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {config ? (
        <div className={tall ? 'stats-chart__box stats-chart__box--tall' : 'stats-chart__box'}>
          <ChartCanvas config={config} label={title} describedBy={`${id}-caption`} />
        </div>
      ) : (
        <p className="muted">{t('chartNoData')}</p>
      )}
      <figcaption id={`${id}-caption`}>{summary}</figcaption>
      <details className="stats-chart__table">
        <summary>{t('showTable')}</summary>
        <div className="table-wrap">{table}</div>
      </details>
    </figure>
  );
}
