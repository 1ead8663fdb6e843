import { eventually } from './eventually';

/** Reads a Server-Sent Events stream and collects its `data` payloads of one event type. */
export class SseClient {
  readonly received: unknown[] = [];
  /** The `id:` of each received payload, in the same order. */
  readonly ids: Array<string | undefined> = [];
  /** When each payload arrived (Date.now()), in the same order. */
  readonly receivedAt: number[] = [];
  private readonly controller = new AbortController();
  private opened!: Promise<void>;

  constructor(private readonly url: string, private readonly headers: Record<string, string>, private readonly type = 'sla') {}

  /** Resolves when the server answered the request (the stream is open). */
  open(): Promise<{ status: number }> {
    return new Promise((resolve, reject) => {
      this.opened = fetch(this.url, { headers: this.headers, signal: this.controller.signal })
        .then(async (response) => {
          resolve({ status: response.status });
          if (!response.ok || !response.body) return;
          const decoder = new TextDecoder();
          let buffer = '';
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
            buffer += decoder.decode(chunk, { stream: true });
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              this.take(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
          }
        })
        .catch((error: unknown) => {
          if (!this.controller.signal.aborted) reject(error);
        });
    });
  }

  /** Waits (bounded) until a received payload matches. */
  async waitFor(match: (data: any) => boolean, timeoutMs = 5000): Promise<any> {
    return eventually(() => this.received.find(match), {
      what: () => `a matching event; got ${JSON.stringify(this.received)}`,
      timeoutMs,
      everyMs: 20,
    });
  }

  close(): void {
    this.controller.abort();
  }

  private take(block: string): void {
    const lines = block.split('\n');
    const type = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
    const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
    if (type !== this.type || !data) return;
    this.received.push(JSON.parse(data));
    this.receivedAt.push(Date.now());
    this.ids.push(lines.find((l) => l.startsWith('id:'))?.slice(3).trim());
  }
}
