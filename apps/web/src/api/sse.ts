import { API_BASE } from './client';
import { parseSse, reconnectDelayMs, type SseMessage } from './sse-parser';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

export interface StreamHandle {
  close(): void;
}

/**
 * `/sla/stream` read with fetch, so the token travels in the Authorization header and never in a
 * URL (EventSource cannot send headers). A dropped connection is resumed with Last-Event-ID, so
 * every change missed meanwhile still arrives.
 */
export function openStream(
  path: string,
  token: () => string | null,
  onMessage: (message: SseMessage) => void,
  onStatus: (status: StreamStatus) => void,
): StreamHandle {
  const controller = new AbortController();
  let lastEventId: string | null = null;
  let failures = 0;

  async function connect(): Promise<void> {
    while (!controller.signal.aborted) {
      onStatus(failures === 0 ? 'connecting' : 'reconnecting');
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        const bearer = token();
        if (bearer) headers.authorization = `Bearer ${bearer}`;
        if (lastEventId) headers['last-event-id'] = lastEventId;
        const response = await fetch(`${API_BASE}${path}`, { headers, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        onStatus('live');
        failures = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseSse(buffer + value);
          buffer = parsed.rest;
          for (const message of parsed.messages) {
            if (message.id) lastEventId = message.id;
            onMessage(message);
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      failures += 1;
      onStatus('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(failures)));
    }
  }
  void connect();
  return { close: () => controller.abort() };
}
