import { caseDecider } from '../src/case/case-decider';
import { AssignVolunteer, UnassignVolunteer } from '../src/case/case-commands';
import { evolveCase } from '../src/case/evolve-case';
import { deciderSpec, stateAfter } from '../testing/decider-spec';
import { CASE_ID, NOW, closeCase, eventsOf, receiveHandover } from '../testing/case-fixtures';

const spec = deciderSpec(caseDecider);
const openCase = eventsOf(receiveHandover());

const assign = (volunteer: Partial<AssignVolunteer['volunteer']> = {}): AssignVolunteer => ({
  type: 'AssignVolunteer',
  caseId: CASE_ID,
  volunteer: { id: 'vol-1', org: 'boj-vasterort', active: true, basicTrainingPassed: true, ...volunteer },
  at: NOW,
  by: 'coordinator-1',
});
const unassign = (changes: Partial<UnassignVolunteer> = {}): UnassignVolunteer => ({
  type: 'UnassignVolunteer', caseId: CASE_ID, at: NOW, by: 'coordinator-1', ...changes,
});
const assigned = eventsOf(assign(), openCase);

describe('the basic-training rule at assignment', () => {
  it('given an open case, when a volunteer whose basic training is pending is assigned, then 409 basic-training-required', () =>
    spec.given(openCase).when(assign({ basicTrainingPassed: false })).thenFailure(({ error }) =>
      expect(error).toMatchObject({ code: 'basic-training-required', status: 409 })));

  it('a trained volunteer is assigned as before', () =>
    spec.given(openCase).when(assign()).thenEvents(([event]) => expect(event).toMatchObject({ type: 'VolunteerAssigned', data: { volunteerId: 'vol-1' } })));
});

describe('UnassignVolunteer', () => {
  it('given an assigned case, when unassigned, then VolunteerUnassigned naming who held it', () =>
    spec.given(assigned).when(unassign()).then([
      { type: 'VolunteerUnassigned', data: { caseId: CASE_ID, org: 'boj-vasterort', volunteerId: 'vol-1', at: NOW, by: 'coordinator-1' } },
    ]));

  it('leaves the case with nobody, so it can be assigned again without a previous volunteer', () => {
    const after = eventsOf(unassign(), assigned);
    const state = stateAfter(caseDecider, after);
    expect(state.status !== 'none' && state.assigneeId).toBeNull();
    spec.given(after).when(assign({ id: 'vol-2' })).then([
      { type: 'VolunteerAssigned', data: { caseId: CASE_ID, org: 'boj-vasterort', volunteerId: 'vol-2', at: NOW, by: 'coordinator-1' } },
    ]);
  });

  it('a case nobody holds stays as it is', () => spec.given(openCase).when(unassign()).then([]));

  it('refuses a closed case, one that does not exist, and a bad time', () => {
    spec.given(eventsOf(closeCase(), assigned)).when(unassign()).thenFails('case-closed');
    spec.given([]).when(unassign()).thenFails('case-not-found');
    spec.given(assigned).when(unassign({ at: 'yesterday' })).thenFails('validation-failed');
  });

  it('evolving an unassignment of a case never received changes nothing', () =>
    expect(evolveCase({ status: 'none' }, { type: 'VolunteerUnassigned', data: { caseId: CASE_ID, org: 'boj-vasterort', volunteerId: 'vol-1', at: NOW } })).toEqual({ status: 'none' }));
});
