import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@referral/config';

export const GENERATED_SECRET_FILE = 'auth-jwt-secret';

/**
 * The HS256 secret. In embedded mode without AUTH_JWT_SECRET, one is made on first start and kept
 * under DATA_DIR (mode 0600) so tokens outlive a restart; the scaled shape always sets it.
 */
export function resolveAuthSecret(config: Config): { secret: string; generated: boolean } {
  if (config.authJwtSecret) return { secret: config.authJwtSecret, generated: false };
  const file = join(config.dataDir, GENERATED_SECRET_FILE);
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), generated: true };
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return { secret, generated: true };
}
