import { decideVolunteer } from './decide-volunteer';
import { evolveVolunteer, initialVolunteerState } from './volunteer-state';

export const volunteerDecider = {
  decide: decideVolunteer,
  evolve: evolveVolunteer,
  initialState: initialVolunteerState,
} as const;
