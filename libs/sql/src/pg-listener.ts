import { Client, type ClientConfig } from 'pg';

export interface Listening {
  close(): Promise<void>;
}

const RECONNECT_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * One dedicated connection that LISTENs on `channel` and hands every payload to `onPayload`,
 * connecting again (with growing pauses) whenever the connection is lost. A notification sent
 * while it was away is gone: callers treat notifications as wake-ups beside a slower poll.
 */
export async function listenOn(config: ClientConfig, channel: string, onPayload: (payload: string) => void): Promise<Listening> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`channel "${channel}" must be a lower-case identifier`);
  let closed = false;
  let client: Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;

  const connect = async (): Promise<void> => {
    const next = new Client(config);
    next.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    next.on('error', () => undefined);
    next.on('end', () => {
      if (client === next) client = null;
      if (!closed) schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      if (closed) return void (await next.end().catch(() => undefined));
      client = next;
      failures = 0;
    } catch {
      await next.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)]);
  };

  await connect();
  if (!client) schedule();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await (client as Client | null)?.end().catch(() => undefined);
    },
  };
}
