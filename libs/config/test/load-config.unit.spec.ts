import { ConfigError, loadConfig } from '@referral/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('given an empty environment, runs embedded with its defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      eventStore: 'embedded',
      dataDir: './data',
      redisUrl: 'redis://127.0.0.1:6379',
      port: 3000,
      authJwtSecret: null,
      databaseUrl: null,
    });
  });

  it('names every wrong variable at once', () => {
    expect(problemsOf({ EVENT_STORE: 'mongo', PORT: 'eighty', REDIS_URL: 'localhost', LOG_LEVEL: 'loud' })).toEqual([
      'EVENT_STORE',
      'REDIS_URL',
      'PORT',
      'LOG_LEVEL',
    ]);
  });

  it("reads the worker's health port and the stuck threshold, and names them when wrong", () => {
    expect(loadConfig({})).toMatchObject({ workerHealthPort: 3001, healthStuckAfterSeconds: 300 });
    expect(loadConfig({ WORKER_HEALTH_PORT: '9100', HEALTH_STUCK_AFTER_SECONDS: '60' })).toMatchObject({ workerHealthPort: 9100, healthStuckAfterSeconds: 60 });
    expect(problemsOf({ WORKER_HEALTH_PORT: 'x', HEALTH_STUCK_AFTER_SECONDS: '0' })).toEqual(['WORKER_HEALTH_PORT', 'HEALTH_STUCK_AFTER_SECONDS']);
  });

  it('reads the lease timing, the renewal well within the TTL', () => {
    expect(loadConfig({})).toMatchObject({ leaseTtlMs: 6000, leaseRenewMs: 2000 });
    expect(loadConfig({ LEASE_TTL_MS: '9000' })).toMatchObject({ leaseTtlMs: 9000, leaseRenewMs: 3000 });
    expect(problemsOf({ LEASE_TTL_MS: '6000', LEASE_RENEW_MS: '4000' })).toEqual(['LEASE_RENEW_MS']);
    expect(problemsOf({ LEASE_TTL_MS: 'soon' })).toEqual(['LEASE_TTL_MS', 'LEASE_RENEW_MS']);
  });

  it('requires the PostgreSQL server and a secret in the scaled shape', () => {
    expect(problemsOf({ EVENT_STORE: 'postgres' })).toEqual(['DATABASE_URL', 'AUTH_JWT_SECRET', 'PII_MASTER_KEY']);
    expect(problemsOf({
      EVENT_STORE: 'kurrentdb', DATABASE_URL: 'postgres://db/x', AUTH_JWT_SECRET: 'x'.repeat(32), PII_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
    })).toEqual(['KURRENTDB_CONNECTION_STRING']);
  });

  it('refuses a short secret and a master key that is not 32 bytes of base64', () => {
    expect(problemsOf({ AUTH_JWT_SECRET: 'short', PII_MASTER_KEY: 'abc' })).toEqual(['AUTH_JWT_SECRET', 'PII_MASTER_KEY']);
  });

  it('takes the master keys being rotated away from, and names a bad one', () => {
    const [a, b] = [Buffer.alloc(32, 2), Buffer.alloc(32, 3)];
    const config = loadConfig({ PII_MASTER_KEY_PREVIOUS: `${a.toString('base64')}, ${b.toString('base64')}` });
    expect(config.piiPreviousMasterKeys).toEqual([a, b]);
    expect(loadConfig({}).piiPreviousMasterKeys).toEqual([]);
    expect(problemsOf({ PII_MASTER_KEY_PREVIOUS: `${a.toString('base64')},nope` })).toEqual(['PII_MASTER_KEY_PREVIOUS']);
  });

  it('does not echo a secret value in its message', () => {
    try {
      loadConfig({ AUTH_JWT_SECRET: 'hunter2-secret' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as Error).message).toContain('AUTH_JWT_SECRET');
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('accepts a full scaled configuration', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({
      EVENT_STORE: 'kurrentdb',
      DATABASE_URL: 'postgres://postgres@db:5432/referral',
      KURRENTDB_CONNECTION_STRING: 'kurrentdb://kurrentdb:2113?tls=false',
      AUTH_JWT_SECRET: 's'.repeat(40),
      PII_MASTER_KEY: key,
      PORT: '8080',
    });
    expect(config.eventStore).toBe('kurrentdb');
    expect(config.port).toBe(8080);
    expect(config.piiMasterKey?.length).toBe(32);
  });

  describe('OpenID Connect and secret rotation', () => {
    const jwks = { AUTH_JWKS_URL: 'https://login.example.test/.well-known/jwks.json' };

    it('needs no issuer or audience without a key set, and allows 30 s of clock skew by default', () => {
      const config = loadConfig({});
      expect(config).toMatchObject({
        authJwksUrl: null, authJwtIssuer: null, authJwtAudience: null, authJwtSecretPrevious: null,
        authClockSkewSeconds: 30, authJwksCooldownSeconds: 30,
      });
    });

    it('requires the issuer and the audience once AUTH_JWKS_URL is set', () => {
      expect(problemsOf(jwks)).toEqual(['AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE']);
      expect(problemsOf({ ...jwks, AUTH_JWT_ISSUER: 'https://login.example.test/' })).toEqual(['AUTH_JWT_AUDIENCE']);
    });

    it('accepts a full OpenID Connect configuration', () => {
      const config = loadConfig({
        ...jwks, AUTH_JWT_ISSUER: 'https://login.example.test/', AUTH_JWT_AUDIENCE: 'referral', AUTH_CLOCK_SKEW_SECONDS: '5',
      });
      expect(config).toMatchObject({
        authJwksUrl: jwks.AUTH_JWKS_URL, authJwtIssuer: 'https://login.example.test/', authJwtAudience: 'referral', authClockSkewSeconds: 5,
      });
    });

    it('refuses a key set URL that is not http(s) and a clock skew that is not a sane number of seconds', () => {
      expect(problemsOf({ AUTH_JWKS_URL: 'file:///etc/jwks.json', AUTH_JWT_ISSUER: 'i', AUTH_JWT_AUDIENCE: 'a' })).toEqual(['AUTH_JWKS_URL']);
      expect(problemsOf({ AUTH_CLOCK_SKEW_SECONDS: 'lots' })).toEqual(['AUTH_CLOCK_SKEW_SECONDS']);
      expect(problemsOf({ AUTH_CLOCK_SKEW_SECONDS: '-1' })).toEqual(['AUTH_CLOCK_SKEW_SECONDS']);
      expect(problemsOf({ AUTH_JWKS_COOLDOWN_SECONDS: '1.5' })).toEqual(['AUTH_JWKS_COOLDOWN_SECONDS']);
    });

    it('takes a previous secret only beside a current one, and as long as the current must be', () => {
      const current = { AUTH_JWT_SECRET: 'c'.repeat(32) };
      expect(loadConfig({ ...current, AUTH_JWT_SECRET_PREVIOUS: 'p'.repeat(32) }).authJwtSecretPrevious).toBe('p'.repeat(32));
      expect(problemsOf({ ...current, AUTH_JWT_SECRET_PREVIOUS: 'short' })).toEqual(['AUTH_JWT_SECRET_PREVIOUS']);
      expect(problemsOf({ AUTH_JWT_SECRET_PREVIOUS: 'p'.repeat(32) })).toEqual(['AUTH_JWT_SECRET_PREVIOUS']);
    });
  });
});

