import { CONTACT_CHANNELS, CONTACT_OUTCOMES, InvalidPolicyError, type ContactChannel } from '@referral/case';
import countingJson from '../../../config/policy/counting.v1.json';
import { countContact, countLinkMade, defaultCountingPolicy as policy, parseCountingPolicy } from '../src';

const JOURS = ['boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'] as const;
/** As the decider records it: `reached` = towards the person and outcome reached. */
const contact = (channel: ContactChannel, outcome: string) => ({ channel, reached: channel !== 'other-actor' && outcome === 'reached' });

describe('counting rules of a jour', () => {
  it.each(JOURS)('%s: a call, SMS, e-mail or social-media conversation that reached the person is a direct contact', (org) => {
    for (const channel of ['phone', 'sms', 'email', 'social-media'] as const) {
      expect(countContact(policy, org, contact(channel, 'reached'))).toBe('direct-contact');
    }
  });
  it.each(JOURS)('%s: an attempt on any of those channels that did not reach them is an action', (org) => {
    for (const channel of ['phone', 'sms', 'email', 'social-media'] as const) {
      for (const outcome of CONTACT_OUTCOMES.filter((o) => o !== 'reached')) {
        expect(countContact(policy, org, contact(channel, outcome))).toBe('action');
      }
    }
  });
  it.each(JOURS)('%s: a meeting and an accompaniment are direct contacts', (org) => {
    expect(countContact(policy, org, contact('meeting', 'reached'))).toBe('direct-contact');
    expect(countContact(policy, org, contact('accompaniment', 'reached'))).toBe('direct-contact');
  });
  it.each(JOURS)('%s: a letter is an action', (org) => {
    expect(countContact(policy, org, contact('letter', 'reached'))).toBe('action');
    expect(countContact(policy, org, contact('letter', 'no-answer'))).toBe('action');
  });
  it.each(JOURS)('%s: a contact with another actor is an action', (org) => {
    for (const outcome of CONTACT_OUTCOMES) expect(countContact(policy, org, contact('other-actor', outcome))).toBe('action');
  });
  it.each(JOURS)('%s: a link it makes is one action; its volunteers are support persons', (org) => {
    expect(countLinkMade(policy, org)).toBe('action');
    expect(policy.byOrg[org].supportPersons).toBe(true);
  });
});

describe('counting rules of Stödcentrum', () => {
  it('only a meeting is a direct contact', () => {
    expect(countContact(policy, 'stodcentrum', contact('meeting', 'reached'))).toBe('direct-contact');
  });
  it('its calls, SMS, e-mails, social-media messages and letters are actions, reached or not', () => {
    for (const channel of ['phone', 'sms', 'email', 'social-media', 'letter'] as const) {
      for (const outcome of CONTACT_OUTCOMES) expect(countContact(policy, 'stodcentrum', contact(channel, outcome))).toBe('action');
    }
  });
  it('an accompaniment and a contact with another actor are actions', () => {
    expect(countContact(policy, 'stodcentrum', contact('accompaniment', 'reached'))).toBe('action');
    expect(countContact(policy, 'stodcentrum', contact('other-actor', 'reached'))).toBe('action');
  });
  it('a link it makes is one action; it has no support persons', () => {
    expect(countLinkMade(policy, 'stodcentrum')).toBe('action');
    expect(policy.byOrg.stodcentrum.supportPersons).toBe(false);
  });
});

describe('parseCountingPolicy', () => {
  it('reads the file in the repo, version counting.v1, a rule for every org and channel', () => {
    expect(policy.version).toBe('counting.v1');
    for (const org of ['stodcentrum', ...JOURS] as const) {
      expect(Object.keys(policy.byOrg[org].contacts).sort()).toEqual([...CONTACT_CHANNELS].sort());
    }
  });

  it('lists every problem at once', () => {
    const broken = JSON.parse(JSON.stringify(countingJson));
    delete broken.parties.jour.contacts.letter;
    broken.parties.jour.contacts.pigeon = { reached: 'action', notReached: 'action' };
    broken.parties.stodcentrum.contacts.phone.reached = 'visit';
    broken.parties.stodcentrum.linkMade = 2;
    broken.orgs['boj-vasterort'] = 'nobody';
    broken.orgs.elsewhere = 'jour';
    delete broken.parties.jour.supportPersons;
    expect(() => parseCountingPolicy(broken)).toThrow(InvalidPolicyError);
    try {
      parseCountingPolicy(broken);
    } catch (error) {
      expect((error as InvalidPolicyError).problems).toEqual(expect.arrayContaining([
        'parties.jour.contacts.letter is missing',
        'parties.jour.contacts.pigeon is not a known channel',
        'parties.stodcentrum.contacts.phone.reached must be one of direct-contact, action, none',
        'parties.stodcentrum.linkMade must be one of direct-contact, action, none',
        'orgs.boj-vasterort must name one of the parties',
        'orgs.elsewhere is not a known org id',
        'parties.jour.supportPersons must be true or false',
      ]));
    }
  });

  it('refuses what is not an object, and a missing version', () => {
    expect(() => parseCountingPolicy(null)).toThrow(/\$ must be an object/);
    expect(() => parseCountingPolicy({ ...countingJson, version: '' })).toThrow(/version must be a non-empty string/);
  });

  it('lets a party count a channel as nothing', () => {
    const changed = JSON.parse(JSON.stringify(countingJson));
    changed.parties.stodcentrum.contacts['other-actor'] = { reached: 'none', notReached: 'none' };
    expect(countContact(parseCountingPolicy(changed), 'stodcentrum', contact('other-actor', 'reached'))).toBe('none');
  });
});
