import type { PartyOrg } from '../plan/plan-types';
import { coordinatorOf } from '../plan/volunteer-roster';
import type { ServiceClient } from './service-client';

const PARTIES: readonly PartyOrg[] = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'];
const JOURS = PARTIES.filter((org) => org !== 'stodcentrum');

/**
 * What an earlier run of the same plan left in the store, so that a re-run adds nothing twice:
 * volunteers by their user id, and cases the parties registered by org and moment of receipt
 * (handovers need no look-up: their handoverId makes them idempotent).
 */
export interface AlreadyPresent {
  readonly volunteerIdByUserId: Map<string, string>;
  readonly registeredCaseAt: Set<string>;
}

export const registeredCaseMark = (org: string, receivedAt: string) => `${org}@${Date.parse(receivedAt)}`;

export async function findAlreadyPresent(client: ServiceClient, runTag: string): Promise<AlreadyPresent> {
  const volunteerIdByUserId = new Map<string, string>();
  for (const org of JOURS) {
    const answer = await client.send('GET', `/orgs/${org}/volunteers`, coordinatorOf(org));
    if (answer.status !== 200) throw new Error(`GET /orgs/${org}/volunteers answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    for (const volunteer of answer.body.items as { userId: string; volunteerId: string }[]) {
      if (volunteer.userId.startsWith(`sim-${runTag}-`)) volunteerIdByUserId.set(volunteer.userId, volunteer.volunteerId);
    }
  }
  const registeredCaseAt = new Set<string>();
  // A run that registered no volunteers registered no cases either: skip the scan on a fresh store.
  if (volunteerIdByUserId.size === 0) return { volunteerIdByUserId, registeredCaseAt };
  for (const org of PARTIES) {
    let cursor: string | null = null;
    do {
      const query: string = `/cases?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const answer = await client.send('GET', query, coordinatorOf(org));
      if (answer.status !== 200) throw new Error(`GET ${query} as ${org} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      for (const item of answer.body.items as { source: string; receivedAt: string }[]) {
        if (item.source === 'self-referral' || item.source === 'other-actor') registeredCaseAt.add(registeredCaseMark(org, item.receivedAt));
      }
      cursor = answer.body.nextCursor;
    } while (cursor);
  }
  return { volunteerIdByUserId, registeredCaseAt };
}
