import 'reflect-metadata';
import { operatorToken } from './admin-token';
import { ORG_IDS, ROLES, type CallerOrg, type Role } from '../api/src/auth/caller';

/**
 * `npm run token -- <org> <role>[,<role>…] [sub]`: an HS256 token for trying the service by hand,
 * signed with AUTH_JWT_SECRET (or the embedded secret under DATA_DIR). Valid for 8 hours.
 */
async function main(): Promise<void> {
  const [org, rolesText, sub] = process.argv.slice(2);
  const roles = (rolesText ?? '').split(',').filter(Boolean);
  if (!ORG_IDS.includes(org as CallerOrg) || roles.length === 0 || !roles.every((r) => ROLES.includes(r as Role))) {
    process.stderr.write(
      `usage: npm run token -- <org> <role>[,<role>...] [sub]\n  org:   ${ORG_IDS.join(' | ')}\n  roles: ${ROLES.join(' | ')}\n`,
    );
    process.exit(2);
  }
  const token = await operatorToken(org, roles, sub ?? `${roles[0]}@${org}`);
  process.stdout.write(token + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
