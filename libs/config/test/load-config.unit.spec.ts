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

  it('requires the PostgreSQL server and a secret in the scaled shape', () => {
    expect(problemsOf({ EVENT_STORE: 'postgres' })).toEqual(['DATABASE_URL', 'AUTH_JWT_SECRET']);
    expect(problemsOf({ EVENT_STORE: 'kurrentdb', DATABASE_URL: 'postgres://db/x', AUTH_JWT_SECRET: 'x'.repeat(32) })).toEqual([
      'KURRENTDB_CONNECTION_STRING',
    ]);
  });

  it('refuses a short secret and a master key that is not 32 bytes of base64', () => {
    expect(problemsOf({ AUTH_JWT_SECRET: 'short', PII_MASTER_KEY: 'abc' })).toEqual(['AUTH_JWT_SECRET', 'PII_MASTER_KEY']);
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
});
