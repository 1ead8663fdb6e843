/** The service's configuration, read once from the environment and validated at start-up. */
export type EventStoreKind = 'embedded' | 'postgres' | 'kurrentdb';

export interface Config {
  eventStore: EventStoreKind;
  /** PostgreSQL server: the event store for `postgres`, the read models for `postgres` and `kurrentdb`. */
  databaseUrl: string | null;
  kurrentDbConnectionString: string | null;
  redisUrl: string;
  /** Prefix of every Redis key and channel of this deployment (several may share one Redis). */
  redisPrefix: string;
  /** Where the embedded store keeps its files. */
  dataDir: string;
  port: number;
  /** Where the worker process of the scaled shape answers GET /api/v1/health. */
  workerHealthPort: number;
  /** A background component failing, or behind without progress, for longer than this is stuck (health 503). */
  healthStuckAfterSeconds: number;
  /** How long a worker's lease on a projection or reaction lasts without renewal (it moves to another worker after it). */
  leaseTtlMs: number;
  /** How often the holder renews its leases; well within leaseTtlMs. */
  leaseRenewMs: number;
  /** HS256 secret; null in embedded mode means "make one and keep it under dataDir". */
  authJwtSecret: string | null;
  /** Still accepted during a rotation of the HS256 secret, so tokens signed with it keep working. */
  authJwtSecretPrevious: string | null;
  /** OpenID Connect issuer's key set; RS256/ES256 tokens are checked against it where set. */
  authJwksUrl: string | null;
  /** The `iss` and `aud` an OpenID Connect token must carry; set whenever authJwksUrl is. */
  authJwtIssuer: string | null;
  authJwtAudience: string | null;
  /** The web app's OpenID Connect client (authorization code with PKCE at AUTH_JWT_ISSUER); null: no OIDC sign-in. */
  webOidcClientId: string | null;
  /** The scopes the web app asks the issuer for. */
  webOidcScope: string;
  /** Leeway for `exp`, `nbf` and `iat` between our clock and the issuer's. */
  authClockSkewSeconds: number;
  /** The shortest time between two fetches of the key set (an unknown `kid` refetches after it). */
  authJwksCooldownSeconds: number;
  /** Wraps the per-person keys: 32 bytes, base64. null in embedded mode means "make one and keep it under dataDir". */
  piiMasterKey: Buffer | null;
  /** Master keys being rotated away from (`PII_MASTER_KEY_PREVIOUS`, comma-separated): they only unwrap. */
  piiPreviousMasterKeys: Buffer[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Browser origins allowed to call the API (CORS); empty means no cross-origin access at all. */
  corsOrigins: string[];
  /** Handovers one client (token `sub`) may send per minute. */
  rateLimitIntakePerMinute: number;
  /** Requests answered 401 that one IP may make per minute before it is refused for the rest of it. */
  rateLimitFailedAuthPerMinute: number;
  /** Survey answers (`POST /surveys/{token}`, no token needed) one IP may send per minute. */
  rateLimitSurveyPerMinute: number;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Thrown when the environment is wrong; its message names every variable that is. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}