describe('loadConfig: CORS origins and rate limits', () => {
  it('allows no cross-origin caller and sane rate limits by default', () => {
    expect(loadConfig({})).toMatchObject({ corsOrigins: [], rateLimitIntakePerMinute: 6000, rateLimitFailedAuthPerMinute: 30, rateLimitSurveyPerMinute: 20 });
  });

  it('takes a comma-separated list of exact origins', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://ui.example.se, http://localhost:5173' });
    expect(config.corsOrigins).toEqual(['https://ui.example.se', 'http://localhost:5173']);
  });

  it.each(['*', 'https://ui.example.se/', 'https://ui.example.se/app', 'ui.example.se', 'ftp://ui.example.se'])(
    'refuses %s as an origin',
    (origin) => expect(problemsOf({ CORS_ORIGINS: `https://ok.example.se,${origin}` })).toEqual(['CORS_ORIGINS']),
  );

  it('takes the limits per minute as whole positive numbers', () => {
    const config = loadConfig({ RATE_LIMIT_INTAKE_PER_MINUTE: '120', RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '5', RATE_LIMIT_SURVEY_PER_MINUTE: '7' });
    expect(config).toMatchObject({ rateLimitIntakePerMinute: 120, rateLimitFailedAuthPerMinute: 5, rateLimitSurveyPerMinute: 7 });
    expect(problemsOf({ RATE_LIMIT_SURVEY_PER_MINUTE: '-1' })).toEqual(['RATE_LIMIT_SURVEY_PER_MINUTE']);
    expect(problemsOf({ RATE_LIMIT_INTAKE_PER_MINUTE: '0', RATE_LIMIT_FAILED_AUTH_PER_MINUTE: 'many' })).toEqual([
      'RATE_LIMIT_INTAKE_PER_MINUTE',
      'RATE_LIMIT_FAILED_AUTH_PER_MINUTE',
    ]);
  });
});
