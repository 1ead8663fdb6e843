import { toApiError } from './errors';

export const API_BASE = '/api/v1';

export interface PostOptions {
  /** Sent as Idempotency-Key: a retried or doubled command takes effect once. */
  idempotencyKey?: string;
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  getText(path: string): Promise<string>;
  post<T>(path: string, body: unknown, options?: PostOptions): Promise<T>;
}

/**
 * The API with the signed-in user's token; a 401 signs them out (the token expired or was
 * revoked), every other failure is an ApiError the view shows.
 */
export function createApiClient(token: () => string | null, onUnauthorized: () => void, fetchImpl: typeof fetch = fetch): ApiClient {
  async function send(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    const bearer = token();
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);
    const response = await fetchImpl(`${API_BASE}${path}`, { ...init, headers });
    if (response.status === 401 && bearer) onUnauthorized();
    if (!response.ok) throw await toApiError(response);
    return response;
  }
  return {
    async get<T>(path: string) {
      return (await (await send(path, { headers: { accept: 'application/json' } })).json()) as T;
    },
    async getText(path: string) {
      return (await send(path, {})).text();
    },
    async post<T>(path: string, body: unknown, options: PostOptions = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
      const response = await send(path, { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** A fresh Idempotency-Key for one user action (kept by the form until it succeeds). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
