import { isOrgId, type OrgId } from '@referral/case';
import type { CommandContext } from '../commands/command-context';
import { ApiException } from '../http/api-exception';

/** A coordinator manages the volunteers (and their trainings) of their own org only. */
export function ownOrg(org: string, context: CommandContext): OrgId {
  if (!isOrgId(org) || org !== context.caller.org) {
    throw new ApiException(403, 'forbidden', 'You manage the volunteers of your own organisation only');
  }
  return org;
}
