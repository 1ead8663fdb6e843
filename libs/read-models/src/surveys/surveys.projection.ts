import type { CaseClosed, SurveyAnswered } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import { jsonParam } from '../sql-values';

export const SURVEY_TABLES = ['surveys'] as const;
export type SurveyTable = (typeof SURVEY_TABLES)[number];

/**
 * The satisfaction surveys offered at closing (`CaseClosed.survey`) and whether each was answered
 * (`SurveyAnswered`). `sealed_token` is the closing's personal data as the store holds it
 * (sealed under the case's key), opened only to show the link to the case's org; nothing of the
 * answer (scores, comment) is kept here, so nothing of it can be shown beside the case.
 */
export const surveysProjection: ProjectionDefinition<SurveyTable> = {
  name: 'surveys',
  handles: new Set(['CaseClosed', 'SurveyAnswered']),
  version: 1,
  tables: SURVEY_TABLES,
  async setup(tx: SqlExecutor, tables: TableNames<SurveyTable>) {
    await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.surveys} (
      survey_id text COLLATE "C" PRIMARY KEY,
      case_id text COLLATE "C" NOT NULL,
      org text NOT NULL,
      closed_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      sealed_token jsonb,
      answered_at timestamptz
    )`);
    await tx.query(`CREATE INDEX IF NOT EXISTS ${tables.surveys}_by_case ON ${tables.surveys} (case_id)`);
  },
  async handle(recorded: RecordedEvent, tx: SqlExecutor, tables: TableNames<SurveyTable>) {
    if (recorded.type === 'CaseClosed') {
      const { data } = recorded as unknown as CaseClosed;
      if (!data.survey) return;
      await tx.query(
        `INSERT INTO ${tables.surveys} (survey_id, case_id, org, closed_at, expires_at, sealed_token)
         VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6::jsonb) ON CONFLICT (survey_id) DO NOTHING`,
        [data.survey.surveyId, data.caseId, data.org, data.at, data.survey.expiresAt, jsonParam(data.personalData)],
      );
    } else if (recorded.type === 'SurveyAnswered') {
      const { data } = recorded as unknown as SurveyAnswered;
      await tx.query(`UPDATE ${tables.surveys} SET answered_at = $2::timestamptz WHERE survey_id = $1 AND answered_at IS NULL`, [
        data.surveyId, data.at,
      ]);
    }
  },
};
