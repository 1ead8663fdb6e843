import { Gender } from '../case/case-facts';
import { OrgId } from '../shared/org';

/** The volunteer stream's events (`volunteer-<volunteerId>`). */
export type VolunteerEvent = VolunteerRegistered | VolunteerDeactivated | VolunteerLanguagesChanged;

/** `pending`: registered before the basic training; they take no case until a basic session lists them. */
export type BasicTraining = 'pending' | 'passed';

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
    /** ISO 639-1 codes; absent in events written before languages were kept (read as `["sv"]`). */
    readonly languages?: readonly string[];
    /** Absent: taken as trained (rosters brought over, and events written before training was kept). */
    readonly basicTraining?: 'pending';
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

/** The languages the volunteer speaks, replaced as a whole. */
export interface VolunteerLanguagesChanged {
  readonly type: 'VolunteerLanguagesChanged';
  readonly data: {
    readonly volunteerId: string;
    readonly org: OrgId;
    /** ISO 639-1 codes. */
    readonly languages: readonly string[];
    readonly at: string;
    readonly by?: string;
  };
}
