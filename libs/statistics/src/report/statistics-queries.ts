import type { SqlExecutor } from '@referral/sql';
import type { CountingPolicy } from '../counting/counting-policy';
import { defaultCountingPolicy } from '../counting/default-counting-policy';
import type { Figure } from '../projection/contributions';
import { assembleReport, type PeriodCounts } from './assemble-report';
import { previousPeriod } from './previous-period';
import type { StatisticsReport } from './report';

/** Reports from the statistics read model (its logical views, so always the active generation). */
export class StatisticsQueries {
  constructor(
    private readonly db: SqlExecutor,
    private readonly policy: CountingPolicy = defaultCountingPolicy,
  ) {}

  /**
   * The report for the Stockholm days `from`..`to`, both inclusive (`YYYY-MM-DD`, from <= to), with
   * the totals of the previous period (`previousPeriod`) beside.
   */
  async report(period: { from: string; to: string }): Promise<StatisticsReport> {
    const [current, previous] = [await this.counts(period), await this.counts(previousPeriod(period))];
    return assembleReport(current, previous, this.policy);
  }

  private async counts(period: { from: string; to: string }): Promise<PeriodCounts> {
    const counts = await this.db.query<{ org: string; figure: Figure; key: string; n: unknown }>(
      `SELECT org, figure, key, SUM(n) AS n FROM stats_counts
        WHERE day BETWEEN $1::date AND $2::date GROUP BY org, figure, key`,
      [period.from, period.to],
    );
    const volunteers = await this.db.query<{ org: string; gender_key: string; n: unknown }>(
      `SELECT org, gender_key, COUNT(*) AS n FROM stats_volunteers
        WHERE active_from <= $2::date AND (active_until IS NULL OR active_until >= $1::date) GROUP BY org, gender_key`,
      [period.from, period.to],
    );
    return {
      period,
      rows: counts.rows.map((row) => ({ org: row.org, figure: row.figure, key: row.key, n: Number(row.n) })),
      volunteers: volunteers.rows.map((row) => ({ org: row.org, genderKey: row.gender_key, n: Number(row.n) })),
    };
  }
}
