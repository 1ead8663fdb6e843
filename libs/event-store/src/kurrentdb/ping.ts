import type { KurrentDBClient } from '@kurrent/kurrentdb-client';

/** Reads one event of `$all` (never empty: the server writes its own events at start-up). */
export async function ping(client: Pick<KurrentDBClient, 'readAll'>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`KurrentDB did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const read = (async () => {
    for await (const _ of client.readAll({ maxCount: 1 })) break;
  })();
  try {
    await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
    read.catch(() => undefined);
  }
}
