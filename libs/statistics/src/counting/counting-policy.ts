import { CONTACT_CHANNELS, InvalidPolicyError, ORG_IDS, type ContactChannel, type OrgId } from '@referral/case';

/** What one interaction adds to a party's figures. */
export const COUNTS_AS = ['direct-contact', 'action', 'none'] as const;
export type CountsAs = (typeof COUNTS_AS)[number];

export interface ChannelRule {
  /** The interaction reached the person (`ContactRecorded.reached`). */
  readonly reached: CountsAs;
  readonly notReached: CountsAs;
}

export interface PartyRules {
  readonly contacts: Readonly<Record<ContactChannel, ChannelRule>>;
  /** A link this party makes to the other party (`PersonLinked`). */
  readonly linkMade: CountsAs;
  /** Whether the party's volunteers are reported as support persons (Stödcentrum has none). */
  readonly supportPersons: boolean;
}

export interface CountingPolicy {
  readonly version: string;
  /** The rules each org counts by (its party kind's). */
  readonly byOrg: Readonly<Record<OrgId, PartyRules>>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates the parsed JSON of `config/policy/counting.v*.json`. @throws InvalidPolicyError listing every problem */
export function parseCountingPolicy(json: unknown): CountingPolicy {
  const problems: string[] = [];
  const object = (value: unknown, path: string): Json => {
    if (isObject(value)) return value;
    problems.push(`${path} must be an object`);
    return {};
  };
  const countsAs = (value: unknown, path: string): CountsAs => {
    if ((COUNTS_AS as readonly unknown[]).includes(value)) return value as CountsAs;
    problems.push(`${path} must be one of ${COUNTS_AS.join(', ')}`);
    return 'none';
  };

  const root = object(json, '$');
  const version = typeof root.version === 'string' && root.version.length > 0 ? root.version : '';
  if (!version) problems.push('version must be a non-empty string');
  const orgs = object(root.orgs, 'orgs');
  const parties = object(root.parties, 'parties');

  const partyRules: Record<string, PartyRules> = {};
  for (const [name, value] of Object.entries(parties)) {
    const party = object(value, `parties.${name}`);
    const contacts = object(party.contacts, `parties.${name}.contacts`);
    for (const channel of Object.keys(contacts)) {
      if (!(CONTACT_CHANNELS as readonly string[]).includes(channel)) problems.push(`parties.${name}.contacts.${channel} is not a known channel`);
    }
    const rules = {} as Record<ContactChannel, ChannelRule>;
    for (const channel of CONTACT_CHANNELS) {
      const path = `parties.${name}.contacts.${channel}`;
      if (contacts[channel] === undefined) {
        problems.push(`${path} is missing`);
        continue;
      }
      const rule = object(contacts[channel], path);
      rules[channel] = { reached: countsAs(rule.reached, `${path}.reached`), notReached: countsAs(rule.notReached, `${path}.notReached`) };
    }
    if (typeof party.supportPersons !== 'boolean') problems.push(`parties.${name}.supportPersons must be true or false`);
    partyRules[name] = {
      contacts: rules,
      linkMade: countsAs(party.linkMade, `parties.${name}.linkMade`),
      supportPersons: party.supportPersons === true,
    };
  }

  for (const org of Object.keys(orgs)) {
    if (!(ORG_IDS as readonly string[]).includes(org)) problems.push(`orgs.${org} is not a known org id`);
  }
  const byOrg = {} as Record<OrgId, PartyRules>;
  for (const org of ORG_IDS) {
    const party = orgs[org];
    if (typeof party !== 'string' || !partyRules[party]) problems.push(`orgs.${org} must name one of the parties`);
    else byOrg[org] = partyRules[party];
  }
  if (problems.length > 0) throw new InvalidPolicyError('counting policy', problems);
  return { version, byOrg };
}
