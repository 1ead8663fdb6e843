import { Config, ConfigError, ConfigProblem, EventStoreKind } from './config';

const EVENT_STORES: readonly EventStoreKind[] = ['embedded', 'postgres', 'kurrentdb'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const MIN_SECRET_LENGTH = 32;

/** Validates the environment; collects every problem before it throws, so one run shows them all. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const problems: ConfigProblem[] = [];
  const problem = (variable: string, message: string) => problems.push({ variable, message });
  const value = (name: string) => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? null : raw.trim();
  };

  const eventStore = (value('EVENT_STORE') ?? 'embedded') as EventStoreKind;
  if (!EVENT_STORES.includes(eventStore)) {
    problem('EVENT_STORE', `must be one of ${EVENT_STORES.join(', ')}; got "${env.EVENT_STORE}"`);
  }
  const scaled = eventStore === 'postgres' || eventStore === 'kurrentdb';

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== null && !isUrl(databaseUrl, ['postgres:', 'postgresql:'])) {
    problem('DATABASE_URL', 'must be a postgres:// URL');
  } else if (databaseUrl === null && scaled) {
    problem('DATABASE_URL', `is required when EVENT_STORE=${eventStore} (read models live in PostgreSQL)`);
  }

  const kurrentDbConnectionString = value('KURRENTDB_CONNECTION_STRING');
  if (kurrentDbConnectionString !== null && !/^(kurrentdb|esdb|kdb)(\+discover)?:\/\//.test(kurrentDbConnectionString)) {
    problem('KURRENTDB_CONNECTION_STRING', 'must start with kurrentdb:// (or esdb://)');
  } else if (kurrentDbConnectionString === null && eventStore === 'kurrentdb') {
    problem('KURRENTDB_CONNECTION_STRING', 'is required when EVENT_STORE=kurrentdb');
  }

  const redisUrl = value('REDIS_URL') ?? 'redis://127.0.0.1:6379';
  if (!isUrl(redisUrl, ['redis:', 'rediss:'])) problem('REDIS_URL', 'must be a redis:// or rediss:// URL');

  const redisPrefix = value('REDIS_PREFIX') ?? 'referral';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(redisPrefix)) problem('REDIS_PREFIX', 'must be 1-40 letters, digits, _ or -');

  const port = Number(value('PORT') ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problem('PORT', 'must be a whole number from 0 to 65535');

  const workerHealthPort = Number(value('WORKER_HEALTH_PORT') ?? '3001');
  if (!Number.isInteger(workerHealthPort) || workerHealthPort < 0 || workerHealthPort > 65535) {
    problem('WORKER_HEALTH_PORT', 'must be a whole number from 0 to 65535');
  }
  const healthStuckAfterSeconds = Number(value('HEALTH_STUCK_AFTER_SECONDS') ?? '300');
  if (!Number.isInteger(healthStuckAfterSeconds) || healthStuckAfterSeconds < 1 || healthStuckAfterSeconds > 86_400) {
    problem('HEALTH_STUCK_AFTER_SECONDS', 'must be a whole number of seconds from 1 to 86400');
  }

  const leaseTtlMs = Number(value('LEASE_TTL_MS') ?? '6000');
  if (!Number.isInteger(leaseTtlMs) || leaseTtlMs < 1000 || leaseTtlMs > 600_000) {
    problem('LEASE_TTL_MS', 'must be a whole number of milliseconds from 1000 to 600000');
  }
  const leaseRenewMs = Number(value('LEASE_RENEW_MS') ?? String(Math.floor(leaseTtlMs / 3)));
  if (!Number.isInteger(leaseRenewMs) || leaseRenewMs < 100 || leaseRenewMs > leaseTtlMs / 2) {
    problem('LEASE_RENEW_MS', 'must be a whole number of milliseconds from 100 to half of LEASE_TTL_MS');
  }

  const authJwtSecret = value('AUTH_JWT_SECRET');
  if (authJwtSecret !== null && authJwtSecret.length < MIN_SECRET_LENGTH) {
    problem('AUTH_JWT_SECRET', `must be at least ${MIN_SECRET_LENGTH} characters`);
  } else if (authJwtSecret === null && scaled) {
    problem('AUTH_JWT_SECRET', 'is required outside embedded mode');
  }

  const authJwtSecretPrevious = value('AUTH_JWT_SECRET_PREVIOUS');
  if (authJwtSecretPrevious !== null && authJwtSecretPrevious.length < MIN_SECRET_LENGTH) {
    problem('AUTH_JWT_SECRET_PREVIOUS', `must be at least ${MIN_SECRET_LENGTH} characters`);
  } else if (authJwtSecretPrevious !== null && authJwtSecret === null) {
    problem('AUTH_JWT_SECRET_PREVIOUS', 'is only used alongside AUTH_JWT_SECRET (the secret it rotates to)');
  }

  const authJwksUrl = value('AUTH_JWKS_URL');
  if (authJwksUrl !== null && !isUrl(authJwksUrl, ['https:', 'http:'])) problem('AUTH_JWKS_URL', 'must be an https:// URL');

  const authJwtIssuer = value('AUTH_JWT_ISSUER');
  if (authJwtIssuer === null && authJwksUrl !== null) {
    problem('AUTH_JWT_ISSUER', 'is required when AUTH_JWKS_URL is set (the iss tokens must carry)');
  }
  const authJwtAudience = value('AUTH_JWT_AUDIENCE');
  if (authJwtAudience === null && authJwksUrl !== null) {
    problem('AUTH_JWT_AUDIENCE', 'is required when AUTH_JWKS_URL is set (the aud tokens must carry)');
  }

  const webOidcClientId = value('WEB_OIDC_CLIENT_ID');
  if (webOidcClientId !== null && authJwtIssuer === null) {
    problem('WEB_OIDC_CLIENT_ID', 'needs AUTH_JWT_ISSUER (the issuer the web app signs in at) and AUTH_JWKS_URL');
  } else if (webOidcClientId !== null && !isUrl(authJwtIssuer ?? '', ['https:', 'http:'])) {
    problem('AUTH_JWT_ISSUER', 'must be an https:// URL when WEB_OIDC_CLIENT_ID is set (its discovery document is read from it)');
  }
  const webOidcScope = value('WEB_OIDC_SCOPE') ?? 'openid';

  const authClockSkewSeconds = Number(value('AUTH_CLOCK_SKEW_SECONDS') ?? '30');
  if (!Number.isInteger(authClockSkewSeconds) || authClockSkewSeconds < 0 || authClockSkewSeconds > 300) {
    problem('AUTH_CLOCK_SKEW_SECONDS', 'must be a whole number of seconds from 0 to 300');
  }
  const authJwksCooldownSeconds = Number(value('AUTH_JWKS_COOLDOWN_SECONDS') ?? '30');
  if (!Number.isInteger(authJwksCooldownSeconds) || authJwksCooldownSeconds < 0 || authJwksCooldownSeconds > 3600) {
    problem('AUTH_JWKS_COOLDOWN_SECONDS', 'must be a whole number of seconds from 0 to 3600');
  }

  const piiMasterKey = parseMasterKey('PII_MASTER_KEY', value('PII_MASTER_KEY'), problem);
  if (piiMasterKey === null && value('PII_MASTER_KEY') === null && scaled) {
    problem('PII_MASTER_KEY', 'is required outside embedded mode (openssl rand -base64 32)');
  }
  const piiPreviousMasterKeys = (value('PII_MASTER_KEY_PREVIOUS') ?? '')
    .split(',').map((raw) => raw.trim()).filter((raw) => raw.length > 0)
    .map((raw) => parseMasterKey('PII_MASTER_KEY_PREVIOUS', raw, problem))
    .filter((key): key is Buffer => key !== null);

  const logLevel = (value('LOG_LEVEL') ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problem('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  const corsOrigins = parseOrigins(value('CORS_ORIGINS'), problem);
  const rateLimitIntakePerMinute = perMinute('RATE_LIMIT_INTAKE_PER_MINUTE', value, problem, 6000);
  const rateLimitFailedAuthPerMinute = perMinute('RATE_LIMIT_FAILED_AUTH_PER_MINUTE', value, problem, 30);
  const rateLimitSurveyPerMinute = perMinute('RATE_LIMIT_SURVEY_PER_MINUTE', value, problem, 20);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    eventStore,
    databaseUrl,
    kurrentDbConnectionString,
    redisUrl,
    redisPrefix,
    dataDir: value('DATA_DIR') ?? './data',
    port,
    workerHealthPort,
    healthStuckAfterSeconds,
    leaseTtlMs,
    leaseRenewMs,
    authJwtSecret,
    authJwtSecretPrevious,
    authJwksUrl,
    authJwtIssuer,
    authJwtAudience,
    webOidcClientId,
    webOidcScope,
    authClockSkewSeconds,
    authJwksCooldownSeconds,
    piiMasterKey,
    piiPreviousMasterKeys,
    logLevel,
    corsOrigins,
    rateLimitIntakePerMinute,
    rateLimitFailedAuthPerMinute,
    rateLimitSurveyPerMinute,
  };
}

/** `https://ui.example.se,http://localhost:5173`: exact origins only, no wildcard, path or trailing slash. */
function parseOrigins(raw: string | null, problem: (variable: string, message: string) => void): string[] {
  if (raw === null) return [];
  const origins = raw.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  const valid = origins.every((origin) => isUrl(origin, ['https:', 'http:']) && new URL(origin).origin === origin);
  if (!valid) problem('CORS_ORIGINS', 'must be a comma-separated list of origins like https://ui.example.se (no *, path or trailing slash)');
  return valid ? origins : [];
}

function perMinute(
  name: string,
  value: (name: string) => string | null,
  problem: (variable: string, message: string) => void,
  fallback: number,
): number {
  const limit = Number(value(name) ?? String(fallback));
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) {
    problem(name, 'must be a whole number of requests per minute from 1 to 1000000');
    return fallback;
  }
  return limit;
}

function parseMasterKey(variable: string, raw: string | null, problem: (variable: string, message: string) => void): Buffer | null {
  if (raw === null) return null;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32 || key.toString('base64') !== raw) {
    problem(variable, 'must be 32 random bytes in base64 (openssl rand -base64 32)');
    return null;
  }
  return key;
}

function isUrl(raw: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}
