/** What one request finally got: its answer, or none after `giveUpMs` of trying. */
export interface Outcome {
  status: number | null;
  body: unknown;
  tries: number;
  /** Every status on the way (null: no answer), for the oracle's findings. */
  trail: Array<number | null>;
  /** From the first send to the answer (or giving up). */
  elapsedMs: number;
}

/** Answers worth trying again with the same request: the service or the network may be back. */
const RETRYABLE = new Set([409, 429, 500, 502, 503, 504]);

/**
 * Sends one request to whichever API process is up, as a client that must not lose it would:
 * on a network error or an answer that may pass it waits a little and sends the same request
 * (same body, same Idempotency-Key) again, to the next API, until it gets an answer or gives up.
 * A 409 is tried again only when it says the key is in progress, a 503 unless it says the change
 * is saved (read-model-behind): those are answers.
 */
export async function sendUntilAnswered(
  targets: () => string[],
  path: string,
  init: { method: 'POST' | 'GET'; headers: Record<string, string>; body?: unknown },
  giveUpMs: number,
  offset = 0,
): Promise<Outcome> {
  const sentAt = Date.now();
  const giveUpAt = sentAt + giveUpMs;
  const trail: Array<number | null> = [];
  for (let tries = 1; ; tries += 1) {
    const bases = targets();
    const base = bases[(offset + tries) % Math.max(bases.length, 1)];
    let status: number | null = null;
    let body: unknown = null;
    if (base) {
      try {
        const response = await fetch(`${base}${path}`, {
          method: init.method,
          headers: { ...init.headers, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal: AbortSignal.timeout(15_000),
        });
        status = response.status;
        body = await response.json().catch(() => null);
      } catch {
        status = null;
      }
    }
    if (trail.length < 100) trail.push(status);
    // A 503 read-model-behind is an answer (the change is saved); a 409 only while the key is in progress.
    const answered = (status === 409 && errorOf(body) !== 'idempotency-key-in-progress') || (status === 503 && errorOf(body) === 'read-model-behind');
    const again = status === null || (RETRYABLE.has(status) && !answered);
    if (!again || Date.now() >= giveUpAt) return { status, body, tries, trail, elapsedMs: Date.now() - sentAt };
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * tries, 1_000)));
  }
}

function errorOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
}
