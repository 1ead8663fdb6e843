import autocannon from 'autocannon';
import { handoverBody } from '../../support/handovers';
import { seededRandom } from '../../support/seeded-random';

/** A case made before the load starts, for contacts to be recorded on, with a token of its org. */
export interface PooledCase { caseId: string; authorization: string }

export interface TrafficOptions {
  /** The API processes' base URLs (http://127.0.0.1:port); autocannon spreads connections over them. */
  apis: string[];
  seconds: number;
  /** Requests per second offered, over all connections. */
  rate: number;
  connections: number;
}

export interface KindResult {
  kind: string;
  rate: number;
  connections: number;
  seconds: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
}

/** A handover (Police contract v1) for a fictional person, handed over a minute ago, with a unique id. */
export function loadHandover(runId: string, sequence: number): string {
  return JSON.stringify(handoverBody({
    handoverId: `load-${runId}-${sequence}`,
    handedOverAt: new Date(Date.now() - 60_000).toISOString(),
  }));
}

/** Every API under the same path, for autocannon's `url` (one URL per connection, round robin). */
function targets(apis: string[], path: string): string {
  // autocannon takes an array of URLs; its types say string only.
  return apis.map((api) => `${api}${path}`) as unknown as string;
}

function run(kind: string, options: TrafficOptions, request: autocannon.Request, stop: AbortSignal): Promise<KindResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: targets(options.apis, request.path ?? '/'),
      connections: options.connections,
      overallRate: options.rate,
      duration: options.seconds,
      timeout: 10,
      requests: [request],
    }, (error, result) => (error ? reject(error) : resolve(summarise(kind, options, result))));
    stop.addEventListener('abort', () => instance.stop(), { once: true });
  });
}

function summarise(kind: string, options: TrafficOptions, result: autocannon.Result): KindResult {
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (stat as { count: number }).count;
  return {
    kind,
    rate: options.rate,
    connections: options.connections,
    seconds: result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
  };
}

/** POST /api/v1/handovers as the Police integration, a new handover each time. */
export function handovers(options: TrafficOptions, police: string, runId: string, stop: AbortSignal): Promise<KindResult> {
  let sequence = 0;
  return run('handovers', options, {
    method: 'POST',
    path: '/api/v1/handovers',
    headers: { authorization: police, 'content-type': 'application/json' },
    setupRequest: (request) => ({ ...request, body: loadHandover(runId, ++sequence) }),
  }, stop);
}

/** POST /api/v1/cases/{id}/contacts: a phone attempt without answer on a seeded pick of the pooled cases. */
export function contacts(options: TrafficOptions, pool: PooledCase[], seed: number, stop: AbortSignal): Promise<KindResult> {
  const random = seededRandom(seed);
  return run('contacts', options, {
    method: 'POST',
    path: '/api/v1/cases/pooled/contacts',
    setupRequest: (request) => {
      const picked = pool[Math.floor(random() * pool.length)];
      return {
        ...request,
        path: `/api/v1/cases/${picked.caseId}/contacts`,
        headers: { authorization: picked.authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'phone', outcome: 'no-answer', at: new Date().toISOString() }),
      };
    },
  }, stop);
}

/** GET /api/v1/cases: the coordinator's worklist, first page. */
export function worklist(options: TrafficOptions, coordinator: string, stop: AbortSignal): Promise<KindResult> {
  return run('worklist', options, { method: 'GET', path: '/api/v1/cases?status=open&limit=50', headers: { authorization: coordinator } }, stop);
}
