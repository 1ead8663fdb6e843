import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@referral/config';

export const GENERATED_MASTER_KEY_FILE = 'pii-master-key';

/**
 * The master key that wraps the per-person keys. In embedded mode without PII_MASTER_KEY, one is
 * made on first start and kept under DATA_DIR (mode 0600), beside the data it protects: fine for
 * a laptop or a demo, not for real data, where it comes from the environment (required outside
 * embedded mode).
 */
export function resolvePiiMasterKey(config: Config): { key: Buffer; generated: boolean } {
  if (config.piiMasterKey) return { key: config.piiMasterKey, generated: false };
  const file = join(config.dataDir, GENERATED_MASTER_KEY_FILE);
  if (existsSync(file)) return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), generated: true };
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, generated: true };
}
