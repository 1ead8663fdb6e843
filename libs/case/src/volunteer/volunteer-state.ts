import { Gender } from '../case/case-facts';
import { OrgId } from '../shared/org';
import { DEFAULT_LANGUAGES } from './languages';
import { BasicTraining, VolunteerEvent } from './volunteer-events';

export type VolunteerState =
  | { readonly status: 'none' }
  | {
      readonly status: 'registered';
      readonly volunteerId: string;
      readonly org: OrgId;
      readonly userId: string;
      readonly gender: Gender;
      readonly activeFrom: string;
      readonly activeUntil: string | null;
      readonly languages: readonly string[];
      /** As registered; a basic session that lists a pending volunteer is a training's fact, not this stream's. */
      readonly basicTraining: BasicTraining;
    };

export const initialVolunteerState: VolunteerState = { status: 'none' };

export function evolveVolunteer(state: VolunteerState, event: VolunteerEvent): VolunteerState {
  switch (event.type) {
    case 'VolunteerRegistered': {
      const { volunteerId, org, userId, gender, activeFrom } = event.data;
      return {
        status: 'registered', volunteerId, org, userId, gender, activeFrom, activeUntil: null,
        languages: event.data.languages ?? DEFAULT_LANGUAGES,
        basicTraining: event.data.basicTraining ?? 'passed',
      };
    }
    case 'VolunteerDeactivated':
      return state.status === 'none' ? state : { ...state, activeUntil: event.data.activeUntil };
    case 'VolunteerLanguagesChanged':
      return state.status === 'none' ? state : { ...state, languages: event.data.languages };
  }
}

/** Active on a Stockholm calendar date `YYYY-MM-DD`: from `activeFrom` through `activeUntil`. */
export function isVolunteerActiveOn(state: VolunteerState, date: string): boolean {
  if (state.status === 'none') return false;
  return state.activeFrom <= date && (state.activeUntil === null || date <= state.activeUntil);
}
