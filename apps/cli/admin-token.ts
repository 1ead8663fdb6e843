import { loadConfig } from '@referral/config';
import { resolveAuthSecret } from '@referral/platform';
import { operatorTokenFor } from '../api/src/web/operator-token';

/**
 * A short-lived token signed with the service's own secret (from the environment, or the embedded
 * one under DATA_DIR), for the operator CLIs and the demo.
 */
export function operatorToken(
  org: string,
  roles: string[],
  sub: string,
  expires = '8h',
  secret = resolveAuthSecret(loadConfig(process.env)).secret,
): Promise<string> {
  return operatorTokenFor(secret, org, roles, sub, expires);
}
