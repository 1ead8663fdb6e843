import type { ContactChannel, OrgId } from '@referral/case';
import type { CountingPolicy, CountsAs } from './counting-policy';

/** What one recorded interaction of `org` counts as: a direct contact, an action, or nothing. */
export function countContact(policy: CountingPolicy, org: OrgId, contact: { channel: ContactChannel; reached: boolean }): CountsAs {
  const rule = policy.byOrg[org].contacts[contact.channel];
  return contact.reached ? rule.reached : rule.notReached;
}

/** What a link made by `org` (to the other party) counts as for `org`. */
export function countLinkMade(policy: CountingPolicy, org: OrgId): CountsAs {
  return policy.byOrg[org].linkMade;
}
