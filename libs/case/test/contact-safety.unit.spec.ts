import { caseDecider } from '../src/case/case-decider';
import type { ChangeContactSafety } from '../src/case/case-commands';
import { defaultContactSafety } from '../src/case/contact-safety';
import { defaultContactPolicy } from '../src/config/default-policies';
import { parseContactPolicy } from '../src/config/contact-policy';
import { InvalidPolicyError } from '../src/config/invalid-policy-error';
import contactJson from '../../../config/policy/contact.v1.json';
import { deciderSpec } from '../testing/decider-spec';
import { CASE_ID, NOW, closeCase, eventsOf, receiveHandover } from '../testing/case-fixtures';

const spec = deciderSpec(caseDecider);
const openCase = eventsOf(receiveHandover());
const change = (changes: Partial<ChangeContactSafety> = {}): ChangeContactSafety => ({
  type: 'ChangeContactSafety',
  caseId: CASE_ID,
  mayLeaveMessage: true,
  safeHours: { from: '09:00', to: '15:00' },
  now: NOW,
  by: 'anna',
  ...changes,
});
const terms = defaultContactPolicy.byOrg['boj-vasterort'];

describe('contact safety defaults', () => {
  it('given a crime flagged violence in a close relationship or honour-related, then no message may be left', () => {
    expect(defaultContactSafety({ flags: ['vald-i-nara-relation'] }, terms)).toEqual({ mayLeaveMessage: false, safeHours: null });
    expect(defaultContactSafety({ flags: ['gangrelaterat', 'hedersrelaterat'] }, terms)).toEqual({ mayLeaveMessage: false, safeHours: null });
  });

  it('given any other crime, then a message may be left, at any hour', () => {
    expect(defaultContactSafety({ flags: [] }, terms)).toEqual({ mayLeaveMessage: true, safeHours: null });
    expect(defaultContactSafety({ flags: ['gangrelaterat'] }, terms)).toEqual({ mayLeaveMessage: true, safeHours: null });
  });

  it('the policy file gives every org 2 hours between attempts and the jours one shared open evening', () => {
    expect(defaultContactPolicy.version).toBe('contact.v1');
    expect(defaultContactPolicy.byOrg.stodcentrum).toMatchObject({ minHoursBetweenAttempts: 2, sharedOpenEvening: null });
    expect(terms.sharedOpenEvening).toEqual({ weekday: 2, from: '18:00', to: '20:00' });
  });

  it('a policy with an unknown flag, a weekday 8 or an evening that ends before it starts is refused, naming each', () => {
    const json = JSON.parse(JSON.stringify(contactJson));
    json.defaults.noMessageWhenFlagged = ['sad'];
    json.orgs['boj-vasterort'].sharedOpenEvening = { weekday: 8, from: '20:00', to: '18:00' };
    expect(() => parseContactPolicy(json)).toThrow(InvalidPolicyError);
    try {
      parseContactPolicy(json);
    } catch (error) {
      expect((error as InvalidPolicyError).problems).toEqual(expect.arrayContaining([
        'orgs.stodcentrum.noMessageWhenFlagged: sad is not a crime flag',
        'orgs.boj-vasterort.sharedOpenEvening.weekday must be 1 (Monday) to 7 (Sunday)',
        'orgs.boj-vasterort.sharedOpenEvening must start before it ends',
      ]));
    }
  });
});

describe('ChangeContactSafety', () => {
  it('given an open case, when safe hours and a note are given, then ContactSafetyChanged with the note as personal data', () =>
    spec.given(openCase).when(change({ note: 'Ring bara på jobbet' })).then([
      {
        type: 'ContactSafetyChanged',
        data: {
          caseId: CASE_ID, org: 'boj-vasterort', at: NOW, mayLeaveMessage: true,
          safeHours: { from: '09:00', to: '15:00' }, by: 'anna', personalData: { note: 'Ring bara på jobbet' },
        },
      },
    ]));

  it('without safe hours (or with null), then any hour: safeHours null, and no personal data without a note', () =>
    spec.given(openCase).when(change({ safeHours: null, mayLeaveMessage: false })).thenEvents(([event]) => {
      expect(event!.data).toEqual({ caseId: CASE_ID, org: 'boj-vasterort', at: NOW, mayLeaveMessage: false, safeHours: null, by: 'anna' });
    }));

  it('the change is kept in the case state', () => {
    const state = eventsOf(change(), openCase).reduce(caseDecider.evolve, caseDecider.initialState);
    expect(state).toMatchObject({ contactSafety: { mayLeaveMessage: true, safeHours: { from: '09:00', to: '15:00' } } });
  });

  it.each([
    [{ from: '9:00', to: '15:00' }, 'safeHours.from'],
    [{ from: '09:00', to: '24:00' }, 'safeHours.to'],
    [{ from: '09:00' }, 'safeHours.to'],
    [{ from: '15:00', to: '09:00' }, 'safeHours.to'],
    [{ from: '15:00', to: '15:00' }, 'safeHours.to'],
  ])('safe hours %j are refused with 400 naming %s', (safeHours, path) =>
    spec.given(openCase).when(change({ safeHours })).thenFailure(({ error }) => {
      expect(error.status).toBe(400);
      expect(error.details?.map((d) => d.path)).toEqual([path]);
    }));

  it('given a closed case, then 409 case-closed', () =>
    spec.given(eventsOf(closeCase(), openCase)).when(change()).thenFails('case-closed'));

  it('given an erased case, a note is refused with 409 personal-data-erased, a change without one is kept', () => {
    const erased = eventsOf({ type: 'ErasePersonalData', caseId: CASE_ID, reason: 'request', now: NOW }, openCase);
    spec.given(erased).when(change({ note: 'x' })).thenFails('personal-data-erased');
    spec.given(erased).when(change()).thenEvents((events) => expect(events).toHaveLength(1));
  });
});
