import { outcomeOf, type SurveyAnswer, type SurveyOutcome } from './survey-answer';

/**
 * `POST /api/v1/surveys/{token}` as the person: never with a sign-in token (the link is the
 * caller), with an Idempotency-Key so a second tap on a slow phone does not use the link up.
 */
export async function sendSurveyAnswer(token: string, answer: SurveyAnswer, idempotencyKey: string): Promise<SurveyOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/surveys/${encodeURIComponent(token)}`, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(answer),
    });
  } catch {
    return 'failed';
  }
  const error = response.ok ? undefined : ((await response.json().catch(() => undefined)) as { details?: { path: string }[] } | undefined);
  return outcomeOf(response.status, error);
}
