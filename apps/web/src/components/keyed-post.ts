import { isFinalAnswer, type IdempotencyKeys } from './idempotency-keys';

/**
 * Sends one intended action with its Idempotency-Key (the same body keeps its key until the
 * service has answered it for good), for commands outside the case view (routing, the roster).
 */
export async function sendKeyed<T>(keys: IdempotencyKeys, body: unknown, send: (key: string) => Promise<T>): Promise<T> {
  const key = keys.keyFor(body);
  try {
    const answer = await send(key);
    keys.answered(key);
    return answer;
  } catch (error) {
    if (isFinalAnswer(error)) keys.answered(key);
    throw error;
  }
}
