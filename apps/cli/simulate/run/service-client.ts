import type { Actor } from '../plan/plan-types';
import type { TokenMint } from './tokens';

export interface ServiceAnswer {
  readonly status: number;
  readonly body: any;
}

export class ServiceUnreachableError extends Error {}

/** The service's public HTTP API under `/api/v1`, over global fetch. */
/** How often one request waits out a 429 before its answer is taken as it is. */
const RATE_LIMIT_WAITS = 10;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ServiceClient {
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenMint,
    /** Waits out a rate limit (the survey's is per client IP and low); replaceable for tests. */
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  /** One request; a 429 with `Retry-After` is waited out and sent again, as a polite client does. */
  async send(method: 'GET' | 'POST', path: string, actor: Actor | null, body?: unknown): Promise<ServiceAnswer> {
    const headers: Record<string, string> = {};
    if (actor) headers.authorization = `Bearer ${await this.tokens.tokenFor(actor)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
    let response: Response;
    for (let waits = 0; ; waits += 1) {
      this.requests += 1;
      response = await fetch(`${this.baseUrl}/api/v1${path}`, init);
      const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
      if (response.status !== 429 || !(retryAfter >= 0) || waits >= RATE_LIMIT_WAITS) break;
      await response.arrayBuffer();
      await this.wait(Math.min(retryAfter, 120) * 1000);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed };
  }

  /** Throws a message that says what to do when the service does not answer or is not healthy. */
  async checkHealth(): Promise<void> {
    let answer: ServiceAnswer;
    try {
      answer = await this.send('GET', '/health', null);
    } catch (error) {
      throw new ServiceUnreachableError(
        `The service is not reachable at ${this.baseUrl} (${(error as Error).cause ?? (error as Error).message}). Start it with \`npm start\` (or \`npm run demo\`), or pass --url.`,
      );
    }
    if (answer.status !== 200) {
      throw new ServiceUnreachableError(`The service at ${this.baseUrl} is not healthy: GET /api/v1/health answered ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }
}
