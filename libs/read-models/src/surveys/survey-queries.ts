import type { OrgId, PersonalData, SurveyOffer } from '@referral/case';
import type { SqlExecutor } from '@referral/sql';
import type { PersonalDataReader } from '../cases/reveal-case-detail';
import { toIsoInstant } from '../sql-values';

/** The survey as the case's org sees it: the link to hand on (absent once the case is erased) and whether it was answered. */
export interface CaseSurvey {
  link?: string;
  answered: boolean;
}

export async function findSurveyOffer(db: SqlExecutor, surveyId: string): Promise<SurveyOffer | null> {
  const { rows } = await db.query<{ org: string; closed_at: unknown; expires_at: unknown }>(
    'SELECT org, closed_at, expires_at FROM surveys WHERE survey_id = $1',
    [surveyId],
  );
  const row = rows[0];
  return row ? { surveyId, org: row.org as OrgId, closedAt: toIsoInstant(row.closed_at), expiresAt: toIsoInstant(row.expires_at) } : null;
}

export async function findCaseSurvey(db: SqlExecutor, caseId: string, reader: PersonalDataReader): Promise<CaseSurvey | null> {
  const { rows } = await db.query<{ sealed_token: unknown; answered: boolean }>(
    'SELECT sealed_token, answered_at IS NOT NULL AS answered FROM surveys WHERE case_id = $1',
    [caseId],
  );
  const row = rows[0];
  if (!row) return null;
  const opened = row.sealed_token === null ? null : ((await reader.open(row.sealed_token)) as PersonalData | null);
  return { ...(opened?.surveyToken ? { link: `/survey/${opened.surveyToken}` } : {}), answered: row.answered };
}
