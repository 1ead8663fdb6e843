import { Gender } from '../case/case-facts';
import { OrgId } from '../shared/org';

/** The volunteer stream's events (`volunteer-<volunteerId>`). */
export type VolunteerEvent = VolunteerRegistered | VolunteerDeactivated;

/** A volunteer's personal data, sealed under their stream's key like a case's (see `personal-data.ts`). */
export interface VolunteerPersonalData {
  readonly displayName: string;
}

export interface VolunteerRegistered {
  readonly type: 'VolunteerRegistered';
  readonly data: {
    readonly volunteerId: string;
    readonly org: OrgId;
    /** Only in events written before the name moved into `personalData`. */
    readonly displayName?: string;
    readonly gender: Gender;
    readonly genderLabel?: string;
    /** `YYYY-MM-DD`, Stockholm; may lie in the past for a roster brought over. */
    readonly activeFrom: string;
    /** The `sub` the volunteer signs in with. */
    readonly userId: string;
    readonly at: string;
    readonly by?: string;
    readonly personalData?: VolunteerPersonalData;
  };
}

export interface VolunteerDeactivated {
  readonly type: 'VolunteerDeactivated';
  readonly data: {
    readonly volunteerId: string;
    readonly org: OrgId;
    /** `YYYY-MM-DD`, the last day the volunteer is active. */
    readonly activeUntil: string;
    readonly at: string;
    readonly by?: string;
  };
}
